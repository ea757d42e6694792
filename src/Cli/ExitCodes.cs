namespace Dflint.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int FindingsReachThreshold = 1;
    public const int UsageOrIoError = 2;
}

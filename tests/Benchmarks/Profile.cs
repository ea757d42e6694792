namespace Dflint.Benchmarks;

internal static class Profile
{
    public static int Run(string[] args) => 0;
}

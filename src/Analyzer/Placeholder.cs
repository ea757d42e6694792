namespace Dflint;

internal static class AssemblyMarker
{
}

using System.Reflection;

namespace Dflint.Cli;

internal static class DflintVersion
{
    /// <summary>The informational version without the source-revision suffix the SDK appends.</summary>
    public static string Current { get; } =
        (typeof(DflintVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}

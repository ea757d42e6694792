using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>apt-get install curl</c> installs whatever version the archive has on the day of the build; a pin
/// (<c>curl=8.5.0-2</c>) makes the build repeatable, or fail loudly when the version is gone.
/// </summary>
public sealed class DL3008AptGetPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3008", "apt-get-pin-versions", "Unpinned package in apt-get install",
        "package '{0}' is not pinned in {1} install: use {2}=<version>",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (AptCommandLine.Read(c.Command) is not { Subcommand: "install", IsSimulation: false } apt) return;
            foreach (var package in apt.Packages)
            {
                // A variable may hold a pinned list; there is no telling.
                if (package.HasExpansion) continue;
                var name = package.Value;
                if (IsPinned(name) || IsLocalFile(name) || IsRemoval(name)) continue;
                c.Report(Rule, package.Span, name, apt.Tool, PackageName(name));
            }
        }, AptCommandLine.CommandNames);

    /// <summary><c>curl=8.5.0-2</c>, also a glob such as <c>curl=8.5.*</c>. A target release (<c>curl/bookworm</c>) is not a version.</summary>
    private static bool IsPinned(string package) => package.Contains('=', StringComparison.Ordinal);

    /// <summary>apt installs a <c>.deb</c> file given by its path (<c>./app.deb</c>); its version is the file's.</summary>
    private static bool IsLocalFile(string package) =>
        package.EndsWith(".deb", StringComparison.Ordinal) || package.StartsWith('/') || package.StartsWith("./", StringComparison.Ordinal)
        || package.StartsWith("../", StringComparison.Ordinal) || package.StartsWith("~/", StringComparison.Ordinal);

    /// <summary>A trailing <c>-</c> asks install to remove the package instead.</summary>
    private static bool IsRemoval(string package) => package.Length > 1 && package[^1] == '-';

    /// <summary>The package as a pin would spell it: without a <c>/release</c> or a trailing <c>+</c>.</summary>
    private static string PackageName(string package)
    {
        var slash = package.IndexOf('/');
        if (slash > 0) package = package[..slash];
        return package.Length > 1 && package[^1] == '+' ? package[..^1] : package;
    }
}

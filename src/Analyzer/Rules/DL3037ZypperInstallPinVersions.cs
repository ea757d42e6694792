using System.Collections.Frozen;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>zypper install curl</c> installs whatever version the repositories hold on the day of the build. A package counts
/// as pinned with a version operator (<c>curl=8.6.0</c>, <c>'curl&gt;=8'</c>, <c>curl &gt;= 8</c> in three words), a
/// version after its name (<c>curl-8.6.0</c>, which zypper also reads) or as an rpm file. Patterns, patches and
/// products have no version to pin.
/// </summary>
public sealed class DL3037ZypperInstallPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3037", "zypper-install-pin-versions", "Unpinned package in zypper install",
        "package '{0}' is not pinned in {1}: use {0}=<version>",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private static readonly FrozenSet<string> s_operators = new[] { "=", "==", "<", ">", "<=", ">=", "!=" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_unversionedKinds = new[] { "pattern", "patch", "product", "srcpackage", "application" }.ToFrozenSet(StringComparer.Ordinal);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (PackageManagerInvocation.Parse(c.Command, PackageManagerSyntax.Zypper) is not { SubcommandName: "install" or "in" } zypper) return;
            if (zypper.Arguments.FindOption("-t", "--type")?.Value is { } type && type != "package") return;
            var packages = zypper.Arguments.Positionals;
            for (var i = 0; i < packages.Length; i++)
            {
                var word = packages[i];
                if (i + 2 < packages.Length && s_operators.Contains(packages[i + 1].Value))
                {
                    // "name >= 1.2" written as three words.
                    i += 2;
                    continue;
                }
                if (word.HasExpansion) continue;
                var package = word.Value.TrimStart('+');
                // A leading '-', '!' or '~' asks zypper to remove the package instead.
                if (package.Length == 0 || package[0] is '-' or '!' or '~' || RpmPackagePins.IsPinned(package)) continue;
                var colon = package.IndexOf(':');
                if (colon > 0 && s_unversionedKinds.Contains(package[..colon])) continue;
                c.Report(Rule, word.Span, package, zypper.DisplayName);
            }
        }, PackageManagerSyntax.Zypper.Names.Contains);
}

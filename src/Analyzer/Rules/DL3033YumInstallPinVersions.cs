using System.Collections.Frozen;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>yum install httpd</c> installs whatever version the repositories hold on the day of the build. A package counts
/// as pinned when it names a version (<c>httpd-2.4.57</c>, <c>httpd-2.4.57-5.el9</c>, <c>'httpd &gt;= 2.4'</c>) or is
/// an rpm file; a module needs a stream (<c>yum module install nodejs:18</c>).
/// </summary>
public sealed class DL3033YumInstallPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3033", "yum-install-pin-versions", "Unpinned package in yum install",
        "{0} '{1}' is not pinned in {2}: use {3}",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private static readonly FrozenSet<string> s_names = new[] { "yum" }.ToFrozenSet(StringComparer.Ordinal);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) => RpmPackagePins.RegisterUnpinnedCheck(context, Rule, s_names);
}

using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// dnf and microdnf keep the metadata and packages they download in /var/cache/dnf, /var/cache/libdnf5 (dnf 5) or
/// /var/cache/yum (microdnf); a RUN that installs without cleaning up bakes them into its layer. <c>dnf clean all</c>
/// (or microdnf's, or yum's where yum is dnf), an <c>rm</c> of the cache folder after the install, or a cache or tmpfs
/// mount on it, keep them out.
/// </summary>
public sealed class DL3040DnfCleanAll : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3040", "dnf-clean-all", "dnf install without dnf clean all",
        "'{0}' leaves {1}'s cache in the image: run '{1} clean all' after it in the same RUN",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            var uncleaned = PackageCacheCleanup.FindUncleaned(
                c, PackageManagerSyntax.Rpm,
                static rpm => rpm.Name != "yum" && RpmCacheCommands.FillsCache(rpm),
                static rpm => PackageCacheCleanup.IsCleanAll(rpm),
                PackageCaches.Dnf);
            if (uncleaned is not null) c.Report(Rule, uncleaned.Subcommand!.Span, RpmCacheCommands.Describe(uncleaned), uncleaned.Name);
        });
}

using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// yum keeps the metadata and packages it downloads in /var/cache/yum (/var/cache/dnf where yum is dnf); a RUN that
/// installs without cleaning up bakes them into its layer. <c>yum clean all</c> (or dnf's), an <c>rm</c> of the cache
/// folder after the install, or a cache or tmpfs mount on it, keep them out.
/// </summary>
public sealed class DL3032YumCleanAll : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3032", "yum-clean-all", "yum install without yum clean all",
        "'{0}' leaves yum's cache in the image: run 'yum clean all' after it in the same RUN",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            var uncleaned = PackageCacheCleanup.FindUncleaned(
                c, PackageManagerSyntax.Rpm,
                static rpm => rpm.Name == "yum" && RpmCacheCommands.FillsCache(rpm),
                static rpm => rpm.Name is "yum" or "dnf" or "dnf5" or "dnf-3" && PackageCacheCleanup.IsCleanAll(rpm),
                PackageCaches.Yum);
            if (uncleaned is not null) c.Report(Rule, uncleaned.Subcommand!.Span, RpmCacheCommands.Describe(uncleaned));
        });
}

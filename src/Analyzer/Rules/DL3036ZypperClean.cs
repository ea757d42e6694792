using System.Collections.Frozen;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// zypper keeps the metadata and packages it downloads in /var/cache/zypp; a RUN that installs without cleaning up
/// bakes them into its layer. <c>zypper clean</c> (<c>cc</c>), an <c>rm</c> of the cache folder after the install, or
/// a cache or tmpfs mount on it, keep them out.
/// </summary>
public sealed class DL3036ZypperClean : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3036", "zypper-clean", "zypper install without zypper clean",
        "'{0}' leaves zypper's cache in the image: run 'zypper clean --all' after it in the same RUN",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private static readonly FrozenSet<string> s_fillingSubcommands = new[]
    {
        "install", "in", "update", "up", "dist-upgrade", "dup", "patch", "install-new-recommends", "inr",
    }.ToFrozenSet(StringComparer.Ordinal);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            var uncleaned = PackageCacheCleanup.FindUncleaned(
                c, PackageManagerSyntax.Zypper,
                static zypper => s_fillingSubcommands.Contains(zypper.SubcommandName),
                static zypper => zypper.SubcommandName is "clean" or "cc",
                PackageCaches.Zypper);
            if (uncleaned is not null) c.Report(Rule, uncleaned.Subcommand!.Span, uncleaned.DisplayName);
        });
}

using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>RUN apt-get update</c> on its own line becomes a cached layer: a later <c>RUN apt-get install</c> edited
/// months afterwards reuses that old index and fails on versions that are gone, or installs stale ones.
/// </summary>
public sealed class DF0202AptGetUpdateAlone : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0202", "apt-get-update-alone", "apt-get update without an install in the same RUN",
        "'{0} update' installs nothing in this RUN, so its package index is cached in a layer that later installs may find stale: update and install in the same RUN",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            var (update, indexRead) = AptCommandLine.FindLeftoverUpdate(c.Commands);
            if (update?.SubcommandWord is { } word && !indexRead) c.Report(Rule, word.Span, update.Tool);
        });
}

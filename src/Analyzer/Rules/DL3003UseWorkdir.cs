using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// A <c>cd</c> lasts until the end of its RUN; WORKDIR sets the directory for every later instruction and shows it
/// in the Dockerfile's structure. Reported once per RUN, on its first <c>cd</c>: the later ones belong to the same
/// pattern. <c>cd</c> inside <c>$(...)</c> (as in <c>$(cd "$dir" &amp;&amp; pwd)</c>) and <c>cd -</c> are not reported.
/// </summary>
public sealed class DL3003UseWorkdir : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3003", "use-workdir", "cd in RUN instead of WORKDIR",
        "cd changes the directory only until the end of this RUN: use WORKDIR to switch to a directory",
        RuleCategories.BestPractice, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            foreach (var command in c.Commands)
            {
                if (command.BaseName != "cd" || command.IsInSubstitution || command.NameWord is not { HasExpansion: false } name) continue;
                if (command.Arguments is [{ Value: "-" }]) continue;
                c.Report(Rule, name.Span);
                return;
            }
        });
}

using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// The package lists that <c>apt-get update</c> downloads (tens of megabytes) are only needed while installing;
/// left in the layer, they ship with the image. Only stages that ship are judged: the final stage and the stages
/// other stages are built FROM (lists in a builder stage that is only copied from never reach the image).
/// </summary>
public sealed class DL3009AptListsNotRemoved : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3009", "apt-lists-not-removed", "apt lists left in the image",
        "the package lists downloaded by '{0} update' stay in the image: end this RUN with 'rm -rf /var/lib/apt/lists/*'",
        RuleCategories.Packages, DiagnosticSeverity.Info);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterRunAction(c =>
        {
            var (update, indexRead) = AptCommandLine.FindLeftoverUpdate(c.Commands);
            // An update that nothing reads is DF0202's finding (apt-get-update-alone).
            if (update?.SubcommandWord is not { } word || !indexRead) return;
            if (AptCommandLine.MountsOverPackageLists(c.Instruction)) return;
            if (!c.IsOnbuildTrigger && !AptCommandLine.IsShipped(c.Model, c.Model.GetStage(c.Instruction))) return;
            c.Report(Rule, word.Span, update.Tool);
        });
}

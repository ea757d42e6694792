using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary><c>:latest</c> moves: the same Dockerfile builds a different image next month.</summary>
public sealed class DL3007PinLatestTag : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3007", "pin-latest-tag", "Base image tagged latest",
        "image '{0}' uses the 'latest' tag, which changes under you: pin a release tag",
        RuleCategories.BaseImages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterInstructionAction<FromInstructionSyntax>(c =>
        {
            if (c.IsOnbuildTrigger || c.Model.GetStage(c.Instruction) is not { Base: StageBase.Image image }) return;
            if (image is { Reference: { Tag: "latest", Digest: null } reference, UnresolvedVariables.IsEmpty: true })
            {
                c.Report(Rule, c.Instruction.Image.Span, reference.FamiliarName);
            }
        });
}

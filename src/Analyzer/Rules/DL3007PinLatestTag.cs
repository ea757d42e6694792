using Dflint.Analysis;
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
            if (c.ResolvedImage() is { Tag: "latest", Digest: null } image) c.Report(Rule, c.Instruction.Image.Span, image.FamiliarName);
        });
}

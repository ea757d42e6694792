using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>A tag can be moved to another image; only a digest names exactly one. Off unless selected.</summary>
public sealed class DF0200PinImageDigest : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0200", "pin-image-digest", "Base image without a digest",
        "image '{0}' is not pinned by digest: a tag can be re-pointed, '{0}@sha256:...' cannot",
        RuleCategories.BaseImages, DiagnosticSeverity.Info, isEnabledByDefault: false);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterInstructionAction<FromInstructionSyntax>(c =>
        {
            if (c.IsOnbuildTrigger) return;
            if (c.Model.GetStage(c.Instruction) is { Base: StageBase.Image { Reference: { Digest: null } image, UnresolvedVariables.IsEmpty: true } })
            {
                c.Report(Rule, c.Instruction.Image.Span, image.FamiliarString);
            }
        });
}

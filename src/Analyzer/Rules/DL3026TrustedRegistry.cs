using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>With <c>trusted-registries</c> configured, base images must come from one of them.</summary>
public sealed class DL3026TrustedRegistry : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3026", "trusted-registry", "Base image from an untrusted registry",
        "image '{0}' comes from {1}, which is not a trusted registry ({2})",
        RuleCategories.BaseImages, DiagnosticSeverity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterInstructionAction<FromInstructionSyntax>(c =>
        {
            var trusted = c.Options.TrustedRegistries;
            if (trusted.IsEmpty || c.IsOnbuildTrigger) return;
            if (c.Model.GetStage(c.Instruction) is not { Base: StageBase.Image { Reference: { } image, UnresolvedVariables.IsEmpty: true } }) return;
            if (ImageMatching.IsFromRegistry(image, trusted)) return;
            c.Report(Rule, c.Instruction.Image.Span, image.FamiliarString, image.Domain, string.Join(", ", trusted));
        });
}

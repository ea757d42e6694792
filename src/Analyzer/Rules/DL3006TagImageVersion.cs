using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>A base image without a tag gets whatever <c>latest</c> is on the day of the build.</summary>
public sealed class DL3006TagImageVersion : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3006", "tag-image-version", "Base image without a tag",
        "image '{0}' has no tag: pin a version, as in '{0}:<version>'",
        RuleCategories.BaseImages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterInstructionAction<FromInstructionSyntax>(c =>
        {
            if (c.IsOnbuildTrigger || c.Model.GetStage(c.Instruction) is not { Base: StageBase.Image image }) return;
            if (image is { Reference: { Tag: null, Digest: null } reference, UnresolvedVariables.IsEmpty: true })
            {
                c.Report(Rule, c.Instruction.Image.Span, reference.FamiliarName);
            }
        });
}

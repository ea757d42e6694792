using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Rules;

/// <summary>What the base-image rules share: the image a FROM pulls, when it can be judged.</summary>
internal static class BaseImages
{
    /// <summary>
    /// The image of this FROM after ARG defaults are substituted; null for earlier stages, <c>scratch</c>,
    /// ONBUILD triggers, text that is no valid reference, and variables without a default (what
    /// <c>--build-arg</c> will give them is anyone's guess).
    /// </summary>
    public static ImageReference? ResolvedImage(this InstructionContext<FromInstructionSyntax> context) =>
        !context.IsOnbuildTrigger && context.Model.GetStage(context.Instruction) is { Base: StageBase.Image { Reference: { } image, UnresolvedVariables.IsEmpty: true } }
            ? image
            : null;
}

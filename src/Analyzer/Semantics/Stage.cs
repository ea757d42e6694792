using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Semantics;

/// <summary>What a stage is built on, after its FROM line is expanded with the global ARG defaults.</summary>
public abstract record StageBase(string Text)
{
    /// <summary>An image pulled from a registry. <see cref="Reference"/> is null when the expanded text is not a valid reference.</summary>
    public sealed record Image(string Text, ImageReference? Reference, bool UsesVariables, ImmutableArray<string> UnresolvedVariables)
        : StageBase(Text);

    /// <summary>An earlier stage of the same Dockerfile.</summary>
    public sealed record StageReference(string Text, Stage Stage) : StageBase(Text);

    /// <summary>The empty image <c>scratch</c>.</summary>
    public sealed record Scratch(string Text) : StageBase(Text);
}

/// <summary>How one stage uses another stage or an image.</summary>
public enum StageDependencyKind
{
    From,
    CopyFrom,
    MountFrom,
}

/// <summary>
/// A use of another stage or of an image by <c>FROM</c>, <c>COPY --from</c> or <c>RUN --mount=from=</c>.
/// Exactly one of <see cref="Stage"/> and <see cref="Image"/> is set for a resolved reference; both are
/// null when the reference names a stage that does not exist yet (a forward or self reference).
/// </summary>
public sealed record StageDependency(StageDependencyKind Kind, string Text, Stage? Stage, ImageReference? Image, InstructionSyntax Instruction);

/// <summary>One build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class Stage
{
    internal Stage(int index, FromInstructionSyntax from, string? name)
    {
        Index = index;
        From = from;
        Name = name;
    }

    public int Index { get; }

    /// <summary>The name after <c>AS</c>, lower-cased as BuildKit compares it; null when unnamed.</summary>
    public string? Name { get; }

    public FromInstructionSyntax From { get; }

    public StageBase Base { get; internal set; } = new StageBase.Scratch("scratch");

    /// <summary>The <c>--platform</c> value as written, or null.</summary>
    public string? Platform => From.GetFlag("platform")?.Value;

    /// <summary>The stage's instructions after FROM, in order.</summary>
    public ImmutableArray<InstructionSyntax> Instructions { get; internal set; } = [];

    public ImmutableArray<StageDependency> Dependencies { get; internal set; } = [];

    public bool IsFinal { get; internal set; }

    /// <summary>The stage this one is built on, when its FROM names an earlier stage.</summary>
    public Stage? BaseStage => (Base as StageBase.StageReference)?.Stage;

    /// <summary>The image at the bottom of the FROM chain: for <c>FROM builder</c>, builder's base image.</summary>
    public StageBase RootBase => BaseStage?.RootBase ?? Base;

    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"stage {DisplayName}";
}

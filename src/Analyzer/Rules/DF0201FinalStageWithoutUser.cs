using Dflint.Analysis;
using Dflint.Semantics;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// Most base images start as root; a final stage that never says USER ships a container that runs as root.
/// Images known to start unprivileged (distroless <c>:nonroot</c>, Chainguard) are exempt, and the list can be
/// extended with the <c>known-unprivileged-images</c> option.
/// </summary>
public sealed class DF0201FinalStageWithoutUser : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0201", "final-stage-without-user", "Final stage never sets USER",
        "the final stage never sets USER, so the container runs as {0}'s default user, root: add a USER with an unprivileged account",
        RuleCategories.Users, DiagnosticSeverity.Info);

    public const string KnownUnprivilegedImagesOption = "known-unprivileged-images";

    /// <summary>Images whose default user is not root.</summary>
    public static readonly ImmutableArray<string> DefaultUnprivilegedImages =
    [
        "gcr.io/distroless/*:nonroot", "gcr.io/distroless/*:*-nonroot", "gcr.io/distroless/*:nonroot-*",
        "cgr.dev/chainguard/*",
    ];

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterStageAction(c =>
        {
            if (!c.Stage.IsFinal || c.Model.GetEndState(c.Stage).User is not null) return;
            string imageName;
            switch (c.Stage.RootBase)
            {
                case StageBase.Image { Reference: { } image }:
                    var known = DefaultUnprivilegedImages.AddRange(c.Options.RuleOptions.GetStringList(Rule, KnownUnprivilegedImagesOption) ?? []);
                    if (known.Any(pattern => ImageMatching.Matches(image, pattern))) return;
                    imageName = image.FamiliarString;
                    break;
                case StageBase.Scratch:
                    imageName = "scratch";
                    break;
                default:
                    // An image named by a variable without a default: its user is anyone's guess.
                    return;
            }
            c.Report(Rule, c.Stage.From.Image.Span, imageName);
        });
}

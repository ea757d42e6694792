using Dflint.Analysis;
using Dflint.Context;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// A COPY or ADD that takes a whole folder from the build context, when the context has no ignore file: everything
/// in it (.git, installed dependencies, build output, local secrets) goes to the builder and into the image. Sources
/// that name files are exempt: BuildKit sends only the paths COPY names, so an ignore file changes nothing for them.
/// </summary>
public sealed class DF0310MissingDockerignore : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0310", "missing-dockerignore", "Folder copied from a build context without .dockerignore",
        "{0} '{1}' takes a whole folder of the build context, which has no .dockerignore{2}: add one to keep .git, dependencies, build output and secrets out",
        RuleCategories.BestPractice, DiagnosticSeverity.Info);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction(c =>
        {
            if (c.Options.BuildContext is not { HasIgnoreFile: false } buildContext) return;
            foreach (var instruction in c.Tree.Instructions)
            {
                if (instruction is not CopyLikeInstructionSyntax copy) continue;
                foreach (var source in ContextSources.Of(copy, c.Model))
                {
                    if (!source.IsBroad(buildContext)) continue;
                    var alternative = buildContext.DockerfileIgnoreFileName is { } name ? $" (nor {name})" : "";
                    // One finding per file: the first wholesale copy is where the missing file starts to matter.
                    c.Report(Rule, source.Token.Span, InstructionName(copy), source.Value, alternative);
                    return;
                }
            }
        });

    internal static string InstructionName(CopyLikeInstructionSyntax instruction) => instruction is AddInstructionSyntax ? "ADD" : "COPY";
}

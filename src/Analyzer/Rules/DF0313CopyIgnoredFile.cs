using Dflint.Analysis;
using Dflint.Context;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// BuildKit's CopyIgnoredFile: a COPY or ADD source from the main context that the ignore file leaves out. The
/// build does not have it: a named path fails with "not found", a wildcard copies nothing. Unlike BuildKit, which
/// gives up on ignore files with <c>!</c> exceptions, this follows them, and an excluded folder that still holds
/// re-included files is not reported. Sources from <c>--from</c>, URLs and heredocs are not in the context.
/// </summary>
public sealed class DF0313CopyIgnoredFile : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0313", "copy-ignored-file", "COPY source is excluded by .dockerignore",
        "{0} source '{1}' is excluded by {2} (line {3}: '{4}'): {5}",
        RuleCategories.BestPractice, DiagnosticSeverity.Warning, aliases: ["CopyIgnoredFile"]);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterInstructionAction<CopyInstructionSyntax>(c => Check(c, c.Instruction, c.IsOnbuildTrigger));
        context.RegisterInstructionAction<AddInstructionSyntax>(c => Check(c, c.Instruction, c.IsOnbuildTrigger));
    }

    private static void Check(RuleContext c, CopyLikeInstructionSyntax copy, bool isOnbuildTrigger)
    {
        if (isOnbuildTrigger || c.Options.BuildContext is not { HasIgnoreFile: true } buildContext || buildContext.Ignore.Patterns.IsEmpty) return;
        foreach (var source in ContextSources.Of(copy, c.Model))
        {
            if (source.IsWholeContext) continue;
            DockerIgnorePattern? pattern;
            string consequence;
            if (!source.HasWildcards)
            {
                pattern = ExcludedBy(buildContext, source.Path);
                consequence = "the build fails, as the context does not have it";
            }
            else
            {
                // The folders before the first wildcard decide alone when they are excluded; else every match must be.
                var fixedPart = FixedFolder(source.Path);
                pattern = fixedPart == "." ? null : ExcludedBy(buildContext, fixedPart);
                pattern ??= ExcludedByAll(buildContext, buildContext.ExpandSource(source.Value));
                consequence = "every match is left out, so it copies nothing";
            }
            if (pattern is null) continue;
            c.Report(Rule, source.Token.Span, DF0310MissingDockerignore.InstructionName(copy), source.Value, buildContext.IgnoreFileName, pattern.Line, pattern.ToString(), consequence);
        }
    }

    // The pattern that leaves the path out, unless it is a folder in which an exception brings files back.
    private static DockerIgnorePattern? ExcludedBy(BuildContext context, string path)
    {
        var match = context.Ignore.Match(path);
        if (!match.IsExcluded) return null;
        // A walk cut short may have missed what an exception brings back: then the folder gets the benefit of the doubt.
        if (context.Ignore.HasExceptions && context.IsDirectory(path) && (context.Sent.IsTruncated || context.Sent.Under(path).Any())) return null;
        return match.Pattern;
    }

    private static DockerIgnorePattern? ExcludedByAll(BuildContext context, ImmutableArray<string> matches)
    {
        DockerIgnorePattern? first = null;
        foreach (var match in matches)
        {
            if (ExcludedBy(context, match) is not { } pattern) return null;
            first ??= pattern;
        }
        return first;
    }

    private static string FixedFolder(string path)
    {
        var elements = path.Split('/');
        var first = Array.FindIndex(elements, GoGlob.ContainsWildcards);
        return first <= 0 ? "." : string.Join('/', elements[..first]);
    }
}

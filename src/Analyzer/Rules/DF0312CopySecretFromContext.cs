using Dflint.Analysis;
using Dflint.Context;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// A COPY or ADD of the whole context or of a folder that sends a file looking like a secret (.env, SSH and TLS
/// private keys, .npmrc with a token, cloud credentials, ...), which no ignore file or <c>--exclude</c> holds
/// back. It ends up in a layer of the image, readable by anyone who pulls it. Only the path is reported. Test and
/// sample folders (test, tests, testdata, fixtures, examples, ...) and dependency folders are not searched.
/// </summary>
public sealed class DF0312CopySecretFromContext : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0312", "copy-secret-from-context", "COPY sends a secret file from the build context",
        "{0} sends '{1}' ({2}) into the image: exclude it in {3}",
        RuleCategories.Security, DiagnosticSeverity.Error);

    /// <summary>The most files reported for one source; a folder of certificates should not bury everything else.</summary>
    public const int MaxFindingsPerSource = 20;

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterInstructionAction<CopyInstructionSyntax>(c => Check(c, c.Instruction, c.IsOnbuildTrigger));
        context.RegisterInstructionAction<AddInstructionSyntax>(c => Check(c, c.Instruction, c.IsOnbuildTrigger));
    }

    private static void Check(RuleContext c, CopyLikeInstructionSyntax copy, bool isOnbuildTrigger)
    {
        // An ONBUILD trigger copies from the context of a later build.
        if (isOnbuildTrigger || c.Options.BuildContext is not { } buildContext) return;
        var excludes = ContextSources.Excludes(copy);
        var where = buildContext.HasIgnoreFile ? buildContext.IgnoreFileName : "a .dockerignore (the context has none)";
        foreach (var source in ContextSources.Of(copy, c.Model))
        {
            if (!source.IsBroad(buildContext)) continue;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in source.Roots(buildContext))
            {
                foreach (var entry in buildContext.Sent.Under(root))
                {
                    if (entry.IsDirectory || ContextSources.IsExcludedByFlags(excludes, entry.Path, root)) continue;
                    if (buildContext.SecretKind(entry.Path) is not { } kind || !reported.Add(entry.Path)) continue;
                    c.Report(Rule, source.Token.Span, DF0310MissingDockerignore.InstructionName(copy), entry.Path, kind, where);
                    if (reported.Count == MaxFindingsPerSource) break;
                }
                if (reported.Count == MaxFindingsPerSource) break;
            }
        }
    }
}

using Dflint.Analysis;
using Dflint.Context;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// A .dockerignore that lets through what a wholesale COPY should not send: the Git history, and the dependency
/// and build-output folders of the ecosystems found in the context, when they exist there. Reported once per
/// missing entry, at the first COPY or ADD that sends it; silent when nothing copies those folders. Secret files
/// are <see cref="DF0312CopySecretFromContext"/>'s.
/// </summary>
public sealed class DF0311DockerignoreMissingEntries : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0311", "dockerignore-missing-entries", ".dockerignore lets through .git, dependencies or build output",
        "{0} sends {1} ({2}), which {3} does not exclude: add '{4}' to it",
        RuleCategories.BestPractice, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterFileAction(c =>
        {
            if (c.Options.BuildContext is not { HasIgnoreFile: true } buildContext) return;
            List<Group>? groups = null;
            foreach (var instruction in c.Tree.Instructions)
            {
                if (instruction is not CopyLikeInstructionSyntax copy) continue;
                var excludes = ContextSources.Excludes(copy);
                foreach (var source in ContextSources.Of(copy, c.Model))
                {
                    if (!source.IsBroad(buildContext)) continue;
                    // The context is walked only once something copies a folder of it.
                    groups ??= Candidates(buildContext);
                    var roots = source.Roots(buildContext);
                    for (var i = groups.Count - 1; i >= 0; i--)
                    {
                        var group = groups[i];
                        var sent = group.Paths.FindAll(path => roots.Any(root => GoPath.IsAtOrBelow(path, root) && !ContextSources.IsExcludedByFlags(excludes, path, root)));
                        if (sent.Count == 0) continue;
                        var shown = sent.Count == 1 ? $"'{sent[0]}'" : $"'{sent[0]}' and {sent.Count - 1} more like it";
                        c.Report(Rule, source.Token.Span, DF0310MissingDockerignore.InstructionName(copy), shown, group.Kind, buildContext.IgnoreFileName, group.Pattern);
                        groups.RemoveAt(i);
                    }
                    if (groups.Count == 0) return;
                }
            }
        });

    private sealed record Group(string Name, string Kind, List<string> Paths)
    {
        // A name found only at the root is excluded by itself; one found deeper needs "**/" (which covers the root too).
        public string Pattern => Paths.TrueForAll(p => p == Name) ? Name : "**/" + Name;
    }

    // What the context sends that an ignore file usually holds back, grouped by name.
    private static List<Group> Candidates(BuildContext context)
    {
        var groups = new List<Group>();
        foreach (var entry in context.Sent.Entries)
        {
            if (Kind(context, entry) is not { } kind) continue;
            var group = groups.Find(g => g.Name == entry.Name);
            if (group is null) groups.Add(group = new Group(entry.Name, kind, []));
            group.Paths.Add(entry.Path);
        }
        // Within one COPY, in order of first appearance in the context (the loop above runs backwards).
        groups.Reverse();
        return groups;
    }

    private static string? Kind(BuildContext context, ContextEntry entry)
    {
        if (entry.Name == ".git") return "the Git history";
        if (!entry.IsDirectory) return null;
        var parent = GoPath.Parent(entry.Path);
        return entry.Name switch
        {
            "node_modules" => "packages installed on this machine, which may not run in the image",
            "__pycache__" => "Python bytecode caches",
            "target" when HasFile(context, parent, "Cargo.toml", "pom.xml") => "build output",
            "bin" or "obj" when HasProjectFile(context, parent) => ".NET build output",
            _ when context.Exists(entry.Path + "/pyvenv.cfg") => "a Python virtual environment built on this machine",
            _ => null,
        };
    }

    private static bool HasFile(BuildContext context, string folder, string first, string second) =>
        context.Exists(GoPath.Join(folder, first)) || context.Exists(GoPath.Join(folder, second));

    private static bool HasProjectFile(BuildContext context, string folder)
    {
        foreach (var entry in context.List(folder))
        {
            if (!entry.IsDirectory && (entry.Name.EndsWith(".csproj", StringComparison.Ordinal) || entry.Name.EndsWith(".fsproj", StringComparison.Ordinal)
                || entry.Name.EndsWith(".vbproj", StringComparison.Ordinal))) return true;
        }
        return false;
    }
}

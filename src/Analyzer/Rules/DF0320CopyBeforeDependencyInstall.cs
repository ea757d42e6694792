using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;
using SyntaxToken = Dflint.Syntax.SyntaxToken;

namespace Dflint.Rules;

/// <summary>
/// Docker reuses a RUN's layer only while every layer before it is unchanged. A <c>COPY . .</c> before
/// <c>npm ci</c> changes with every edited source file, so the install runs again on every build; copying the
/// manifests first, installing, then copying the rest keeps the install cached until the dependencies change.
/// </summary>
public sealed class DF0320CopyBeforeDependencyInstall : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0320", "copy-before-dependency-install", "Sources copied before the dependency install",
        "'{0}' copies {1} before '{2}' at {3}, so every source change {4}: copy {5} first, run '{6}', then copy the rest",
        RuleCategories.BestPractice, DiagnosticSeverity.Warning);

    /// <summary>Files commonly written without an extension, which a COPY source of that name is rather than a folder.</summary>
    private static readonly FrozenSet<string> s_extensionlessFiles = new[]
    {
        "Gemfile", "Pipfile", "Makefile", "GNUmakefile", "Dockerfile", "Containerfile", "Procfile", "LICENSE", "LICENCE", "COPYING",
        "NOTICE", "README", "VERSION", "AUTHORS", "CHANGELOG", "CODEOWNERS", "Jenkinsfile", "Rakefile", "Vagrantfile", "Brewfile",
        "Justfile", "Caddyfile", "Earthfile", "Tiltfile", "Berksfile", "Podfile", "Guardfile", "Capfile", "gradlew", "mvnw",
        "entrypoint", "docker-entrypoint", "start", "run", "healthcheck",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterRunAction(Analyze);

    private static void Analyze(RunContext c)
    {
        // ONBUILD triggers run in the images built from this one, interleaved with their own instructions.
        if (c.IsOnbuildTrigger || c.State.Stage is not { } stage) return;
        var steps = FindSteps(c.Scripts, c.State, c.Tree.EscapeChar);
        if (steps is null) return;
        var cached = HasCacheMount(c.Instruction);
        for (var k = 0; k < steps.Count; k++)
        {
            var (step, folder) = steps[k];
            // A build step needs the sources anyway; with a cache mount it finds the dependencies it fetched last time.
            if (step.Kind == DependencyStepKind.Build && cached) continue;
            if (PrecededInRun(steps, k)) continue;
            ReportBroadCopies(c, stage, step, folder);
        }
    }

    /// <summary>The dependency steps of a RUN's scripts with the folder each reads its manifests from; null when there are none.</summary>
    private static List<(DependencyStep Step, string? Folder)>? FindSteps(ImmutableArray<ShellScript> scripts, InstructionState state, char escape)
    {
        List<(DependencyStep, string?)>? steps = null;
        foreach (var script in scripts)
        {
            var directory = state.Workdir ?? ContainerPaths.ImageWorkdir;
            foreach (var command in script.Commands)
            {
                if (command.BaseName is "cd" or "pushd" && !command.IsInSubstitution)
                {
                    directory = ChangeDirectory(command, directory, state, escape);
                    continue;
                }
                if (DependencyInstalls.Find(command, state) is not { } step) continue;
                steps ??= [];
                steps.Add((step, ContainerPaths.Resolve(directory, step.Directory)));
            }
        }
        return steps;
    }

    /// <summary>The folder after <c>cd DIR</c>; null when it cannot be told (<c>cd</c> alone, <c>cd -</c>, an unknown variable).</summary>
    private static string? ChangeDirectory(ShellCommand cd, string? directory, InstructionState state, char escape)
    {
        foreach (var argument in cd.Arguments)
        {
            var value = argument.Value;
            if (value is "-L" or "-P" or "-e" or "-n") continue;
            if (value == "-" || value.StartsWith('~') || value.StartsWith('+')) return null;
            return ContainerPaths.Resolve(directory, argument.HasExpansion ? Expand(value, state, escape) : value);
        }
        return null;
    }

    private static bool PrecededInRun(List<(DependencyStep Step, string? Folder)> steps, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (Covers(steps[j].Step, steps[j].Folder, steps[index].Step, steps[index].Folder)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when the earlier step installed what the later one needs: same family, for the same folder or one above
    /// it. .NET projects reference each other across folders and share one package folder, so any earlier restore counts.
    /// </summary>
    private static bool Covers(DependencyStep earlier, string? earlierFolder, DependencyStep later, string? laterFolder) =>
        earlier.Family == later.Family && (later.Family == DependencyFamily.DotNet || ContainerPaths.IsAtOrAbove(earlierFolder, laterFolder));

    private static bool HasCacheMount(RunInstructionSyntax run)
    {
        foreach (var mount in RunMounts.Of(run))
        {
            if (mount.Type == "cache") return true;
        }
        return false;
    }

    /// <summary>
    /// Reports the COPY and ADD of the build context that come before the step, in its stage or the stages it is
    /// built on, unless an earlier step of the same family already installed the dependencies (then the layers are
    /// cached as they should be, or that earlier step is the one reported).
    /// </summary>
    private static void ReportBroadCopies(RunContext c, Stage stage, DependencyStep step, string? folder)
    {
        List<(SyntaxToken Token, string Value)>? whole = null;
        var folderLike = false;
        for (var (current, end) = (stage, IndexOf(stage, c.Instruction)); current is not null; current = current.BaseStage, end = current?.Instructions.Length ?? 0)
        {
            for (var i = end - 1; i >= 0; i--)
            {
                switch (current.Instructions[i])
                {
                    case CopyLikeInstructionSyntax copy when copy.GetFlag("from") is null:
                        foreach (var source in copy.Sources)
                        {
                            if (SourceValue(c, copy, source) is not { } value) continue;
                            if (IsWholeContext(value)) (whole ??= []).Add((source, value));
                            else folderLike |= IsFolder(value);
                        }
                        break;
                    case RunInstructionSyntax run when HasCoveringStep(c, run, step, folder):
                        return;
                }
            }
        }
        var reported = whole ?? (folderLike ? FolderCopies(c, stage, step, folder) : null);
        if (reported is null) return;
        var position = c.Text.Lines.GetLinePosition(step.NameWord.Span.Start);
        var at = $"{position.Line + 1}:{position.Character + 1}";
        var what = whole is null ? "the project folder" : "the whole build context";
        foreach (var (token, value) in reported)
        {
            c.Report(Rule, token.Span, value, what, step.Display, at, step.Consequence, step.Manifests, step.CacheableStep);
        }
    }

    /// <summary>
    /// The folders copied from the context at or above the folder the step reads its manifests from; null when none,
    /// or when some COPY names the manifests (then the folders are taken not to hold them).
    /// </summary>
    private static List<(SyntaxToken Token, string Value)>? FolderCopies(RunContext c, Stage stage, DependencyStep step, string? folder)
    {
        if (folder is null) return null;
        List<(SyntaxToken, string)>? folders = null;
        for (var (current, end) = (stage, IndexOf(stage, c.Instruction)); current is not null; current = current.BaseStage, end = current?.Instructions.Length ?? 0)
        {
            for (var i = end - 1; i >= 0; i--)
            {
                if (current.Instructions[i] is not CopyLikeInstructionSyntax copy) continue;
                // Another stage's files, or an image's, change only when their content does; they may still be the manifests.
                var fromContext = copy.GetFlag("from") is null;
                string? destination = null;
                var destinationRead = false;
                foreach (var source in copy.Sources)
                {
                    if (SourceValue(c, copy, source) is not { } value) continue;
                    if (DependencyInstalls.IsManifest(step, value)) return null;
                    if (!fromContext || !IsFolder(value)) continue;
                    if (!destinationRead)
                    {
                        destinationRead = true;
                        var state = c.Model.GetState(copy);
                        destination = ContainerPaths.Resolve(state.Workdir ?? ContainerPaths.ImageWorkdir, Expand(copy.Destination.ValueText, state, c.Tree.EscapeChar));
                    }
                    // A folder copied at or above the manifests' folder holds them, unless it is the folder a manifest path
                    // names (`COPY deps/ ./deps/` for `pip install -r deps/base.txt`). The root is where rootfs overlays go.
                    if (destination is not null && destination != "/" && destination[0] == folder[0] && ContainerPaths.IsAtOrAbove(destination, folder)
                        && !(step.NamesManifestFile && destination == folder))
                    {
                        (folders ??= []).Add((source, value));
                    }
                }
            }
        }
        return folders;
    }

    /// <summary>A COPY source with the stage's variables expanded; null for heredocs and unknown variables.</summary>
    private static string? SourceValue(RunContext c, CopyLikeInstructionSyntax copy, SyntaxToken source)
    {
        var text = source.ValueText;
        var escape = c.Tree.EscapeChar;
        var value = text.AsSpan().IndexOfAny('$', '"', '\'') < 0 && text.IndexOf(escape) < 0 ? text : Expand(text, c.Model.GetState(copy), escape);
        return value is { Length: > 0 } && !value.StartsWith("<<", StringComparison.Ordinal) ? value : null;
    }

    /// <summary>True when <paramref name="run"/> (an earlier RUN) has a step that installed what <paramref name="step"/> needs.</summary>
    private static bool HasCoveringStep(RunContext c, RunInstructionSyntax run, DependencyStep step, string? folder)
    {
        // Most RUNs name no tool of the family: skip parsing them.
        if (!MayRun(c.Text.ToString(run.Span), step.Family)) return false;
        var escape = c.Tree.EscapeChar;
        var state = c.Model.GetState(run);
        if (FindSteps(c.GetShellScripts(run), state, escape) is not { } earlier) return false;
        foreach (var (other, otherFolder) in earlier)
        {
            if (Covers(other, otherFolder, step, folder)) return true;
        }
        return false;
    }

    /// <summary>False when the text of a RUN names none of the family's tools, so that it need not be parsed.</summary>
    private static bool MayRun(string text, DependencyFamily family)
    {
        foreach (var tool in DependencyInstalls.Tools(family))
        {
            if (text.Contains(tool, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static int IndexOf(Stage stage, InstructionSyntax instruction)
    {
        var instructions = stage.Instructions;
        for (var i = instructions.Length - 1; i >= 0; i--)
        {
            if (instructions[i].SpanStart == instruction.SpanStart) return i;
        }
        return instructions.Length;
    }

    /// <summary>The word with the stage's variables expanded and quotes removed; null when a variable is unknown.</summary>
    private static string? Expand(string word, InstructionState state, char escape)
    {
        if (word.IndexOfAny(['$', '"', '\'', escape]) < 0) return word;
        var result = state.Variables.Expand(word, escape);
        return result.Success && result.Unmatched.IsDefaultOrEmpty && !result.Value.Contains('$', StringComparison.Ordinal) ? result.Value : null;
    }

    /// <summary><c>.</c>, <c>./</c>, <c>*</c>, <c>./*</c>, <c>/</c>: the whole build context.</summary>
    internal static bool IsWholeContext(string source)
    {
        var span = source.AsSpan();
        while (span.StartsWith("./", StringComparison.Ordinal)) span = span[2..].TrimStart('/');
        span = span.TrimEnd('/');
        return span.IsEmpty || span is "." or "*";
    }

    /// <summary>A source that names a folder: written with a trailing slash, or a name without extension that is no well-known file.</summary>
    internal static bool IsFolder(string source)
    {
        if (source.AsSpan().IndexOfAny('*', '?', '[') >= 0 || source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal)) return false;
        if (source.EndsWith('/') || source.EndsWith("/.", StringComparison.Ordinal)) return true;
        var name = DependencyInstalls.LastSegment(source);
        return !name.IsEmpty && name.IndexOf('.') < 0 && !s_extensionlessFiles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }
}

/// <summary>
/// Container folders as DF0320 compares them: absolute (<c>/app</c>), or below the base image's working directory,
/// which the Dockerfile does not tell (<c>~</c>, <c>~/src</c>); null when unknown.
/// </summary>
internal static class ContainerPaths
{
    public const string ImageWorkdir = "~";

    /// <summary><paramref name="path"/> resolved against <paramref name="directory"/>, with <c>.</c> and <c>..</c> folded.</summary>
    public static string? Resolve(string? directory, string? path)
    {
        if (path is null) return null;
        string root;
        string combined;
        if (path.StartsWith('/'))
        {
            (root, combined) = ("/", path);
        }
        else if (directory is null)
        {
            return null;
        }
        else
        {
            root = directory.StartsWith('/') ? "/" : ImageWorkdir;
            combined = directory[root.Length..] + "/" + path;
        }
        var parts = new List<string>();
        foreach (var part in combined.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part != "..")
            {
                parts.Add(part);
            }
            else if (parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (root == ImageWorkdir)
            {
                return null;
            }
        }
        return root == "/" ? "/" + string.Join('/', parts) : parts.Count == 0 ? ImageWorkdir : ImageWorkdir + "/" + string.Join('/', parts);
    }

    /// <summary>
    /// True when <paramref name="ancestor"/> is <paramref name="folder"/> or holds it, or when that cannot be told
    /// (either unknown, or one absolute and the other below the image's working directory).
    /// </summary>
    public static bool IsAtOrAbove(string? ancestor, string? folder)
    {
        if (ancestor is null || folder is null || ancestor[0] != folder[0]) return true;
        if (ancestor == "/" || ancestor == folder) return true;
        return folder.Length > ancestor.Length && folder[ancestor.Length] == '/' && folder.StartsWith(ancestor, StringComparison.Ordinal);
    }
}

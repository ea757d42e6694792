using Dflint.Semantics;
using Dflint.Syntax;

namespace Dflint.Context;

/// <summary>One source of a COPY or ADD that reads the main build context.</summary>
/// <param name="Token">The source as written, where findings about it point.</param>
/// <param name="Value">The source after variable expansion and quote removal.</param>
/// <param name="Path">The path it names in the context: clean, relative, <c>.</c> for the whole context.</param>
public sealed record ContextSource(SyntaxToken Token, string Value, string Path)
{
    /// <summary>Has an unescaped <c>*</c>, <c>?</c> or <c>[</c> in some element: BuildKit expands it.</summary>
    public bool HasWildcards { get; } = Path.Split('/').Any(GoGlob.ContainsWildcards);

    /// <summary><c>.</c>, <c>./</c>, <c>/</c>: the whole context.</summary>
    public bool IsWholeContext => Path == ".";

    /// <summary>
    /// The context paths this source copies: the context itself, the path, or the matches of its wildcards. A
    /// path that does not exist is still given (it may be created before the build); unmatched wildcards give none.
    /// </summary>
    public ImmutableArray<string> Roots(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsWholeContext ? ["."] : HasWildcards ? context.ExpandSource(Value) : [Path];
    }

    /// <summary>
    /// Copies a folder's contents wholesale: the whole context, a folder, or a wildcard that matches a folder (or
    /// whose last element is a bare <c>*</c>, which takes every file beside it). A named file is a deliberate choice.
    /// </summary>
    public bool IsBroad(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsWholeContext) return true;
        if (HasWildcards && GoPath.Name(Path) == "*") return true;
        foreach (var root in Roots(context))
        {
            if (context.IsDirectory(root)) return true;
        }
        return false;
    }
}

/// <summary>The sources of COPY and ADD instructions that come from the main build context.</summary>
public static class ContextSources
{
    /// <summary>
    /// The sources of <paramref name="instruction"/> that read the main context: none for <c>--from</c> (a stage,
    /// an image or a named context), heredocs, URLs and Git sources; a source whose variables have no known value
    /// is left out, since its path is anyone's guess.
    /// </summary>
    public static ImmutableArray<ContextSource> Of(CopyLikeInstructionSyntax instruction, SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(model);
        if (instruction.GetFlag("from") is not null) return [];
        var tokens = instruction.Sources;
        if (tokens.IsEmpty) return [];
        var hasHeredocs = instruction.Heredocs.Count > 0;
        var variables = model.GetState(instruction).Variables;
        var escape = instruction.SyntaxTree.EscapeChar;
        var sources = ImmutableArray.CreateBuilder<ContextSource>(tokens.Length);
        foreach (var token in tokens)
        {
            var text = token.ValueText;
            if (hasHeredocs && text.StartsWith("<<", StringComparison.Ordinal)) continue;
            string value;
            if (text.AsSpan().IndexOfAny('$', '\'', '"') < 0 && !text.Contains(escape))
            {
                value = text;
            }
            else
            {
                var expansion = variables.Expand(text, escape);
                if (!expansion.Success || !expansion.Unmatched.IsEmpty) continue;
                value = expansion.Value;
            }
            if (value.Length == 0 || IsRemote(value)) continue;
            sources.Add(new ContextSource(token, value, GoPath.InContext(value)));
        }
        return sources.ToImmutable();
    }

    /// <summary>The <c>--exclude</c> patterns of a COPY or ADD (relative to each source), or null when there are none.</summary>
    public static DockerIgnore? Excludes(CopyLikeInstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        List<string>? patterns = null;
        foreach (var flag in instruction.Flags)
        {
            if (string.Equals(flag.Name, "exclude", StringComparison.OrdinalIgnoreCase) && flag.Value is { Length: > 0 } value) (patterns ??= []).Add(value);
        }
        return patterns is null ? null : DockerIgnore.FromPatterns(patterns);
    }

    /// <summary>Whether <paramref name="path"/>, copied as part of <paramref name="root"/>, is left out by <c>--exclude</c>.</summary>
    public static bool IsExcludedByFlags(DockerIgnore? excludes, string path, string root) =>
        excludes is not null && path != root && excludes.IsExcluded(GoPath.RelativeTo(path, root));

    // ADD fetches URLs and Git repositories; COPY rejects them. Neither reads the context.
    private static bool IsRemote(string source) =>
        source.Contains("://", StringComparison.Ordinal)
        || source.StartsWith("git@", StringComparison.Ordinal)
        || source.StartsWith("github.com/", StringComparison.Ordinal);
}

namespace Dflint.Context;

/// <summary>
/// One pattern of a <c>.dockerignore</c> file after Docker's clean-up, compiled the way moby's patternmatcher
/// compiles it: a pattern without wildcards compares the whole path, a trailing <c>**</c> compares a prefix, a leading
/// <c>**</c> a suffix, and anything else runs as a glob whose <c>*</c> and <c>?</c> stop at <c>/</c> and whose
/// <c>**</c> spans folders.
/// </summary>
public sealed class DockerIgnorePattern
{
    private readonly MatchKind _kind;
    private readonly GlobProgram? _program;

    private DockerIgnorePattern(string text, bool isException, int line, MatchKind kind, GlobProgram? program)
    {
        Text = text;
        IsException = isException;
        Line = line;
        _kind = kind;
        _program = program;
    }

    /// <summary>The cleaned pattern, without the <c>!</c> of an exception.</summary>
    public string Text { get; }

    /// <summary>Starts with <c>!</c>: a match re-includes the path.</summary>
    public bool IsException { get; }

    /// <summary>The 1-based line of the ignore file; 0 for a pattern that came from elsewhere (<c>COPY --exclude</c>).</summary>
    public int Line { get; }

    /// <summary>The pattern as Docker keeps it: <see cref="Text"/>, with <c>!</c> for an exception.</summary>
    public override string ToString() => IsException ? "!" + Text : Text;

    /// <summary>Whether the pattern matches <paramref name="path"/> itself (not its parents), a clean relative <c>/</c>-separated path.</summary>
    public bool Matches(string path) => _kind switch
    {
        MatchKind.Exact => path == Text,
        // "a/**": every path that starts with "a/" (and, as Docker has it, "a**" every path starting with "a").
        MatchKind.Prefix => path.StartsWith(Text.AsSpan(0, Text.Length - 2), StringComparison.Ordinal),
        MatchKind.Suffix => MatchesSuffix(path, Text.AsSpan(2)),
        _ => _program!.IsMatch(path),
    };

    // "**/a" matches "a" and every path ending in "/a"; "**a" every path ending in "a".
    private static bool MatchesSuffix(string path, ReadOnlySpan<char> suffix) =>
        path.AsSpan().EndsWith(suffix, StringComparison.Ordinal)
        || (suffix.Length > 0 && suffix[0] == '/' && path.AsSpan().SequenceEqual(suffix[1..]));

    /// <summary>
    /// Compiles one entry as moby's patternmatcher receives it (after the ignore file reader): trimmed, cleaned, a
    /// leading <c>!</c> marks an exception. Returns null for an empty entry; <paramref name="problem"/> says why an
    /// entry cannot be used (Docker rejects it and the build fails, or dflint cannot model it), and the result is then null.
    /// </summary>
    internal static DockerIgnorePattern? Compile(string entry, int line, out string? problem)
    {
        problem = null;
        var text = entry.Trim();
        if (text.Length == 0) return null;
        text = GoPath.Clean(text);
        var isException = text[0] == '!';
        if (isException)
        {
            if (text.Length == 1)
            {
                problem = "'!' alone is not a pattern; Docker rejects the file";
                return null;
            }
            text = text[1..];
        }
        if (GoGlob.Tokenize(text, out var classes) is null)
        {
            problem = $"'{text}' is malformed (an unclosed or empty [...], a stray '-' or ']' in one, or a trailing backslash); Docker rejects the file";
            return null;
        }
        foreach (var characterClass in classes)
        {
            if (characterClass.HasReversedRange)
            {
                problem = $"'{text}' has a range with its ends reversed; Docker rejects it when it first matches a path";
                return null;
            }
            if (characterClass.HasWildcard || characterClass.HasPosixLikeText || characterClass.HasLetterEscape)
            {
                problem = $"'{text}' has '*', '?', '[:' or a backslash before a letter inside [...], which Docker turns into a different regular expression; dflint skips it";
                return null;
            }
        }
        return Translate(text, isException, line, out problem);
    }

    // Follows moby's translation of the pattern to a regular expression, one character at a time, including where a
    // "**" may stand and which patterns never need the expression.
    private static DockerIgnorePattern? Translate(string text, bool isException, int line, out string? problem)
    {
        problem = null;
        var kind = MatchKind.Exact;
        var tokens = new List<GlobToken>(text.Length);
        for (int i = 0, at = 0; at < text.Length; i++)
        {
            var c = text[at++];
            switch (c)
            {
                case '*' when at < text.Length && text[at] == '*':
                    at++;
                    if (at < text.Length && text[at] == '/') at++;
                    if (at == text.Length)
                    {
                        if (kind == MatchKind.Exact)
                        {
                            kind = MatchKind.Prefix;
                        }
                        else
                        {
                            tokens.Add(new GlobToken(GlobTokenKind.AnyText));
                            kind = MatchKind.Glob;
                        }
                    }
                    else
                    {
                        tokens.Add(new GlobToken(GlobTokenKind.AnyFolders));
                        kind = MatchKind.Glob;
                    }
                    if (i == 0) kind = MatchKind.Suffix;
                    break;
                case '*':
                    tokens.Add(new GlobToken(GlobTokenKind.AnyName));
                    kind = MatchKind.Glob;
                    break;
                case '?':
                    tokens.Add(new GlobToken(GlobTokenKind.AnyCharacter));
                    kind = MatchKind.Glob;
                    break;
                case '\\':
                    // Validation guarantees a character follows. The expression reads "\x" as x only for ASCII punctuation.
                    var escaped = text[at++];
                    if (escaped >= 128 || char.IsAsciiLetterOrDigit(escaped))
                    {
                        problem = $"'{text}' escapes '{escaped}', which Docker's regular expression reads as a class or an error; dflint skips it";
                        return null;
                    }
                    tokens.Add(GlobToken.Literal(escaped));
                    kind = MatchKind.Glob;
                    break;
                case '[':
                    at--;
                    var characterClass = GlobClass.Parse(text, ref at)!;
                    tokens.Add(new GlobToken(GlobTokenKind.Class, Class: characterClass));
                    kind = MatchKind.Glob;
                    break;
                case ']':
                    tokens.Add(GlobToken.Literal(']'));
                    kind = MatchKind.Glob;
                    break;
                case '^':
                    // Not escaped by Docker: the expression reads it as "start of text".
                    tokens.Add(new GlobToken(GlobTokenKind.Start));
                    break;
                default:
                    tokens.Add(GlobToken.Literal(c));
                    break;
            }
        }
        return new DockerIgnorePattern(text, isException, line, kind, kind == MatchKind.Glob ? new GlobProgram([.. tokens]) : null);
    }

    private enum MatchKind
    {
        Exact,
        Prefix,
        Suffix,
        Glob,
    }
}

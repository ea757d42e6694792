namespace Dflint.Context;

internal enum GlobTokenKind
{
    Literal,

    /// <summary>One character other than <c>/</c> (<c>?</c>).</summary>
    AnyCharacter,

    /// <summary><c>[...]</c>; it may match <c>/</c>, as Go's does.</summary>
    Class,

    /// <summary>Any run of characters other than <c>/</c> (<c>*</c>).</summary>
    AnyName,

    /// <summary>Any run of characters but a line break (Docker's trailing <c>**</c>, the regular expression <c>.*</c>).</summary>
    AnyText,

    /// <summary>Nothing, or any run of characters that ends in <c>/</c> (Docker's inner <c>**</c>, the expression <c>(.*/)?</c>).</summary>
    AnyFolders,

    /// <summary>Matches nothing but the start of the text (an unescaped <c>^</c>, which Docker's expression keeps as an anchor).</summary>
    Start,
}

internal readonly record struct GlobToken(GlobTokenKind Kind, char Character = '\0', GlobClass? Class = null)
{
    public static GlobToken Literal(char c) => new(GlobTokenKind.Literal, c);
}

/// <summary>
/// A compiled glob, matched by simulating it as a nondeterministic automaton over one set of states: (tokens ×
/// text) steps at worst, never backtracking. Characters are UTF-16 code units; Go reads runes, which differs only
/// for <c>?</c> and classes against characters outside the Basic Multilingual Plane.
/// </summary>
internal sealed class GlobProgram(GlobToken[] tokens)
{
    private readonly GlobToken[] _tokens = tokens;

    public bool IsMatch(ReadOnlySpan<char> text)
    {
        var count = _tokens.Length + 1;
        var onStack = count <= 128;
        Span<bool> current = onStack ? stackalloc bool[count] : new bool[count];
        Span<bool> next = onStack ? stackalloc bool[count] : new bool[count];
        // An AnyFolders token that has read characters may only end after a slash: a state of its own.
        Span<bool> currentInFolders = onStack ? stackalloc bool[count] : new bool[count];
        Span<bool> nextInFolders = onStack ? stackalloc bool[count] : new bool[count];
        current[0] = true;
        AddEmptyMatches(current, atStart: true);
        foreach (var c in text)
        {
            next.Clear();
            nextInFolders.Clear();
            var any = false;
            for (var state = 0; state < _tokens.Length; state++)
            {
                if (currentInFolders[state] && c != '\n')
                {
                    nextInFolders[state] = any = true;
                    if (c == '/') next[state + 1] = true;
                }
                if (!current[state]) continue;
                var token = _tokens[state];
                switch (token.Kind)
                {
                    case GlobTokenKind.Literal when token.Character == c:
                    case GlobTokenKind.AnyCharacter when c != '/':
                    case GlobTokenKind.Class when token.Class!.Matches(c):
                        next[state + 1] = any = true;
                        break;
                    case GlobTokenKind.AnyName when c != '/':
                    case GlobTokenKind.AnyText when c != '\n':
                        next[state] = any = true;
                        break;
                    case GlobTokenKind.AnyFolders when c != '\n':
                        nextInFolders[state] = any = true;
                        if (c == '/') next[state + 1] = true;
                        break;
                }
            }
            if (!any) return false;
            AddEmptyMatches(next, atStart: false);
            var swap = current;
            current = next;
            next = swap;
            swap = currentInFolders;
            currentInFolders = nextInFolders;
            nextInFolders = swap;
        }
        return current[_tokens.Length];
    }

    // Tokens that can match nothing let the automaton move past them without reading; in token order, so chains close.
    private void AddEmptyMatches(Span<bool> states, bool atStart)
    {
        for (var state = 0; state < _tokens.Length; state++)
        {
            if (!states[state]) continue;
            var kind = _tokens[state].Kind;
            if (kind is GlobTokenKind.AnyName or GlobTokenKind.AnyText or GlobTokenKind.AnyFolders || (kind == GlobTokenKind.Start && atStart))
            {
                states[state + 1] = true;
            }
        }
    }
}

/// <summary>A bracket expression as Go's <c>filepath.Match</c> reads it: <c>^</c> negates, ranges, backslash escapes.</summary>
internal sealed class GlobClass
{
    private readonly List<(char First, char Last)> _ranges = [];

    public bool IsNegated { get; private set; }

    /// <summary>A range whose ends are reversed (<c>[z-a]</c>): <c>filepath.Match</c> accepts it, a regular expression does not.</summary>
    public bool HasReversedRange { get; private set; }

    /// <summary>A <c>*</c> or <c>?</c> inside the brackets, which Docker's translation to a regular expression garbles.</summary>
    public bool HasWildcard { get; private set; }

    /// <summary>A <c>[:</c> inside the brackets, which a regular expression reads as a POSIX class and <c>filepath.Match</c> does not.</summary>
    public bool HasPosixLikeText { get; private set; }

    /// <summary>A backslash before a letter or digit, which a regular expression reads as a class or an error.</summary>
    public bool HasLetterEscape { get; private set; }

    public bool Matches(char c)
    {
        var matched = false;
        foreach (var (first, last) in _ranges)
        {
            if (c >= first && c <= last)
            {
                matched = true;
                break;
            }
        }
        return matched != IsNegated;
    }

    /// <param name="pattern">The pattern.</param>
    /// <param name="index">At the <c>[</c>; left after the closing <c>]</c>.</param>
    /// <returns>null when <c>filepath.Match</c> calls the class malformed: unclosed, empty, or an unescaped <c>-</c> or <c>]</c> where a character belongs.</returns>
    public static GlobClass? Parse(string pattern, ref int index)
    {
        var result = new GlobClass();
        var i = index + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            result.IsNegated = true;
            i++;
        }
        var count = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && count > 0)
            {
                index = i + 1;
                return result;
            }
            if (i < pattern.Length && pattern[i] == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':') result.HasPosixLikeText = true;
            if (!result.ReadCharacter(pattern, ref i, out var first)) return null;
            var last = first;
            if (pattern[i] == '-')
            {
                i++;
                if (!result.ReadCharacter(pattern, ref i, out last)) return null;
            }
            if (first > last) result.HasReversedRange = true;
            result._ranges.Add((first, last));
            count++;
        }
    }

    // Go's getEsc: a character, or a backslash and the character it escapes; it must be followed by more of the class.
    private bool ReadCharacter(string pattern, ref int i, out char c)
    {
        c = '\0';
        if (i >= pattern.Length || pattern[i] is '-' or ']') return false;
        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length) return false;
            if (char.IsAsciiLetterOrDigit(pattern[i])) HasLetterEscape = true;
        }
        else if (pattern[i] is '*' or '?')
        {
            HasWildcard = true;
        }
        c = pattern[i];
        i++;
        return i < pattern.Length;
    }
}

/// <summary>Go's <c>filepath.Match</c> on one path element, as COPY expands its wildcard sources.</summary>
internal static class GoGlob
{
    /// <summary>True when <paramref name="element"/> has an unescaped <c>*</c>, <c>?</c> or <c>[</c> (BuildKit's <c>containsWildcards</c>).</summary>
    public static bool ContainsWildcards(string element)
    {
        for (var i = 0; i < element.Length; i++)
        {
            switch (element[i])
            {
                case '\\':
                    i++;
                    break;
                case '*' or '?' or '[':
                    return true;
            }
        }
        return false;
    }

    /// <summary>The compiled pattern; null when <c>filepath.Match</c> rejects it, in which case it matches nothing.</summary>
    public static GlobProgram? Compile(string pattern) => Tokenize(pattern, out _) is { } tokens ? new GlobProgram(tokens) : null;

    /// <summary>The tokens of a <c>filepath.Match</c> pattern, or null when it is malformed (a trailing backslash, a bad class).</summary>
    public static GlobToken[]? Tokenize(string pattern, out List<GlobClass> classes)
    {
        classes = [];
        var tokens = new List<GlobToken>(pattern.Length);
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length) return null;
                    tokens.Add(GlobToken.Literal(pattern[i + 1]));
                    i += 2;
                    break;
                case '?':
                    tokens.Add(new GlobToken(GlobTokenKind.AnyCharacter));
                    i++;
                    break;
                case '*':
                    // Stars in a row are one star: any run within an element.
                    while (i < pattern.Length && pattern[i] == '*') i++;
                    tokens.Add(new GlobToken(GlobTokenKind.AnyName));
                    break;
                case '[':
                    if (GlobClass.Parse(pattern, ref i) is not { } characterClass) return null;
                    classes.Add(characterClass);
                    tokens.Add(new GlobToken(GlobTokenKind.Class, Class: characterClass));
                    break;
                default:
                    tokens.Add(GlobToken.Literal(c));
                    i++;
                    break;
            }
        }
        return [.. tokens];
    }
}

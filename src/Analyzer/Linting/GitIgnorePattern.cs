namespace Dflint.Linting;

/// <summary>
/// One line of a <c>.gitignore</c> file, compiled for matching with git's rules (dir.c and wildmatch.c): a pattern
/// without a slash matches a name at any depth, one with a slash matches the path from the file's folder; <c>*</c>,
/// <c>?</c> and classes do not cross a slash there, and <c>**</c> between slashes spans folders.
/// </summary>
/// <remarks>
/// Matching simulates the pattern as a nondeterministic automaton over one set of states, so a pattern like
/// <c>*a*a*a*b</c> costs (pattern length × path length) steps at worst instead of backtracking. Git compares bytes;
/// here <c>?</c> and a class consume one UTF-16 character, which differs only for names outside ASCII.
/// </remarks>
internal sealed class GitIgnorePattern
{
    private readonly Token[] _tokens;

    // Most lines are a plain name or "*.ext"; these compare without running the automaton.
    private readonly string? _wholeText;
    private readonly string? _suffix;

    private GitIgnorePattern(Token[] tokens, bool isNegated, bool mustBeDirectory, bool matchesName, bool neverMatches)
    {
        _tokens = tokens;
        var literalsFrom = tokens.Length > 0 && tokens[0].Kind == TokenKind.AnyName ? 1 : 0;
        if (Array.TrueForAll(tokens[literalsFrom..], t => t.Kind == TokenKind.Literal))
        {
            var literal = new string([.. tokens[literalsFrom..].Select(t => t.Character)]);
            // Without slashes in the text, a leading star cannot stop at a folder boundary.
            if (literalsFrom == 0) _wholeText = literal;
            else if (matchesName) _suffix = literal;
        }
        IsNegated = isNegated;
        MustBeDirectory = mustBeDirectory;
        MatchesName = matchesName;
        NeverMatches = neverMatches;
    }

    /// <summary>Starts with <c>!</c>: a match re-includes the path.</summary>
    public bool IsNegated { get; }

    /// <summary>Ends with <c>/</c>: only folders match.</summary>
    public bool MustBeDirectory { get; }

    /// <summary>Has no slash before its end: compared with the last name of a path, at any depth.</summary>
    public bool MatchesName { get; }

    /// <summary>Malformed the way git gives up on (an unclosed class, an unknown <c>[:class:]</c>, a trailing backslash).</summary>
    public bool NeverMatches { get; }

    /// <summary>Compiles one line; null for a blank line or a comment.</summary>
    public static GitIgnorePattern? Parse(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line[0] == '#') return null;
        line = TrimTrailingSpaces(line);
        var isNegated = line.Length > 0 && line[0] == '!';
        if (isNegated) line = line[1..];
        var mustBeDirectory = line.Length > 0 && line[^1] == '/';
        if (mustBeDirectory) line = line[..^1];
        if (line.IsEmpty) return null;
        var matchesName = !line.Contains('/');
        // A leading slash only anchors the pattern, which any slash already does.
        if (line[0] == '/') line = line[1..];
        var tokens = new List<Token>();
        var neverMatches = !Tokenize(line, tokens);
        return new GitIgnorePattern([.. tokens], isNegated, mustBeDirectory, matchesName, neverMatches);
    }

    /// <param name="path">Relative to the folder of the pattern's file, <c>/</c>-separated, without a leading or trailing slash.</param>
    /// <param name="isDirectory">Whether the path names a folder.</param>
    public bool Matches(ReadOnlySpan<char> path, bool isDirectory)
    {
        if (NeverMatches || (MustBeDirectory && !isDirectory)) return false;
        if (MatchesName) path = path[(path.LastIndexOf('/') + 1)..];
        if (_wholeText is not null) return path.SequenceEqual(_wholeText);
        if (_suffix is not null) return path.EndsWith(_suffix, StringComparison.Ordinal);
        return Simulate(path, slashIsSpecial: !MatchesName);
    }

    // Git trims unescaped trailing spaces (not tabs); "foo\ " keeps its escaped space, and a lone trailing
    // backslash stops the trimming.
    private static ReadOnlySpan<char> TrimTrailingSpaces(ReadOnlySpan<char> line)
    {
        var end = line.Length;
        var firstTrailingSpace = -1;
        for (var i = 0; i < end; i++)
        {
            switch (line[i])
            {
                case ' ':
                    if (firstTrailingSpace < 0) firstTrailingSpace = i;
                    break;
                case '\\':
                    if (++i == end) return line;
                    firstTrailingSpace = -1;
                    break;
                default:
                    firstTrailingSpace = -1;
                    break;
            }
        }
        return firstTrailingSpace < 0 ? line : line[..firstTrailingSpace];
    }

    /// <returns>false when the pattern can match nothing.</returns>
    private static bool Tokenize(ReadOnlySpan<char> pattern, List<Token> tokens)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (++i == pattern.Length) return false;
                    tokens.Add(Token.Literal(pattern[i]));
                    break;
                case '?':
                    tokens.Add(new Token(TokenKind.AnyCharacter, '\0', null));
                    break;
                case '*':
                    var starsStart = i;
                    while (i + 1 < pattern.Length && pattern[i + 1] == '*') i++;
                    var atFolderStart = starsStart == 0 || pattern[starsStart - 1] == '/';
                    if (i > starsStart && atFolderStart && i + 1 == pattern.Length)
                    {
                        tokens.Add(new Token(TokenKind.AnyPath, '\0', null));
                    }
                    else if (i > starsStart && atFolderStart && pattern[i + 1] == '/')
                    {
                        tokens.Add(new Token(TokenKind.AnyFolders, '\0', null));
                        i++;
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.AnyName, '\0', null));
                    }
                    break;
                case '[':
                    if (CharacterClass.Parse(pattern, ref i) is not { } characterClass) return false;
                    tokens.Add(new Token(TokenKind.Class, '\0', characterClass));
                    break;
                default:
                    tokens.Add(Token.Literal(c));
                    break;
            }
        }
        return true;
    }

    private bool Simulate(ReadOnlySpan<char> text, bool slashIsSpecial)
    {
        var count = _tokens.Length + 1;
        var onStack = count <= 128;
        Span<bool> current = onStack ? stackalloc bool[count] : new bool[count];
        Span<bool> next = onStack ? stackalloc bool[count] : new bool[count];
        // An AnyFolders token that has read characters may only end at a slash, so it is a state of its own.
        Span<bool> currentInFolders = onStack ? stackalloc bool[count] : new bool[count];
        Span<bool> nextInFolders = onStack ? stackalloc bool[count] : new bool[count];
        current[0] = true;
        AddEmptyMatches(current);
        foreach (var c in text)
        {
            next.Clear();
            nextInFolders.Clear();
            var any = false;
            var crossesFolder = slashIsSpecial && c == '/';
            for (var state = 0; state < _tokens.Length; state++)
            {
                if (currentInFolders[state])
                {
                    nextInFolders[state] = any = true;
                    if (c == '/') next[state + 1] = true;
                }
                if (!current[state]) continue;
                var token = _tokens[state];
                switch (token.Kind)
                {
                    case TokenKind.Literal when token.Character == c:
                    case TokenKind.AnyCharacter when !crossesFolder:
                    case TokenKind.Class when !crossesFolder && token.Class!.Matches(c):
                        next[state + 1] = any = true;
                        break;
                    case TokenKind.AnyName when !crossesFolder:
                    case TokenKind.AnyPath:
                        next[state] = any = true;
                        break;
                    case TokenKind.AnyFolders:
                        nextInFolders[state] = any = true;
                        if (c == '/') next[state + 1] = true;
                        break;
                }
            }
            if (!any) return false;
            AddEmptyMatches(next);
            var swap = current;
            current = next;
            next = swap;
            swap = currentInFolders;
            currentInFolders = nextInFolders;
            nextInFolders = swap;
        }
        return current[_tokens.Length];
    }

    // The tokens that can match nothing let the automaton move past them without reading.
    private void AddEmptyMatches(Span<bool> states)
    {
        for (var state = 0; state < _tokens.Length; state++)
        {
            if (states[state] && _tokens[state].Kind is TokenKind.AnyName or TokenKind.AnyPath or TokenKind.AnyFolders) states[state + 1] = true;
        }
    }

    private enum TokenKind
    {
        Literal,

        /// <summary><c>?</c></summary>
        AnyCharacter,

        /// <summary><c>[...]</c></summary>
        Class,

        /// <summary><c>*</c>, and <c>**</c> not between slashes: any run of characters within one name.</summary>
        AnyName,

        /// <summary>A trailing <c>/**</c> or a whole-pattern <c>**</c>: anything, slashes included.</summary>
        AnyPath,

        /// <summary><c>**/</c> at the start of a name: nothing, or any run of characters that ends in a slash.</summary>
        AnyFolders,
    }

    private readonly record struct Token(TokenKind Kind, char Character, CharacterClass? Class)
    {
        public static Token Literal(char c) => new(TokenKind.Literal, c, null);
    }
}

/// <summary>A bracket expression as wildmatch reads it: <c>!</c> or <c>^</c> negates, <c>]</c> first is literal, ranges, backslash escapes, POSIX classes.</summary>
internal sealed class CharacterClass
{
    private readonly List<(char First, char Last)> _ranges = [];
    private readonly List<Func<char, bool>> _namedClasses = [];
    private bool _isNegated;

    public bool Matches(char c)
    {
        var matched = false;
        foreach (var (first, last) in _ranges) matched |= c >= first && c <= last;
        foreach (var named in _namedClasses) matched |= named(c);
        return matched != _isNegated;
    }

    /// <param name="pattern">The pattern.</param>
    /// <param name="index">At the <c>[</c>; left at the closing <c>]</c>.</param>
    /// <returns>null when the class is malformed the way that makes git's whole pattern fail.</returns>
    public static CharacterClass? Parse(ReadOnlySpan<char> pattern, ref int index)
    {
        var result = new CharacterClass();
        var i = index + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            result._isNegated = true;
            i++;
        }
        // The previous single character, the start of a possible range; none after a range or a named class.
        char? previous = null;
        var first = true;
        for (; ; i++)
        {
            if (i >= pattern.Length) return null;
            var c = pattern[i];
            if (c == ']' && !first) break;
            first = false;
            if (c == '\\')
            {
                if (++i >= pattern.Length) return null;
                c = pattern[i];
                result._ranges.Add((c, c));
                previous = c;
            }
            else if (c == '-' && previous is { } start && i + 1 < pattern.Length && pattern[i + 1] != ']')
            {
                var end = pattern[++i];
                if (end == '\\')
                {
                    if (++i >= pattern.Length) return null;
                    end = pattern[i];
                }
                result._ranges.Add((start, end));
                previous = null;
            }
            else if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] == ':')
            {
                var close = pattern[(i + 2)..].IndexOf(']');
                if (close < 0) return null;
                var name = pattern.Slice(i + 2, close);
                if (name.IsEmpty || name[^1] != ':')
                {
                    // No ":]", so the '[' is an ordinary member.
                    result._ranges.Add(('[', '['));
                    previous = '[';
                    continue;
                }
                if (NamedClass(name[..^1]) is not { } named) return null;
                result._namedClasses.Add(named);
                i += 2 + close;
                previous = null;
            }
            else
            {
                result._ranges.Add((c, c));
                previous = c;
            }
        }
        index = i;
        return result;
    }

    // The C locale's <ctype.h> classes, which is what git uses.
    private static Func<char, bool>? NamedClass(ReadOnlySpan<char> name) => name switch
    {
        "alnum" => char.IsAsciiLetterOrDigit,
        "alpha" => char.IsAsciiLetter,
        "blank" => c => c is ' ' or '\t',
        "cntrl" => c => c < 0x20 || c == 0x7F,
        "digit" => char.IsAsciiDigit,
        "graph" => c => c > 0x20 && c < 0x7F,
        "lower" => char.IsAsciiLetterLower,
        "print" => c => c >= 0x20 && c < 0x7F,
        "punct" => c => c > 0x20 && c < 0x7F && !char.IsAsciiLetterOrDigit(c),
        "space" => c => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r',
        "upper" => char.IsAsciiLetterUpper,
        "xdigit" => char.IsAsciiHexDigit,
        _ => null,
    };
}

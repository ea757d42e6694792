using System.Text;

namespace Dflint.Syntax.Grammars;

/// <summary>
/// Re-implementation of BuildKit's shell word lexer (frontend/dockerfile/shell), which expands
/// variables and removes quotes in Dockerfile instruction arguments. Behaviour, including
/// BuildKit's quirks, follows the Go code; failures come back as <see cref="ShellWordError"/>
/// instead of exceptions, and nesting depth is capped so hostile input cannot exhaust the stack.
/// </summary>
public sealed class ShellWordProcessor
{
    internal const int MaxNesting = 100;

    public ShellWordProcessor(char escapeToken = '\\')
    {
        EscapeToken = escapeToken;
    }

    public char EscapeToken { get; }

    /// <summary>Keep quote characters in the output (quoting still controls expansion).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the output.</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Treat quote characters as ordinary characters.</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Leave references to unset variables in the output as written.</summary>
    public bool SkipUnsetEnv { get; init; }

    public ShellWordResult ProcessWord(string word, IReadOnlyDictionary<string, string> env) =>
        ProcessWord(word, Lookup(env));

    /// <summary>Expands <paramref name="word"/>; <paramref name="lookup"/> returns a variable's value, or null when it is unset.</summary>
    public ShellWordResult ProcessWord(string word, Func<string, string?> lookup) =>
        new Lexer(this, word, lookup, EscapeToken, references: null).Run(splitWords: false);

    public ShellWordResult ProcessWords(string word, IReadOnlyDictionary<string, string> env) =>
        ProcessWords(word, Lookup(env));

    /// <summary>Like <see cref="ProcessWord(string, Func{string, string?})"/>, and also splits the result into words on unquoted whitespace.</summary>
    public ShellWordResult ProcessWords(string word, Func<string, string?> lookup) =>
        new Lexer(this, word, lookup, EscapeToken, references: null).Run(splitWords: true);

    /// <summary>
    /// Every variable reference BuildKit would expand in <paramref name="text"/>, in source order,
    /// including ones nested in operands. References inside single quotes or behind the escape
    /// character are not expansions and are skipped. Scanning stops at the first syntax error.
    /// </summary>
    public static ImmutableArray<VariableReference> FindVariableReferences(string text, char escapeChar)
    {
        if (text.IndexOf('$', StringComparison.Ordinal) < 0)
        {
            return [];
        }

        // With every variable unset and SkipUnsetEnv on, the lexer walks the whole syntax without
        // evaluating any operator, so only genuine syntax errors can stop it.
        var scanner = new ShellWordProcessor(escapeChar) { SkipUnsetEnv = true };
        var references = new List<VariableReference>();
        new Lexer(scanner, text, static _ => null, escapeChar, references).Run(splitWords: false);
        references.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return [.. references];
    }

    private static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> env) =>
        name => env.TryGetValue(name, out var value) ? value : null;

    private sealed class Lexer(
        ShellWordProcessor options,
        string text,
        Func<string, string?> lookup,
        char escape,
        List<VariableReference>? references)
    {
        private const int Eof = -1;

        private readonly List<string> _matched = [];
        private readonly List<string> _unmatched = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private int _pos;
        private int _depth;
        private bool _rawEscapes = options.RawEscapes;
        private ShellWordError? _error;

        public ShellWordResult Run(bool splitWords)
        {
            var result = new StringBuilder(text.Length);
            var words = splitWords ? new WordCollector() : null;
            var ok = ProcessStopOn(Eof, _rawEscapes, result, words);
            var matched = _matched.ToImmutableArray();
            var unmatched = _unmatched.ToImmutableArray();
            if (!ok)
            {
                return new ShellWordResult(string.Empty, [], matched, unmatched, _error);
            }

            return new ShellWordResult(result.ToString(), words?.GetWords() ?? [], matched, unmatched, null);
        }

        private int Peek()
        {
            if (_pos >= text.Length)
            {
                return Eof;
            }

            var c = text[_pos];
            if (char.IsHighSurrogate(c) && _pos + 1 < text.Length && char.IsLowSurrogate(text[_pos + 1]))
            {
                return char.ConvertToUtf32(c, text[_pos + 1]);
            }

            return char.IsSurrogate(c) ? 0xFFFD : c;
        }

        private int Next()
        {
            var ch = Peek();
            if (ch != Eof)
            {
                _pos += ch > 0xFFFF ? 2 : 1;
            }

            return ch;
        }

        private bool Fail(string message, int position)
        {
            _error = new ShellWordError(message, position);
            return false;
        }

        private bool ProcessStopOn(int stopChar, bool rawEscapes, StringBuilder result, WordCollector? words)
        {
            var saved = _rawEscapes;
            _rawEscapes = rawEscapes;
            try
            {
                while (Peek() != Eof)
                {
                    var ch = Peek();
                    if (stopChar != Eof && ch == stopChar)
                    {
                        Next();
                        return true;
                    }

                    if (ch == '$' || (!options.SkipProcessQuotes && ch is '\'' or '"'))
                    {
                        var piece = ch switch
                        {
                            '$' => ProcessDollar(),
                            '\'' => ProcessSingleQuote(),
                            _ => ProcessDoubleQuote(),
                        };
                        if (piece is null)
                        {
                            return false;
                        }

                        result.Append(piece);
                        if (ch == '$')
                        {
                            // Expanded values are subject to word splitting; quoted text is not.
                            words?.AddString(piece);
                        }
                        else
                        {
                            words?.AddRawString(piece);
                        }

                        continue;
                    }

                    ch = Next();
                    if (ch == escape)
                    {
                        if (_rawEscapes)
                        {
                            words?.AddRawChar(ch);
                            ShellPattern.AppendCodePoint(result, ch);
                        }

                        ch = Next();
                        if (ch == Eof)
                        {
                            // A trailing escape is dropped, as BuildKit does.
                            break;
                        }

                        words?.AddRawChar(ch);
                    }
                    else
                    {
                        words?.AddChar(ch);
                    }

                    ShellPattern.AppendCodePoint(result, ch);
                }

                if (stopChar != Eof)
                {
                    return Fail($"unexpected end of statement while looking for matching {char.ConvertFromUtf32(stopChar)}", _pos);
                }

                return true;
            }
            finally
            {
                _rawEscapes = saved;
            }
        }

        private string? ProcessSingleQuote()
        {
            var start = _pos;
            var close = text.IndexOf('\'', start + 1);
            if (close < 0)
            {
                _pos = text.Length;
                Fail("unexpected end of statement while looking for matching single-quote", start);
                return null;
            }

            _pos = close + 1;
            return options.RawQuotes ? text[start.._pos] : text[(start + 1)..close];
        }

        private string? ProcessDoubleQuote()
        {
            var start = _pos;
            var result = new StringBuilder();
            var ch = Next();
            if (options.RawQuotes)
            {
                ShellPattern.AppendCodePoint(result, ch);
            }

            while (true)
            {
                switch (Peek())
                {
                    case Eof:
                        Fail("unexpected end of statement while looking for matching double-quote", start);
                        return null;
                    case '"':
                        ch = Next();
                        if (options.RawQuotes)
                        {
                            ShellPattern.AppendCodePoint(result, ch);
                        }

                        return result.ToString();
                    case '$':
                        var value = ProcessDollar();
                        if (value is null)
                        {
                            return null;
                        }

                        result.Append(value);
                        break;
                    default:
                        ch = Next();
                        if (ch == escape)
                        {
                            if (_rawEscapes)
                            {
                                ShellPattern.AppendCodePoint(result, ch);
                            }

                            var peek = Peek();
                            if (peek == Eof)
                            {
                                continue;
                            }

                            // Only these can be escaped inside double quotes; other escapes stay literal.
                            if (peek == '"' || peek == '$' || peek == escape)
                            {
                                ch = Next();
                            }
                        }

                        ShellPattern.AppendCodePoint(result, ch);
                        break;
                }
            }
        }

        private string ProcessName()
        {
            var start = _pos;
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (_pos == start && IsDigit(ch))
                {
                    while (Peek() != Eof && IsDigit(Peek()))
                    {
                        Next();
                    }

                    return text[start.._pos];
                }

                if (_pos == start && IsSpecialParameter(ch))
                {
                    Next();
                    return text[start.._pos];
                }

                if (!IsLetter(ch) && !IsDigit(ch) && ch != '_')
                {
                    break;
                }

                Next();
            }

            return text[start.._pos];
        }

        private string? GetEnv(string name)
        {
            var value = lookup(name);
            if (_seen.Add(name))
            {
                (value is null ? _unmatched : _matched).Add(name);
            }

            return value;
        }

        private void Record(string name, string op, string? operand, bool braced, int start, int nameStart)
        {
            references?.Add(new VariableReference(
                name,
                op,
                operand,
                braced,
                TextSpan.FromBounds(start, _pos),
                new TextSpan(nameStart, name.Length)));
        }

        private string? ProcessDollar()
        {
            var start = _pos;
            Next();
            int nameStart;
            string name;
            string? value;
            if (Peek() != '{')
            {
                nameStart = _pos;
                name = ProcessName();
                if (name.Length == 0)
                {
                    return "$";
                }

                value = GetEnv(name);
                Record(name, string.Empty, null, braced: false, start, nameStart);
                if (value is null && options.SkipUnsetEnv)
                {
                    return "$" + name;
                }

                return value ?? string.Empty;
            }

            Next();
            switch (Peek())
            {
                case Eof:
                    Fail("syntax error: missing '}'", start);
                    return null;
                case '{' or '}' or ':':
                    Fail("syntax error: bad substitution", start);
                    return null;
            }

            if (_depth >= MaxNesting)
            {
                Fail($"syntax error: substitutions nested deeper than {MaxNesting} levels", start);
                return null;
            }

            _depth++;
            try
            {
                nameStart = _pos;
                name = ProcessName();
                return ProcessBraced(start, nameStart, name);
            }
            finally
            {
                _depth--;
            }
        }

        private string? ProcessBraced(int start, int nameStart, string name)
        {
            var opStart = _pos;
            var ch = Next();
            switch (ch)
            {
                case '}':
                    var value = GetEnv(name);
                    Record(name, string.Empty, null, braced: true, start, nameStart);
                    if (value is null && options.SkipUnsetEnv)
                    {
                        return "${" + name + "}";
                    }

                    return value ?? string.Empty;
                case ':' or '+' or '-' or '?' or '#' or '%':
                    return ProcessModifier(start, nameStart, name, ch);
                case '/':
                    return ProcessReplace(start, nameStart, name);
                case Eof:
                    Fail("syntax error: missing '}'", start);
                    return null;
                default:
                    Fail($"unsupported modifier ({char.ConvertFromUtf32(ch)}) in substitution", opStart);
                    return null;
            }
        }

        private string? ProcessModifier(int start, int nameStart, string name, int ch)
        {
            var opStart = _pos - 1;
            var nullIsUnset = false;
            var modifier = char.ConvertFromUtf32(ch);
            if (ch == ':')
            {
                // Whatever follows ':' is taken as the operator; an unknown one only fails once the
                // variable turns out to be set, exactly as in BuildKit.
                nullIsUnset = true;
                ch = Next();
                if (ch != Eof)
                {
                    modifier += char.ConvertFromUtf32(ch);
                }
            }

            var operandStart = _pos;
            var buffer = new StringBuilder();
            if (!ProcessStopOn('}', ch is '#' or '%', buffer, null))
            {
                if (Peek() == Eof)
                {
                    Fail("syntax error: missing '}'", start);
                }

                return null;
            }

            var word = buffer.ToString();
            var value = GetEnv(name);
            if (references is not null)
            {
                var op = modifier;
                var operand = text[operandStart..(_pos - 1)];
                if (ch is '#' or '%' && operand.Length > 0 && operand[0] == ch)
                {
                    op += operand[0];
                    operand = operand[1..];
                }

                Record(name, op, operand, braced: true, start, nameStart);
            }

            if (value is null && options.SkipUnsetEnv)
            {
                return "${" + name + modifier + word + "}";
            }

            switch (ch)
            {
                case '-':
                    return value is null || (nullIsUnset && value.Length == 0) ? word : value;
                case '+':
                    return value is null || (nullIsUnset && value.Length == 0) ? string.Empty : word;
                case '?':
                    if (value is null)
                    {
                        Fail($"{name}: {(word.Length > 0 ? word : "is not allowed to be unset")}", start);
                        return null;
                    }

                    if (nullIsUnset && value.Length == 0)
                    {
                        Fail($"{name}: {(word.Length > 0 ? word : "is not allowed to be empty")}", start);
                        return null;
                    }

                    return value;
                case '#' or '%':
                    var greedy = word.Length > 0 && word[0] == ch;
                    if (greedy)
                    {
                        word = word[1..];
                    }

                    return Trim(word, value ?? string.Empty, greedy, suffix: ch == '%', start);
                default:
                    Fail($"unsupported modifier ({modifier}) in substitution", opStart);
                    return null;
            }
        }

        private string? Trim(string pattern, string value, bool greedy, bool suffix, int start)
        {
            // A suffix match is a prefix match on reversed text, which is how BuildKit finds the
            // shortest rightmost match.
            var rawPattern = suffix ? ShellPattern.ReverseRaw(pattern) : pattern;
            if (!ShellPattern.TryParse(rawPattern, out var tokens, out var patternError))
            {
                Fail($"invalid pattern ({pattern}) in substitution: {patternError}", start);
                return null;
            }

            var points = ShellPattern.ToCodePoints(value);
            if (suffix)
            {
                Array.Reverse(points);
            }

            var end = ShellPattern.MatchPrefix(tokens, points, greedy);
            if (end < 0)
            {
                return value;
            }

            if (!suffix)
            {
                return ShellPattern.FromCodePoints(points, end, points.Length);
            }

            var kept = points[end..];
            Array.Reverse(kept);
            return ShellPattern.FromCodePoints(kept, 0, kept.Length);
        }

        private string? ProcessReplace(int start, int nameStart, string name)
        {
            var replaceAll = Peek() == '/';
            if (replaceAll)
            {
                Next();
            }

            var operandStart = _pos;
            var patternBuffer = new StringBuilder();
            if (!ProcessStopOn('/', true, patternBuffer, null))
            {
                if (Peek() == Eof)
                {
                    Fail("syntax error: missing '/' in ${}", start);
                }

                return null;
            }

            var replacementBuffer = new StringBuilder();
            if (!ProcessStopOn('}', true, replacementBuffer, null))
            {
                if (Peek() == Eof)
                {
                    Fail("syntax error: missing '}'", start);
                }

                return null;
            }

            var pattern = patternBuffer.ToString();
            var replacement = replacementBuffer.ToString();
            var value = GetEnv(name);
            if (references is not null)
            {
                Record(name, replaceAll ? "//" : "/", text[operandStart..(_pos - 1)], braced: true, start, nameStart);
            }

            if (value is null && options.SkipUnsetEnv)
            {
                // BuildKit writes a single slash back even for '//'.
                return "${" + name + "/" + pattern + "/" + replacement + "}";
            }

            if (!ShellPattern.TryParse(pattern, out var tokens, out var patternError))
            {
                Fail($"invalid pattern ({pattern}) in substitution: {patternError}", start);
                return null;
            }

            var points = ShellPattern.ToCodePoints(value ?? string.Empty);
            return replaceAll ? ReplaceAll(tokens, points, replacement) : ReplaceFirst(tokens, points, replacement, value ?? string.Empty);
        }

        private static string ReplaceFirst(int[] tokens, int[] points, string replacement, string value)
        {
            var (matchStart, matchEnd) = ShellPattern.FindFirst(tokens, points, 0);
            if (matchStart < 0)
            {
                return value;
            }

            var builder = new StringBuilder(value.Length + replacement.Length);
            AppendRange(builder, points, 0, matchStart);
            builder.Append(replacement);
            AppendRange(builder, points, matchEnd, points.Length);
            return builder.ToString();
        }

        /// <summary>Follows Go's ReplaceAllString, including its handling of empty matches and '$' templates.</summary>
        private static string ReplaceAll(int[] tokens, int[] points, string replacement)
        {
            var builder = new StringBuilder(points.Length + replacement.Length);
            var lastEnd = 0;
            var searchPos = 0;
            while (searchPos <= points.Length)
            {
                var (matchStart, matchEnd) = ShellPattern.FindFirst(tokens, points, searchPos);
                if (matchStart < 0)
                {
                    break;
                }

                AppendRange(builder, points, lastEnd, matchStart);
                // Go skips an empty match right after a previous match, so a pattern that can match
                // both empty and non-empty text is not replaced twice.
                if (matchEnd > lastEnd || matchStart == 0)
                {
                    ExpandTemplate(builder, replacement, points, matchStart, matchEnd);
                }

                lastEnd = matchEnd;
                searchPos = matchEnd > searchPos ? matchEnd : searchPos + 1;
            }

            AppendRange(builder, points, lastEnd, points.Length);
            return builder.ToString();
        }

        /// <summary>
        /// Go expands <c>$name</c>/<c>${name}</c> in ReplaceAllString replacements. The wildcard
        /// regex has no groups, so only <c>$0</c> (the whole match) and <c>$$</c> produce text.
        /// </summary>
        private static void ExpandTemplate(StringBuilder builder, string template, int[] points, int matchStart, int matchEnd)
        {
            var i = 0;
            while (i < template.Length)
            {
                var dollar = template.IndexOf('$', i);
                if (dollar < 0)
                {
                    builder.Append(template, i, template.Length - i);
                    return;
                }

                builder.Append(template, i, dollar - i);
                i = dollar + 1;
                if (i < template.Length && template[i] == '$')
                {
                    builder.Append('$');
                    i++;
                    continue;
                }

                var braced = i < template.Length && template[i] == '{';
                var nameStart = braced ? i + 1 : i;
                var nameEnd = nameStart;
                while (nameEnd < template.Length)
                {
                    var rune = Rune.GetRuneAt(template, nameEnd);
                    if (!Rune.IsLetter(rune) && !Rune.IsDigit(rune) && rune.Value != '_')
                    {
                        break;
                    }

                    nameEnd += rune.Utf16SequenceLength;
                }

                var valid = nameEnd > nameStart && (!braced || (nameEnd < template.Length && template[nameEnd] == '}'));
                if (!valid)
                {
                    builder.Append('$');
                    continue;
                }

                var name = template.AsSpan(nameStart, nameEnd - nameStart);
                if (name is "0")
                {
                    AppendRange(builder, points, matchStart, matchEnd);
                }

                i = braced ? nameEnd + 1 : nameEnd;
            }
        }

        private static void AppendRange(StringBuilder builder, int[] points, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                ShellPattern.AppendCodePoint(builder, points[i]);
            }
        }

        private static bool IsDigit(int ch) => ch < 0x80 ? ch is >= '0' and <= '9' : Rune.IsValid(ch) && Rune.IsDigit(new Rune(ch));

        private static bool IsLetter(int ch) => ch < 0x80 ? ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') : Rune.IsValid(ch) && Rune.IsLetter(new Rune(ch));

        private static bool IsSpecialParameter(int ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';
    }

    /// <summary>Mirrors BuildKit's word accumulator, including that empty quoted strings yield no word.</summary>
    private sealed class WordCollector
    {
        private readonly StringBuilder _word = new();
        private readonly ImmutableArray<string>.Builder _words = ImmutableArray.CreateBuilder<string>();
        private bool _inWord;

        public void AddChar(int ch)
        {
            var space = IsSpace(ch);
            if (space && _inWord)
            {
                if (_word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else if (!space)
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(int ch)
        {
            ShellPattern.AppendCodePoint(_word, ch);
            _inWord = true;
        }

        public void AddString(string value)
        {
            foreach (var rune in value.EnumerateRunes())
            {
                AddChar(rune.Value);
            }
        }

        public void AddRawString(string value)
        {
            _word.Append(value);
            _inWord = true;
        }

        public ImmutableArray<string> GetWords()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }

            return _words.ToImmutable();
        }

        private static bool IsSpace(int ch) => Rune.IsValid(ch) && Rune.IsWhiteSpace(new Rune(ch));
    }
}

using System.Text;

namespace Dflint.Tests.BuildKit;

/// <summary>
/// Naive model of BuildKit's shell word lexer (frontend/dockerfile/shell/lex.go,
/// ProcessWords) restricted to what heredoc detection needs: no environment at all and
/// SkipUnsetEnv set, so every variable reference is kept literally, while its syntax
/// errors still make the whole call fail.
/// </summary>
/// <remarks>
/// Input and output are byte strings (see <see cref="GoText"/>). Go's text/scanner reads
/// runes: an invalid byte reads as U+FFFD and a U+FEFF as the very first character is
/// skipped (that last detail is from Go's standard library, not from BuildKit).
/// Quirk kept on purpose: all nested reads share one word buffer and reset it, so text
/// of the current word read before a <c>${name:-word}</c>-style expansion is lost from the
/// word list.
/// </remarks>
internal sealed class ShellWordLexer
{
    private const int Eof = -1;

    private readonly int escapeToken;
    private readonly StringBuilder wordsBuffer = new();
    private List<int> runes = [];
    private int pos;
    private bool rawEscapes;

    public ShellWordLexer(int escapeToken)
    {
        this.escapeToken = escapeToken;
    }

    public bool RawQuotes { get; set; }

    public bool RawEscapes { get; set; }

    /// <summary>Splits <paramref name="word"/> into words. Throws <see cref="ShellLexException"/> on a syntax error.</summary>
    public List<string> ProcessWords(string word)
    {
        runes = [];
        for (var p = 0; p < word.Length;)
        {
            var (r, w) = GoText.DecodeRune(word, p);
            runes.Add(r);
            p += w;
        }

        if (runes.Count > 0 && runes[0] == 0xFEFF)
        {
            runes.RemoveAt(0);
        }

        pos = 0;
        rawEscapes = RawEscapes;
        try
        {
            return ProcessStopOn(Eof, rawEscapes).Words;
        }
        catch (ShellLexException e)
        {
            throw new ShellLexException($"failed to process {GoText.QuoteBytes(word)}: {e.Message}");
        }
    }

    private int Peek() => pos < runes.Count ? runes[pos] : Eof;

    private int Next() => pos < runes.Count ? runes[pos++] : Eof;

    private (string Result, List<string> Words) ProcessStopOn(int stopChar, bool raw)
    {
        var result = new StringBuilder();
        wordsBuffer.Clear();
        var words = new WordList(wordsBuffer);
        var restore = false;
        if (raw != rawEscapes)
        {
            rawEscapes = raw;
            restore = true;
        }

        try
        {
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    return (result.ToString(), words.GetWords());
                }

                if (ch is '$' or '\'' or '"')
                {
                    var tmp = ch switch
                    {
                        '$' => ProcessDollar(),
                        '\'' => ProcessSingleQuote(),
                        _ => ProcessDoubleQuote(),
                    };
                    result.Append(tmp);
                    if (ch == '$')
                    {
                        words.AddString(tmp);
                    }
                    else
                    {
                        words.AddRawString(tmp);
                    }

                    continue;
                }

                ch = Next();
                if (ch == escapeToken)
                {
                    if (rawEscapes)
                    {
                        words.AddRawChar(ch);
                        GoText.AppendRune(result, ch);
                    }

                    ch = Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    words.AddRawChar(ch);
                }
                else
                {
                    words.AddChar(ch);
                }

                GoText.AppendRune(result, ch);
            }

            if (stopChar != Eof)
            {
                throw new ShellLexException($"unexpected end of statement while looking for matching {GoText.RuneToString(stopChar)}");
            }

            return (result.ToString(), words.GetWords());
        }
        finally
        {
            if (restore)
            {
                rawEscapes = !raw;
            }
        }
    }

    private string ProcessSingleQuote()
    {
        var result = new StringBuilder();
        var ch = Next();
        if (RawQuotes)
        {
            GoText.AppendRune(result, ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                throw new ShellLexException("unexpected end of statement while looking for matching single-quote");
            }

            if (ch == '\'')
            {
                if (RawQuotes)
                {
                    GoText.AppendRune(result, ch);
                }

                return result.ToString();
            }

            GoText.AppendRune(result, ch);
        }
    }

    private string ProcessDoubleQuote()
    {
        var result = new StringBuilder();
        var ch = Next();
        if (RawQuotes)
        {
            GoText.AppendRune(result, ch);
        }

        while (true)
        {
            var peek = Peek();
            if (peek == Eof)
            {
                throw new ShellLexException("unexpected end of statement while looking for matching double-quote");
            }

            if (peek == '"')
            {
                ch = Next();
                if (RawQuotes)
                {
                    GoText.AppendRune(result, ch);
                }

                return result.ToString();
            }

            if (peek == '$')
            {
                result.Append(ProcessDollar());
                continue;
            }

            ch = Next();
            if (ch == escapeToken)
            {
                if (rawEscapes)
                {
                    GoText.AppendRune(result, ch);
                }

                var after = Peek();
                if (after == Eof)
                {
                    continue;
                }

                if (after == '"' || after == '$' || after == escapeToken)
                {
                    ch = Next();
                }
            }

            GoText.AppendRune(result, ch);
        }
    }

    private string ProcessDollar()
    {
        Next();
        if (Peek() != '{')
        {
            var plain = ProcessName();
            // Unset variable with SkipUnsetEnv: the reference is kept as written.
            return plain.Length == 0 ? "$" : "$" + plain;
        }

        Next();
        var first = Peek();
        if (first == Eof)
        {
            throw new ShellLexException("syntax error: missing '}'");
        }

        if (first is '{' or '}' or ':')
        {
            throw new ShellLexException("syntax error: bad substitution");
        }

        var name = ProcessName();
        var ch = Next();
        var chs = GoText.RuneToString(ch);
        var nullIsUnset = false;
        switch (ch)
        {
            case '}':
                return "${" + name + "}";
            case ':':
            case '+':
            case '-':
            case '?':
            case '#':
            case '%':
                if (ch == ':')
                {
                    nullIsUnset = true;
                    ch = Next();
                    chs += GoText.RuneToString(ch);
                }

                var rawModifier = ch is '#' or '%';
                if (nullIsUnset && rawModifier)
                {
                    throw new ShellLexException($"unsupported modifier ({chs}) in substitution");
                }

                string word;
                try
                {
                    word = ProcessStopOn('}', rawModifier).Result;
                }
                catch (ShellLexException) when (Peek() == Eof)
                {
                    throw new ShellLexException("syntax error: missing '}'");
                }

                return "${" + name + chs + word + "}";
            case '/':
                if (Peek() == '/')
                {
                    Next();
                }

                string pattern;
                try
                {
                    pattern = ProcessStopOn('/', true).Result;
                }
                catch (ShellLexException) when (Peek() == Eof)
                {
                    throw new ShellLexException("syntax error: missing '/' in ${}");
                }

                string replacement;
                try
                {
                    replacement = ProcessStopOn('}', true).Result;
                }
                catch (ShellLexException) when (Peek() == Eof)
                {
                    throw new ShellLexException("syntax error: missing '}'");
                }

                return "${" + name + "/" + pattern + "/" + replacement + "}";
            default:
                throw new ShellLexException($"unsupported modifier ({chs}) in substitution");
        }
    }

    private string ProcessName()
    {
        var name = new StringBuilder();
        while (Peek() != Eof)
        {
            var ch = Peek();
            if (name.Length == 0 && GoText.IsDigit(ch))
            {
                while (Peek() != Eof && GoText.IsDigit(Peek()))
                {
                    GoText.AppendRune(name, Next());
                }

                return name.ToString();
            }

            if (name.Length == 0 && ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
            {
                return GoText.RuneToString(Next());
            }

            if (!GoText.IsLetter(ch) && !GoText.IsDigit(ch) && ch != '_')
            {
                break;
            }

            GoText.AppendRune(name, Next());
        }

        return name.ToString();
    }

    private sealed class WordList(StringBuilder buf)
    {
        private readonly List<string> words = [];
        private bool inWord;

        public void AddChar(int ch)
        {
            if (GoText.IsSpace(ch) && inWord)
            {
                if (buf.Length != 0)
                {
                    words.Add(buf.ToString());
                    buf.Clear();
                    inWord = false;
                }
            }
            else if (!GoText.IsSpace(ch))
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(int ch)
        {
            GoText.AppendRune(buf, ch);
            inWord = true;
        }

        public void AddString(string str)
        {
            for (var p = 0; p < str.Length;)
            {
                var (r, w) = GoText.DecodeRune(str, p);
                AddChar(r);
                p += w;
            }
        }

        public void AddRawString(string str)
        {
            buf.Append(str);
            inWord = true;
        }

        public List<string> GetWords()
        {
            if (buf.Length > 0)
            {
                words.Add(buf.ToString());
                buf.Clear();
                inWord = false;
            }

            return words;
        }
    }
}

/// <summary>A syntax error of the shell word lexer.</summary>
internal sealed class ShellLexException(string message) : Exception(message);

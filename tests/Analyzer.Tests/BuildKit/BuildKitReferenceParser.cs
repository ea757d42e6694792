using System.Text;
using System.Text.RegularExpressions;

namespace Dflint.Tests.BuildKit;

/// <summary>
/// A deliberately naive, independent C# model of BuildKit's Dockerfile parser
/// (moby/buildkit frontend/dockerfile/parser), for use as a test oracle only.
/// </summary>
/// <remarks>
/// <para>Modelled on the newest parser sources available (parser.go with DirectiveParser and
/// the <c>check</c> directive, heredocs, the continuation pattern that refuses an escaped
/// escape token; line_parsers.go with three-node key/value triples; json.Unmarshal JSON).</para>
/// <para>Text handling: the input string is encoded to UTF-8 and processed byte for byte
/// like Go does (see <see cref="GoText"/>). A lone UTF-16 surrogate in the input encodes as
/// U+FFFD. Public string values decode the bytes back; where BuildKit itself produces
/// invalid UTF-8 (it slices bytes in HEALTHCHECK and in comments), each bad byte reads as
/// U+FFFD, while <see cref="BuildKitNode.Dump"/> prints it as <c>\xNN</c> like Go.</para>
/// <para>Line numbers: instructions are 1-based. Error locations follow BuildKit's own
/// arithmetic, which is off by one for directive errors (line 0 for line 1) and gives the
/// number of lines read for "file with no instructions".</para>
/// </remarks>
public static class BuildKitReferenceParser
{
    private const int MaxTokenSize = 64 * 1024;

    private static readonly Regex DirectivePattern = new(
        @"^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\z",
        RegexOptions.CultureInvariant);

    // Go's \d is ASCII only.
    private static readonly Regex HeredocPattern = new(@"^([0-9]*)<<(-?)([^<]*)\z", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> ValidDirectives = ["syntax", "escape", "check"];

    /// <summary>Parses a whole Dockerfile.</summary>
    public static BuildKitParseResult Parse(string text)
    {
        var state = new State(GoText.FromDotNet(text));
        try
        {
            state.Run();
            return new BuildKitParseResult((char)state.Escape, state.Warnings, state.Root, state.TrailingError);
        }
        catch (ParseFailure f)
        {
            return new BuildKitParseResult((char)state.Escape, state.Warnings, [], f.Error);
        }
    }

    private sealed class ParseFailure(BuildKitError error) : Exception(error.Message)
    {
        public BuildKitError Error { get; } = error;
    }

    /// <summary>An error raised by a line parser; located by the caller.</summary>
    private sealed class LineError(string message) : Exception(message);

    private sealed class State(string input)
    {
        private int scanPos;
        private bool directivesDone;
        private readonly HashSet<string> seenDirectives = [];

        public int Escape { get; private set; } = '\\';

        public List<BuildKitWarning> Warnings { get; } = [];

        public List<BuildKitNode> Root { get; } = [];

        public BuildKitError? TrailingError { get; private set; }

        private bool tooLong;

        /// <summary>bufio.Scanner with BuildKit's scanLines: tokens keep their '\n'; 64 KiB limit.</summary>
        private bool Scan(out string token)
        {
            token = string.Empty;
            if (tooLong || scanPos >= input.Length)
            {
                return false;
            }

            var nl = input.IndexOf('\n', scanPos);
            if (nl >= 0)
            {
                if (nl - scanPos + 1 > MaxTokenSize)
                {
                    tooLong = true;
                    return false;
                }

                token = input[scanPos..(nl + 1)];
                scanPos = nl + 1;
                return true;
            }

            if (input.Length - scanPos >= MaxTokenSize)
            {
                tooLong = true;
                return false;
            }

            token = input[scanPos..];
            scanPos = input.Length;
            return true;
        }

        private static BuildKitError Located(string message, int start, int end) =>
            new(GoText.ToDotNet(message), start, end <= start ? start : end);

        public void Run()
        {
            var currentLine = 0;
            List<string>? comments = null;

            while (Scan(out var raw))
            {
                var bytesRead = raw;
                if (currentLine == 0 && bytesRead.StartsWith("\u00EF\u00BB\u00BF", StringComparison.Ordinal))
                {
                    bytesRead = bytesRead[3..];
                }

                if (IsComment(bytesRead))
                {
                    // BuildKit drops the first byte of the untrimmed line, not the '#':
                    // an indented comment keeps its '#'.
                    var comment = GoText.TrimSpace(bytesRead[1..]);
                    if (comment.Length == 0)
                    {
                        comments = null;
                    }
                    else
                    {
                        (comments ??= []).Add(comment);
                    }
                }

                string? processed;
                bool directiveOk;
                try
                {
                    (processed, directiveOk) = ProcessLine(bytesRead, stripLeftWhitespace: true);
                }
                catch (LineError e)
                {
                    throw new ParseFailure(Located(e.Message, currentLine, 0));
                }

                if (directiveOk)
                {
                    comments!.RemoveAt(comments.Count - 1);
                }

                currentLine++;
                var startLine = currentLine;
                var (first, isEndOfLine) = TrimContinuation(processed);
                if (isEndOfLine && first.Length == 0)
                {
                    continue;
                }

                var buf = new StringBuilder(first);
                var hasEmptyContinuationLine = false;
                while (!isEndOfLine && Scan(out var cont))
                {
                    string contProcessed;
                    try
                    {
                        (contProcessed, _) = ProcessLine(cont, stripLeftWhitespace: false);
                    }
                    catch (LineError e)
                    {
                        throw new ParseFailure(Located(e.Message, currentLine, 0));
                    }

                    currentLine++;
                    if (IsComment(cont))
                    {
                        continue;
                    }

                    if (IsEmptyContinuationLine(contProcessed))
                    {
                        hasEmptyContinuationLine = true;
                        continue;
                    }

                    (contProcessed, isEndOfLine) = TrimContinuation(contProcessed);
                    buf.Append(contProcessed);
                }

                var line = buf.ToString();
                if (hasEmptyContinuationLine)
                {
                    var l = GoText.ToDotNet(line);
                    Warnings.Add(new BuildKitWarning("Empty continuation line found in: " + l, l, currentLine));
                }

                BuildKitNode child;
                try
                {
                    child = NewNodeFromLine(line, comments ?? []);
                }
                catch (LineError e)
                {
                    throw new ParseFailure(Located(e.Message, startLine, currentLine));
                }

                if (CanContainHeredoc(child) && line.Contains("<<", StringComparison.Ordinal))
                {
                    List<BuildKitHeredoc> heredocs;
                    try
                    {
                        heredocs = HeredocsFromLine(line);
                    }
                    catch (LineError e)
                    {
                        throw new ParseFailure(Located(e.Message, startLine, currentLine));
                    }

                    foreach (var heredoc in heredocs)
                    {
                        var terminator = heredoc.Name;
                        var terminated = false;
                        var content = new StringBuilder();
                        while (Scan(out var body))
                        {
                            currentLine++;
                            var possibleTerminator = TrimNewline(body);
                            if (heredoc.Chomp)
                            {
                                possibleTerminator = possibleTerminator.TrimStart('\t');
                            }

                            if (possibleTerminator == terminator)
                            {
                                terminated = true;
                                break;
                            }

                            content.Append(body);
                        }

                        if (!terminated)
                        {
                            throw new ParseFailure(Located("unterminated heredoc", startLine, currentLine));
                        }

                        child.RawHeredocs.Add(heredoc with
                        {
                            Name = GoText.ToDotNet(heredoc.Name),
                            Content = GoText.ToDotNet(content.ToString()),
                        });
                    }
                }

                child.StartLine = startLine;
                child.EndLine = currentLine;
                Root.Add(child);
                comments = null;
            }

            if (Root.Count == 0)
            {
                throw new ParseFailure(Located("file with no instructions", currentLine, 0));
            }

            if (tooLong)
            {
                TrailingError = Located($"dockerfile line greater than max allowed size of {MaxTokenSize - 1}", currentLine, 0);
            }
        }

        private static string TrimNewline(string s) => s.TrimEnd('\r', '\n');

        private static bool IsComment(string line)
        {
            var t = GoText.TrimLeftSpace(line);
            return t.Length > 0 && t[0] == '#';
        }

        private static bool IsEmptyContinuationLine(string line) => GoText.TrimLeftSpace(TrimNewline(line)).Length == 0;

        private (string Line, bool DirectiveOk) ProcessLine(string token, bool stripLeftWhitespace)
        {
            token = TrimNewline(token);
            if (stripLeftWhitespace)
            {
                token = GoText.TrimLeftSpace(token);
            }

            var directiveOk = PossibleParserDirective(token);
            return (IsComment(token) ? string.Empty : token, directiveOk);
        }

        private bool PossibleParserDirective(string line)
        {
            if (directivesDone)
            {
                return false;
            }

            var m = DirectivePattern.Match(line);
            if (!m.Success)
            {
                directivesDone = true;
                return false;
            }

            var key = m.Groups[1].Value.ToLowerInvariant();
            if (!ValidDirectives.Contains(key))
            {
                directivesDone = true;
                return false;
            }

            if (!seenDirectives.Add(key))
            {
                throw new LineError($"only one {key} parser directive can be used");
            }

            if (key == "escape")
            {
                var v = m.Groups[2].Value;
                if (v is not ("`" or "\\"))
                {
                    throw new LineError($"invalid escape token '{v}' does not match ` or \\");
                }

                Escape = v[0];
            }

            return true;
        }

        /// <summary>
        /// The continuation pattern <c>([^E])E[ \t]*$|^E[ \t]*$</c> replaced by <c>$1</c>, written
        /// out by hand: the escape token must be the last character apart from spaces and tabs,
        /// and must be either the first character or preceded by something other than itself.
        /// </summary>
        private (string Line, bool IsEndOfLine) TrimContinuation(string line)
        {
            var end = line.Length;
            while (end > 0 && line[end - 1] is ' ' or '\t')
            {
                end--;
            }

            if (end == 0 || line[end - 1] != Escape)
            {
                return (line, true);
            }

            var p = end - 1;
            if (p == 0)
            {
                return (string.Empty, false);
            }

            if (line[p - 1] == Escape)
            {
                return (line, true);
            }

            return (line[..p], false);
        }

        private static bool CanContainHeredoc(BuildKitNode node)
        {
            if (GoText.ToLower(node.RawValue) == "onbuild" && node.SubCommand is not null)
            {
                node = node.SubCommand;
            }

            var v = GoText.ToLower(node.RawValue);
            return v is "add" or "copy" or "run" && !node.IsJson;
        }

        private static List<BuildKitHeredoc> HeredocsFromLine(string line)
        {
            var lexer = new ShellWordLexer('\\') { RawQuotes = true, RawEscapes = true };
            List<string> words;
            try
            {
                words = lexer.ProcessWords(line);
            }
            catch (ShellLexException)
            {
                // BuildKit ignores the error here: no words, so no heredocs.
                words = [];
            }

            var docs = new List<BuildKitHeredoc>();
            foreach (var word in words)
            {
                var doc = ParseHeredoc(word);
                if (doc is not null)
                {
                    docs.Add(doc);
                }
            }

            return docs;
        }

        /// <summary>Name and Content are byte strings here; the caller converts them.</summary>
        private static BuildKitHeredoc? ParseHeredoc(string word)
        {
            var m = HeredocPattern.Match(word);
            if (!m.Success)
            {
                return null;
            }

            ulong fd = 0;
            if (m.Groups[1].Value.Length > 0 && !ulong.TryParse(m.Groups[1].Value, out fd))
            {
                fd = ulong.MaxValue; // strconv.ParseUint reports ErrRange with the maximum value
            }

            var chomp = m.Groups[2].Value == "-";
            var rest = m.Groups[3].Value;
            if (rest.Length == 0)
            {
                return null;
            }

            var lexer = new ShellWordLexer('\\');
            List<string> plain;
            List<string> raw;
            try
            {
                lexer.RawQuotes = false;
                plain = lexer.ProcessWords(rest);
                if (plain.Count != 1)
                {
                    return null;
                }

                lexer.RawQuotes = true;
                raw = lexer.ProcessWords(rest);
            }
            catch (ShellLexException e)
            {
                throw new LineError(e.Message);
            }

            if (raw.Count != plain.Count)
            {
                throw new LineError($"internal lexing of heredoc produced inconsistent results: {rest}");
            }

            static int Quotes(string s) => s.Count(c => c is '\'' or '"');
            return new BuildKitHeredoc(plain[0], fd, Quotes(plain[0]) == Quotes(raw[0]), chomp, string.Empty);
        }

        private BuildKitNode NewNodeFromLine(string line, List<string> comments)
        {
            var (cmd, flags, args) = SplitCommand(line);
            var node = new BuildKitNode(cmd)
            {
                RawOriginal = line,
                RawFlags = flags,
                RawPrevComment = comments,
            };

            switch (GoText.ToLower(cmd))
            {
                case "add":
                case "copy":
                case "volume":
                    ParseMaybeJsonToList(node, args);
                    break;
                case "arg":
                    node.RawNext = ParseWords(args);
                    break;
                case "cmd":
                case "entrypoint":
                case "run":
                case "shell":
                    ParseMaybeJson(node, args);
                    break;
                case "env":
                    node.RawNext = ParseNameVal(args, "ENV");
                    break;
                case "label":
                    node.RawNext = ParseNameVal(args, "LABEL");
                    break;
                case "expose":
                case "from":
                    node.RawNext = WhitespaceDelimited(args);
                    break;
                case "healthcheck":
                    ParseHealthConfig(node, args);
                    break;
                case "maintainer":
                case "stopsignal":
                case "user":
                case "workdir":
                    node.RawNext = args.Length == 0 ? [] : [args];
                    break;
                case "onbuild":
                    if (args.Length > 0)
                    {
                        node.SubCommand = NewNodeFromLine(args, []);
                    }

                    break;
                default:
                    // parseIgnore returns an empty (non-nil) node: one "" argument.
                    node.RawNext = [string.Empty];
                    break;
            }

            return node;
        }

        private static (string Cmd, List<string> Flags, string Args) SplitCommand(string line)
        {
            var parts = GoText.RegexSplit(GoText.TrimSpace(line), GoText.FindWhitespaceRun, 2);
            var cmd = parts[0];
            var flags = new List<string>();
            var args = string.Empty;
            if (parts.Count == 2)
            {
                (args, flags) = ExtractBuilderFlags(parts[1]);
            }

            return (cmd, flags, GoText.TrimSpace(args));
        }

        /// <summary>
        /// extractBuilderFlags works on single bytes: a byte is "space" when unicode.IsSpace
        /// says so for the byte value read as a rune (so 0x85 and 0xA0 continuation bytes count
        /// as spaces), and a copied byte is written as the rune of that value (U+0080..U+00FF),
        /// which turns non-ASCII flag text into Latin-1 mojibake. The backslash is always the
        /// escape here, whatever the escape directive says.
        /// </summary>
        private static (string Remainder, List<string> Flags) ExtractBuilderFlags(string line)
        {
            const int inSpaces = 0, inWord = 1, inQuote = 2;
            var words = new List<string>();
            var phase = inSpaces;
            var word = new StringBuilder();
            var quote = '\0';
            var blankOk = false;
            var ch = '\0';

            for (var pos = 0; pos <= line.Length; pos++)
            {
                if (pos != line.Length)
                {
                    ch = line[pos];
                }

                if (phase == inSpaces)
                {
                    if (pos == line.Length)
                    {
                        break;
                    }

                    if (GoText.IsSpace(ch))
                    {
                        continue;
                    }

                    if (ch != '-' || pos + 1 == line.Length || line[pos + 1] != '-')
                    {
                        return (line[pos..], words);
                    }

                    phase = inWord;
                }

                if ((phase == inWord || phase == inQuote) && pos == line.Length)
                {
                    if (word.ToString() != "--" && (blankOk || word.Length > 0))
                    {
                        words.Add(word.ToString());
                    }

                    break;
                }

                if (phase == inWord)
                {
                    if (GoText.IsSpace(ch))
                    {
                        phase = inSpaces;
                        if (word.ToString() == "--")
                        {
                            return (line[pos..], words);
                        }

                        if (blankOk || word.Length > 0)
                        {
                            words.Add(word.ToString());
                        }

                        word.Clear();
                        blankOk = false;
                        continue;
                    }

                    if (ch is '\'' or '"')
                    {
                        quote = ch;
                        blankOk = true;
                        phase = inQuote;
                        continue;
                    }

                    if (ch == '\\')
                    {
                        if (pos + 1 == line.Length)
                        {
                            continue;
                        }

                        pos++;
                        ch = line[pos];
                    }

                    GoText.AppendRune(word, ch);
                    continue;
                }

                if (phase == inQuote)
                {
                    if (ch == quote)
                    {
                        phase = inWord;
                        continue;
                    }

                    if (ch == '\\')
                    {
                        if (pos + 1 == line.Length)
                        {
                            phase = inWord;
                            continue;
                        }

                        pos++;
                        ch = line[pos];
                    }

                    GoText.AppendRune(word, ch);
                }
            }

            return (string.Empty, words);
        }

        /// <summary>parseWords: rune based, keeps quotes and escape tokens in the words.</summary>
        private List<string> ParseWords(string rest)
        {
            const int inSpaces = 0, inWord = 1, inQuote = 2;
            var words = new List<string>();
            var phase = inSpaces;
            var word = new StringBuilder();
            var quote = 0;
            var blankOk = false;
            var ch = 0;
            var chWidth = 0;

            for (var pos = 0; pos <= rest.Length; pos += chWidth)
            {
                if (pos != rest.Length)
                {
                    (ch, chWidth) = GoText.DecodeRune(rest, pos);
                }

                if (phase == inSpaces)
                {
                    if (pos == rest.Length)
                    {
                        break;
                    }

                    if (GoText.IsSpace(ch))
                    {
                        continue;
                    }

                    phase = inWord;
                }

                if ((phase == inWord || phase == inQuote) && pos == rest.Length)
                {
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }

                    break;
                }

                if (phase == inWord)
                {
                    if (GoText.IsSpace(ch))
                    {
                        phase = inSpaces;
                        if (blankOk || word.Length > 0)
                        {
                            words.Add(word.ToString());
                        }

                        word.Clear();
                        blankOk = false;
                        continue;
                    }

                    if (ch is '\'' or '"')
                    {
                        quote = ch;
                        blankOk = true;
                        phase = inQuote;
                    }

                    if (ch == Escape)
                    {
                        if (pos + chWidth == rest.Length)
                        {
                            continue;
                        }

                        GoText.AppendRune(word, ch);
                        pos += chWidth;
                        (ch, chWidth) = GoText.DecodeRune(rest, pos);
                    }

                    GoText.AppendRune(word, ch);
                    continue;
                }

                if (phase == inQuote)
                {
                    if (ch == quote)
                    {
                        phase = inWord;
                    }

                    if (ch == Escape && quote != '\'')
                    {
                        if (pos + chWidth == rest.Length)
                        {
                            phase = inWord;
                            continue;
                        }

                        pos += chWidth;
                        GoText.AppendRune(word, ch);
                        (ch, chWidth) = GoText.DecodeRune(rest, pos);
                    }

                    GoText.AppendRune(word, ch);
                }
            }

            return words;
        }

        private List<string> ParseNameVal(string rest, string key)
        {
            var words = ParseWords(rest);
            if (words.Count == 0)
            {
                return [];
            }

            if (!words[0].Contains('='))
            {
                var parts = GoText.RegexSplit(rest, GoText.FindWhitespaceRun, 2);
                if (parts.Count < 2)
                {
                    throw new LineError($"{key} must have two arguments");
                }

                return [parts[0], parts[1], string.Empty];
            }

            var result = new List<string>();
            foreach (var w in words)
            {
                var eq = w.IndexOf('=');
                if (eq < 0)
                {
                    throw new LineError($"Syntax error - can't find = in {GoText.QuoteBytes(w)}. Must be of the form: name=value");
                }

                result.Add(w[..eq]);
                result.Add(w[(eq + 1)..]);
                result.Add("=");
            }

            return result;
        }

        private static List<string> WhitespaceDelimited(string rest) =>
            rest.Length == 0 ? [] : GoText.RegexSplit(rest, GoText.FindWhitespaceRun, -1);

        /// <summary>parseJSON: null when the text is not a JSON array (caller falls back).</summary>
        private static List<string>? ParseJson(string rest)
        {
            rest = GoText.TrimLeftSpace(rest);
            if (!rest.StartsWith('['))
            {
                return null;
            }

            return GoJsonArray.Decode(rest, out var values) switch
            {
                GoJsonArray.Outcome.Strings => values,
                GoJsonArray.Outcome.NotAllStrings =>
                    throw new LineError("when using JSON array syntax, arrays must be comprised of strings only"),
                _ => null,
            };
        }

        private static void ParseMaybeJson(BuildKitNode node, string rest)
        {
            if (rest.Length == 0)
            {
                return;
            }

            var json = ParseJson(rest);
            if (json is not null)
            {
                node.RawNext = json;
                node.IsJson = true;
                return;
            }

            node.RawNext = [rest];
        }

        private static void ParseMaybeJsonToList(BuildKitNode node, string rest)
        {
            var json = ParseJson(rest);
            if (json is not null)
            {
                node.RawNext = json;
                node.IsJson = true;
                return;
            }

            node.RawNext = WhitespaceDelimited(rest);
        }

        /// <summary>parseHealthConfig: the type word is cut at the first byte that is a "space" (byte-wise, like extractBuilderFlags).</summary>
        private static void ParseHealthConfig(BuildKitNode node, string rest)
        {
            var sep = 0;
            while (sep < rest.Length && !GoText.IsSpace(rest[sep]))
            {
                sep++;
            }

            var next = sep;
            while (next < rest.Length && GoText.IsSpace(rest[next]))
            {
                next++;
            }

            if (sep == 0)
            {
                return;
            }

            var typ = rest[..sep];
            var inner = new BuildKitNode(string.Empty);
            ParseMaybeJson(inner, rest[next..]);
            node.RawNext = [typ, .. inner.RawNext];
            node.IsJson = inner.IsJson;
        }
    }
}

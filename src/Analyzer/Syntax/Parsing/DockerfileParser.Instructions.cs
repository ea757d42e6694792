using Dflint.Syntax.Green;
using Microsoft.CodeAnalysis;

namespace Dflint.Syntax.Parsing;

internal sealed partial class DockerfileParser
{
    private enum ArgumentForm : byte
    {
        None,
        Words,
        Text,
        Json,
        Pairs,
    }

    /// <summary>Token indexes of one instruction, filled while scanning the logical line, read when building nodes.</summary>
    private sealed class Shape
    {
        public SyntaxKind Keyword;
        public int KeywordToken;
        public readonly List<(int Name, int EqualsToken, int Value)> Flags = [];
        public ArgumentForm Form;
        public int ArgumentsStart;
        public int ArgumentsEnd;
        public readonly List<(int Key, int EqualsToken, int Value)> Pairs = [];
        public int First = -1;
        public int Second = -1;
        public int Third = -1;
        public int UnexpectedStart;
        public int UnexpectedEnd;
        public Shape? Trigger;
        public readonly List<(int Body, int Terminator, string Name, bool Chomp, bool Expand, ulong FileDescriptor)> Heredocs = [];

        public void Clear()
        {
            Keyword = SyntaxKind.None;
            KeywordToken = -1;
            Flags.Clear();
            Form = ArgumentForm.None;
            ArgumentsStart = ArgumentsEnd = 0;
            Pairs.Clear();
            First = Second = Third = -1;
            UnexpectedStart = UnexpectedEnd = 0;
            Trigger = null;
            Heredocs.Clear();
        }
    }

    private GreenNode ParseInstruction(int fullStart, int firstChar, int contentEnd, int nextLine, out int end)
    {
        _tokens.Clear();
        _diagnostics.Clear();
        _shape.Clear();
        _triggerShape.Clear();

        var emptyLine = ReadLogicalLine(firstChar, contentEnd, nextLine, out end);
        ScanInstruction(_shape, 0, _line.Length, isTrigger: false);

        var heredocOwner = _shape.Trigger ?? _shape;
        if (heredocOwner.Keyword is SyntaxKind.RunKeyword or SyntaxKind.CopyKeyword or SyntaxKind.AddKeyword && heredocOwner.Form != ArgumentForm.Json)
        {
            end = ReadHeredocs(heredocOwner, end);
        }
        if (emptyLine.Length > 0)
        {
            _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.EmptyContinuationLine, emptyLine.Start, emptyLine.End,
                [SyntaxKindFacts.GetInstructionName(_shape.Keyword) is { Length: > 0 } name ? name : "instruction"]));
        }

        var tokens = Materialize(fullStart, end);
        return BuildShape(_shape, tokens, InstructionDiagnostics(fullStart));
    }

    /// <summary>Joins the physical lines of one instruction into <see cref="_line"/>; returns the first empty continuation line.</summary>
    private TextSpan ReadLogicalLine(int firstChar, int contentEnd, int nextLine, out int end)
    {
        _line.Clear();
        var continuation = LogicalText.ContinuationStart(T.Slice(firstChar, contentEnd - firstChar), _escape);
        _line.Append(T, firstChar, continuation >= 0 ? continuation : contentEnd - firstChar);
        end = nextLine;
        var continued = continuation >= 0;
        var emptyLine = default(TextSpan);
        while (continued && end < _length)
        {
            var start = end;
            end = NextLine(start, out contentEnd);
            var content = T.Slice(start, contentEnd - start);
            if (LogicalText.IsComment(content)) continue;
            if (LogicalText.IsBlank(content))
            {
                if (emptyLine.Length == 0) emptyLine = TextSpan.FromBounds(start, Math.Max(contentEnd, Math.Min(end, start + 1)));
                continue;
            }
            continuation = LogicalText.ContinuationStart(content, _escape);
            _line.Append(T, start, continuation >= 0 ? continuation : content.Length);
            continued = continuation >= 0;
        }
        return emptyLine;
    }

    private int AddToken(SyntaxKind kind, int logicalStart, int logicalEnd)
    {
        int start, end;
        if (logicalEnd > logicalStart)
        {
            start = _line.ToSourceStart(logicalStart);
            end = _line.ToSourceEnd(logicalEnd);
        }
        else
        {
            start = end = _line.Length == 0 ? _line.ToSourceEnd(0) : _line.ToSourceEnd(logicalEnd);
        }
        _tokens.Add(new RawToken(kind, start, end, false));
        return _tokens.Count - 1;
    }

    private void AddLogicalDiagnostic(DiagnosticDescriptor descriptor, int logicalStart, int logicalEnd, params string[] arguments)
    {
        var start = logicalEnd > logicalStart ? _line.ToSourceStart(logicalStart) : _line.ToSourceEnd(logicalEnd);
        var end = logicalEnd > logicalStart ? _line.ToSourceEnd(logicalEnd) : start;
        _diagnostics.Add(new PendingDiagnostic(descriptor, start, end, arguments));
    }

    /// <summary>BuildKit separates the instruction name and whitespace-delimited arguments on these only.</summary>
    private static bool IsSplitSpace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    private void ScanInstruction(Shape shape, int start, int end, bool isTrigger)
    {
        var line = _line.Span;
        while (start < end && char.IsWhiteSpace(line[start])) start++;
        while (end > start && char.IsWhiteSpace(line[end - 1])) end--;
        if (start == end)
        {
            // Only continuation markers: BuildKit builds an instruction with an empty name.
            shape.Keyword = SyntaxKind.UnknownKeyword;
            shape.KeywordToken = AddToken(SyntaxKind.UnknownKeyword, start, start);
            _tokens[shape.KeywordToken] = _tokens[shape.KeywordToken] with { IsMissing = true };
            AddLogicalDiagnostic(SyntaxDiagnostics.UnknownInstruction, start, start, "(empty)");
            return;
        }
        var keywordEnd = start;
        while (keywordEnd < end && !IsSplitSpace(line[keywordEnd])) keywordEnd++;
        var keyword = SyntaxKindFacts.GetInstructionKeywordKind(line[start..keywordEnd]);
        shape.Keyword = keyword;
        shape.KeywordToken = AddToken(keyword, start, keywordEnd);
        var rest = keywordEnd;
        while (rest < end && IsSplitSpace(line[rest])) rest++;
        var arguments = ScanFlags(shape, rest, end);
        ValidateFlags(shape, keyword);

        switch (keyword)
        {
            case SyntaxKind.FromKeyword:
                ScanFrom(shape, arguments, end);
                break;
            case SyntaxKind.ExposeKeyword:
                ScanSplitWords(shape, arguments, end);
                if (shape.ArgumentsEnd == shape.ArgumentsStart) RequireArguments(shape, keyword, "at least one argument");
                break;
            case SyntaxKind.RunKeyword:
            case SyntaxKind.CmdKeyword:
            case SyntaxKind.EntrypointKeyword:
                ScanMaybeJson(shape, arguments, end, asList: false);
                break;
            case SyntaxKind.ShellKeyword:
                ScanMaybeJson(shape, arguments, end, asList: false);
                if (shape.Form == ArgumentForm.None) RequireArguments(shape, keyword, "at least one argument");
                else if (shape.Form != ArgumentForm.Json)
                    AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, arguments, end, "SHELL requires the arguments to be in JSON form");
                break;
            case SyntaxKind.CopyKeyword:
            case SyntaxKind.AddKeyword:
                ScanMaybeJson(shape, arguments, end, asList: true);
                if (shape.ArgumentsEnd - shape.ArgumentsStart < (shape.Form == ArgumentForm.Json ? 5 : 2))
                {
                    var name = SyntaxKindFacts.GetInstructionName(keyword);
                    AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, arguments, end,
                        $"{name} requires at least two arguments, but only one was provided. Destination could not be determined.");
                }
                break;
            case SyntaxKind.VolumeKeyword:
                ScanMaybeJson(shape, arguments, end, asList: true);
                if (shape.ArgumentsEnd - shape.ArgumentsStart < (shape.Form == ArgumentForm.Json ? 3 : 1)) RequireArguments(shape, keyword, "at least one argument");
                break;
            case SyntaxKind.EnvKeyword:
            case SyntaxKind.LabelKeyword:
                ScanNameValue(shape, arguments, end);
                break;
            case SyntaxKind.ArgKeyword:
                ScanNameOrNameValue(shape, arguments, end);
                break;
            case SyntaxKind.WorkdirKeyword:
            case SyntaxKind.StopsignalKeyword:
            case SyntaxKind.MaintainerKeyword:
                if (arguments < end) shape.First = AddToken(SyntaxKind.TextToken, arguments, end);
                else RequireArguments(shape, keyword, "exactly one argument");
                break;
            case SyntaxKind.UserKeyword:
                ScanUser(shape, arguments, end);
                break;
            case SyntaxKind.HealthcheckKeyword:
                ScanHealthcheck(shape, arguments, end);
                break;
            case SyntaxKind.OnbuildKeyword:
                ScanOnbuild(shape, arguments, end, isTrigger);
                break;
            default:
                ScanShellText(shape, arguments, end);
                AddLogicalDiagnostic(SyntaxDiagnostics.UnknownInstruction, start, keywordEnd, UnknownInstructionMessage(line[start..keywordEnd].ToString()));
                break;
        }
    }

    private void RequireArguments(Shape shape, SyntaxKind keyword, string requirement)
    {
        var token = _tokens[shape.KeywordToken];
        _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidArguments, token.Start, token.End,
            [$"{SyntaxKindFacts.GetInstructionName(keyword)} requires {requirement}"]));
    }

    /// <summary>Flags are leading words that start with <c>--</c>; a lone <c>--</c> ends them.</summary>
    private int ScanFlags(Shape shape, int position, int end)
    {
        var line = _line.Span;
        while (true)
        {
            while (position < end && char.IsWhiteSpace(line[position])) position++;
            if (position >= end) return end;
            if (line[position] != '-' || position + 1 >= end || line[position + 1] != '-') return position;
            var wordStart = position;
            var equals = -1;
            var quote = '\0';
            while (position < end)
            {
                var c = line[position];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                    else if (c == '\\') position++;
                    position++;
                    continue;
                }
                if (char.IsWhiteSpace(c)) break;
                if (c is '"' or '\'') quote = c;
                else if (c == '=' && equals < 0) equals = position;
                else if (c == '\\') position++;
                position++;
            }
            position = Math.Min(position, end);
            if (position - wordStart == 2)
            {
                shape.Flags.Add((AddToken(SyntaxKind.DoubleDashToken, wordStart, position), -1, -1));
                while (position < end && char.IsWhiteSpace(line[position])) position++;
                return position;
            }
            if (equals < 0)
            {
                shape.Flags.Add((AddToken(SyntaxKind.FlagNameToken, wordStart, position), -1, -1));
            }
            else
            {
                shape.Flags.Add((AddToken(SyntaxKind.FlagNameToken, wordStart, equals), AddToken(SyntaxKind.EqualsToken, equals, equals + 1),
                    AddToken(SyntaxKind.FlagValueToken, equals + 1, position)));
            }
        }
    }

    private void ScanFrom(Shape shape, int start, int end)
    {
        ScanSplitWords(shape, start, end);
        var count = shape.ArgumentsEnd - shape.ArgumentsStart;
        shape.Form = ArgumentForm.None;
        if (count == 0)
        {
            AddFromArityError(shape, start, end);
            return;
        }
        shape.First = shape.ArgumentsStart;
        if (count == 3 && _tokens[shape.ArgumentsStart + 1] is var asToken && IsAs(asToken))
        {
            _tokens[shape.ArgumentsStart + 1] = asToken with { Kind = SyntaxKind.AsKeyword };
            shape.Second = shape.ArgumentsStart + 1;
            shape.Third = shape.ArgumentsStart + 2;
            var name = _tokens[shape.Third];
            var nameText = T.Slice(name.Start, name.End - name.Start);
            if (nameText.IndexOf('$') < 0 && !IsValidStageName(nameText))
            {
                _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidArguments, name.Start, name.End,
                    [$"invalid name for build stage: \"{nameText.ToString()}\", name can't start with a number or contain symbols"]));
            }
            return;
        }
        shape.UnexpectedStart = shape.ArgumentsStart + 1;
        shape.UnexpectedEnd = shape.ArgumentsEnd;
        if (count != 1) AddFromArityError(shape, start, end);
    }

    /// <summary><c>^[a-z][a-z0-9-_.]*$</c> after lower-casing, as BuildKit checks stage names.</summary>
    private static bool IsValidStageName(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) return false;
        }
        return true;
    }

    private bool IsAs(RawToken token) => token.End - token.Start == 2 && T.Slice(token.Start, 2).Equals("as", StringComparison.OrdinalIgnoreCase);

    private void AddFromArityError(Shape shape, int start, int end)
    {
        if (start < end) AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, start, end, "FROM requires either one or three arguments");
        else RequireArguments(shape, SyntaxKind.FromKeyword, "either one or three arguments");
    }

    /// <summary>BuildKit's whitespace split (space, tab, VT, FF, CR): quotes are not special.</summary>
    private void ScanSplitWords(Shape shape, int position, int end)
    {
        var line = _line.Span;
        shape.Form = ArgumentForm.Words;
        shape.ArgumentsStart = _tokens.Count;
        while (position < end)
        {
            var wordStart = position;
            while (position < end && !IsSplitSpace(line[position])) position++;
            if (position > wordStart) AddToken(SyntaxKind.WordToken, wordStart, position);
            while (position < end && IsSplitSpace(line[position])) position++;
        }
        shape.ArgumentsEnd = _tokens.Count;
    }

    private void ScanMaybeJson(Shape shape, int start, int end, bool asList)
    {
        if (start >= end)
        {
            shape.Form = asList ? ArgumentForm.Words : ArgumentForm.None;
            shape.ArgumentsStart = shape.ArgumentsEnd = _tokens.Count;
            return;
        }
        var result = JsonArrayScanner.Scan(_line.Span, start, end, _json);
        if (result == JsonArrayScanner.Result.StringArray)
        {
            shape.Form = ArgumentForm.Json;
            shape.ArgumentsStart = _tokens.Count;
            foreach (var token in _json) AddToken(token.Kind, token.Start, token.End);
            shape.ArgumentsEnd = _tokens.Count;
            return;
        }
        if (result == JsonArrayScanner.Result.NonStringArray)
        {
            AddLogicalDiagnostic(SyntaxDiagnostics.InvalidJsonArray, start, end, "when using JSON array syntax, arrays must be comprised of strings only");
        }
        if (asList) ScanSplitWords(shape, start, end);
        else ScanShellText(shape, start, end);
    }

    /// <summary>Free text kept as BuildKit keeps it: one token per physical line, continuations between them.</summary>
    private void ScanShellText(Shape shape, int start, int end)
    {
        shape.Form = start < end ? ArgumentForm.Text : ArgumentForm.None;
        shape.ArgumentsStart = _tokens.Count;
        for (var i = 0; i < _line.SegmentCount && start < end; i++)
        {
            ref readonly var segment = ref _line.GetSegment(i);
            var segmentEnd = segment.LogicalStart + segment.Length;
            if (segmentEnd <= start || segment.Length == 0) continue;
            var fragmentEnd = Math.Min(end, segmentEnd);
            AddToken(SyntaxKind.TextToken, start, fragmentEnd);
            start = fragmentEnd;
        }
        shape.ArgumentsEnd = _tokens.Count;
    }

    /// <summary>BuildKit's parseWords: whitespace separates words, quotes and the escape character protect it.</summary>
    private int NextWord(int position, int end, out int wordStart)
    {
        var line = _line.Span;
        while (position < end && char.IsWhiteSpace(line[position])) position++;
        wordStart = position;
        var quote = '\0';
        while (position < end)
        {
            var c = line[position];
            if (quote == '\0')
            {
                if (char.IsWhiteSpace(c)) break;
                if (c is '\'' or '"') quote = c;
                else if (c == _escape) position++;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (c == _escape && quote != '\'')
            {
                position++;
            }
            position++;
        }
        // A lone escape character at the very end is dropped by BuildKit; it stays in the tree as trivia.
        return position > end ? end - 1 : position;
    }

    private void ScanNameValue(Shape shape, int start, int end)
    {
        shape.Form = ArgumentForm.Pairs;
        var keyword = SyntaxKindFacts.GetInstructionName(shape.Keyword);
        var line = _line.Span;
        var firstEnd = NextWord(start, end, out var firstStart);
        if (firstEnd == firstStart)
        {
            RequireArguments(shape, shape.Keyword, "at least one argument");
            return;
        }
        if (line[firstStart..firstEnd].IndexOf('=') < 0)
        {
            // Legacy form: the key runs to the first blank, the value is the rest of the line as written.
            var keyEnd = start;
            while (keyEnd < end && !IsSplitSpace(line[keyEnd])) keyEnd++;
            var valueStart = keyEnd;
            while (valueStart < end && IsSplitSpace(line[valueStart])) valueStart++;
            var key = AddToken(SyntaxKind.WordToken, start, keyEnd);
            if (valueStart >= end)
            {
                shape.Pairs.Add((key, -1, -1));
                AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, start, end, $"{keyword} must have two arguments");
                return;
            }
            shape.Pairs.Add((key, -1, AddToken(SyntaxKind.TextToken, valueStart, end)));
            return;
        }
        ScanAssignments(shape, start, end, keyword);
    }

    private void ScanNameOrNameValue(Shape shape, int start, int end)
    {
        shape.Form = ArgumentForm.Pairs;
        ScanAssignments(shape, start, end, strictKeyword: null);
        if (shape.Pairs.Count == 0) RequireArguments(shape, shape.Keyword, "at least one argument");
    }

    /// <summary>
    /// Words split at their first <c>=</c> into key, equals sign and value tokens. ENV and LABEL
    /// (<paramref name="strictKeyword"/> set) require the <c>=</c> and a key; ARG accepts a bare name.
    /// </summary>
    private void ScanAssignments(Shape shape, int position, int end, string? strictKeyword)
    {
        var line = _line.Span;
        while (true)
        {
            var wordEnd = NextWord(position, end, out var wordStart);
            if (wordEnd == wordStart) break;
            position = wordEnd;
            var equals = line[wordStart..wordEnd].IndexOf('=');
            if (equals < 0)
            {
                shape.Pairs.Add((AddToken(SyntaxKind.WordToken, wordStart, wordEnd), -1, -1));
                if (strictKeyword is not null)
                {
                    AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, wordStart, wordEnd,
                        $"Syntax error - can't find = in \"{line[wordStart..wordEnd].ToString()}\". Must be of the form: name=value");
                }
                continue;
            }
            equals += wordStart;
            if (equals == wordStart && strictKeyword is not null)
            {
                AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, wordStart, wordEnd, $"{strictKeyword} names can not be blank");
            }
            shape.Pairs.Add((AddToken(SyntaxKind.WordToken, wordStart, equals), AddToken(SyntaxKind.EqualsToken, equals, equals + 1),
                AddToken(SyntaxKind.WordToken, equals + 1, wordEnd)));
        }
    }

    private void ScanUser(Shape shape, int start, int end)
    {
        if (start >= end)
        {
            RequireArguments(shape, SyntaxKind.UserKeyword, "exactly one argument");
            return;
        }
        var colon = _line.Span[start..end].IndexOf(':');
        if (colon < 0)
        {
            shape.First = AddToken(SyntaxKind.TextToken, start, end);
            return;
        }
        colon += start;
        shape.First = AddToken(SyntaxKind.TextToken, start, colon);
        shape.Second = AddToken(SyntaxKind.ColonToken, colon, colon + 1);
        shape.Third = AddToken(SyntaxKind.TextToken, colon + 1, end);
    }

    private void ScanHealthcheck(Shape shape, int start, int end)
    {
        if (start >= end)
        {
            RequireArguments(shape, SyntaxKind.HealthcheckKeyword, "at least one argument");
            return;
        }
        var line = _line.Span;
        var typeEnd = start;
        while (typeEnd < end && !char.IsWhiteSpace(line[typeEnd])) typeEnd++;
        var type = line[start..typeEnd];
        var kind = type.Equals("NONE", StringComparison.OrdinalIgnoreCase) ? SyntaxKind.NoneKeyword
            : type.Equals("CMD", StringComparison.OrdinalIgnoreCase) ? SyntaxKind.CmdKeyword
            : SyntaxKind.WordToken;
        shape.First = AddToken(kind, start, typeEnd);
        var command = typeEnd;
        while (command < end && char.IsWhiteSpace(line[command])) command++;
        ScanMaybeJson(shape, command, end, asList: false);
        var hasCommand = shape.Form != ArgumentForm.None && shape.ArgumentsEnd - shape.ArgumentsStart > (shape.Form == ArgumentForm.Json ? 2 : 0);
        switch (kind)
        {
            case SyntaxKind.NoneKeyword when shape.Form != ArgumentForm.None:
                AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, command, end, "HEALTHCHECK NONE takes no arguments");
                break;
            case SyntaxKind.CmdKeyword when !hasCommand:
                AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, start, typeEnd, "Missing command after HEALTHCHECK CMD");
                break;
            case SyntaxKind.WordToken:
                AddLogicalDiagnostic(SyntaxDiagnostics.InvalidArguments, start, typeEnd, $"Unknown type \"{type.ToString().ToUpperInvariant()}\" in HEALTHCHECK (try CMD)");
                break;
        }
    }

    private void ScanOnbuild(Shape shape, int start, int end, bool isTrigger)
    {
        if (start >= end)
        {
            RequireArguments(shape, SyntaxKind.OnbuildKeyword, "at least one argument");
            return;
        }
        // The first level reuses a shape; chained ONBUILDs (an error, but parsed as BuildKit parses them) allocate.
        var trigger = isTrigger ? new Shape() : _triggerShape;
        shape.Trigger = trigger;
        ScanInstruction(trigger, start, end, isTrigger: true);
        if (isTrigger) return;
        var triggerToken = _tokens[trigger.KeywordToken];
        var triggerName = T.Slice(triggerToken.Start, triggerToken.End - triggerToken.Start).ToString().ToUpperInvariant();
        if (trigger.Keyword == SyntaxKind.OnbuildKeyword)
        {
            _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidOnbuildTrigger, triggerToken.Start, triggerToken.End, ["Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"]));
        }
        else if (trigger.Keyword is SyntaxKind.FromKeyword or SyntaxKind.MaintainerKeyword)
        {
            _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidOnbuildTrigger, triggerToken.Start, triggerToken.End, [$"{triggerName} isn't allowed as an ONBUILD trigger"]));
        }
    }

    private static readonly string[] s_instructionNames =
        ["add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir"];

    /// <summary>BuildKit's message, with its "did you mean" hint for a near miss.</summary>
    private static string UnknownInstructionMessage(string word)
    {
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in s_instructionNames)
        {
            var distance = EditDistance(lower, name);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = name;
            }
        }
        var threshold = Math.Max(1, Math.Min(2, lower.Length / 3));
        return best is not null && bestDistance <= threshold ? $"{word} (did you mean {best}?)" : word;
    }

    private static int EditDistance(string a, string b)
    {
        if (a.Length > 64) return int.MaxValue;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            current.CopyTo(previous);
        }
        return previous[b.Length];
    }
}

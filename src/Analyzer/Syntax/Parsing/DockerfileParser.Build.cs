using Dflint.Syntax.Green;

namespace Dflint.Syntax.Parsing;

internal sealed partial class DockerfileParser
{
    private static readonly string[] s_noFlags = [];
    private static readonly string[] s_fromFlags = ["platform"];
    private static readonly string[] s_runFlags = ["mount", "network", "security", "device"];
    private static readonly string[] s_copyFlags = ["from", "chown", "chmod", "link", "parents", "exclude"];
    private static readonly string[] s_addFlags = ["chown", "chmod", "link", "keep-git-dir", "checksum", "exclude", "unpack"];
    private static readonly string[] s_healthcheckFlags = ["interval", "timeout", "start-period", "start-interval", "retries"];
    private static readonly string[] s_booleanFlags = ["link", "parents", "keep-git-dir", "unpack"];
    private static readonly string[] s_repeatableFlags = ["mount", "exclude", "device"];

    private void ValidateFlags(Shape shape, SyntaxKind keyword)
    {
        if (shape.Flags.Count == 0) return;
        var allowed = keyword switch
        {
            SyntaxKind.FromKeyword => s_fromFlags,
            SyntaxKind.RunKeyword => s_runFlags,
            SyntaxKind.CopyKeyword => s_copyFlags,
            SyntaxKind.AddKeyword => s_addFlags,
            SyntaxKind.HealthcheckKeyword => s_healthcheckFlags,
            SyntaxKind.UnknownKeyword => null,
            _ => s_noFlags,
        };
        if (allowed is null) return;
        List<string>? seen = null;
        foreach (var (nameIndex, equalsIndex, valueIndex) in shape.Flags)
        {
            var nameToken = _tokens[nameIndex];
            if (nameToken.Kind == SyntaxKind.DoubleDashToken) continue;
            var end = valueIndex >= 0 ? _tokens[valueIndex].End : nameToken.End;
            var raw = T.Slice(nameToken.Start + 2, nameToken.End - nameToken.Start - 2);
            // Plain names (the usual case) are compared in place; quoted or continued ones are unquoted first.
            var name = raw.IndexOfAny('"', '\'', '\n') < 0 && raw.IndexOf('\\') < 0 && raw.IndexOf(_escape) < 0
                ? KnownFlagName(raw, allowed) ?? raw.ToString()
                : TokenValues.UnquoteFlagWord(LogicalText.Join(T.Slice(nameToken.Start, nameToken.End - nameToken.Start).ToString(), _escape))[2..];
            if (Array.IndexOf(allowed, name) < 0)
            {
                _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidFlag, nameToken.Start, end, [$"unknown flag: {name}"]));
                continue;
            }
            var isBoolean = Array.IndexOf(s_booleanFlags, name) >= 0;
            if (isBoolean && valueIndex >= 0)
            {
                var value = FlagValue(valueIndex);
                if (!value.Equals("true", StringComparison.OrdinalIgnoreCase) && !value.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidFlag, nameToken.Start, end, [$"expecting boolean value for flag {name}, not: {value}"]));
                }
            }
            else if (!isBoolean && equalsIndex < 0)
            {
                _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidFlag, nameToken.Start, end, [$"missing a value on flag: {name}"]));
            }
            if (Array.IndexOf(s_repeatableFlags, name) < 0)
            {
                seen ??= [];
                if (seen.Contains(name)) _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidFlag, nameToken.Start, end, [$"duplicate flag specified: {name}"]));
                else seen.Add(name);
            }
        }
    }

    private static string? KnownFlagName(ReadOnlySpan<char> name, string[] allowed)
    {
        foreach (var candidate in allowed)
        {
            if (name.SequenceEqual(candidate)) return candidate;
        }
        return null;
    }

    private string FlagValue(int index)
    {
        var token = _tokens[index];
        return TokenValues.UnquoteFlagWord(LogicalText.Join(T.Slice(token.Start, token.End - token.Start).ToString(), _escape));
    }

    private static readonly Grammars.ShellWordProcessor s_rawWords = new('\\') { RawQuotes = true, RawEscapes = true, SkipUnsetEnv = true };
    private static readonly Grammars.ShellWordProcessor s_markerWords = new('\\') { SkipUnsetEnv = true };
    private static readonly Grammars.ShellWordProcessor s_rawMarkerWords = new('\\') { SkipUnsetEnv = true, RawQuotes = true };
    private static readonly Func<string, string?> s_noVariables = _ => null;

    /// <summary>
    /// Finds heredoc markers as BuildKit does: the whole logical line is split into raw shell words (always
    /// with a backslash escape; a lexing error means no heredocs at all), and each word of the form
    /// <c>[n]&lt;&lt;[-]name</c> opens a body that is read from the lines after the instruction.
    /// </summary>
    private int ReadHeredocs(Shape shape, int position)
    {
        var line = _line.Span;
        if (line.IndexOf("<<", StringComparison.Ordinal) < 0) return position;
        if (line.IndexOfAny("'\"\\$") < 0) return ReadPlainHeredocs(shape, position);
        var lineText = line.ToString();
        var words = s_rawWords.ProcessWords(lineText, s_noVariables).Words;
        var searchFrom = 0;
        foreach (var word in words)
        {
            var at = lineText.IndexOf(word, searchFrom, StringComparison.Ordinal);
            var (markerStart, markerEnd) = at >= 0 ? (at, at + word.Length) : (0, lineText.Length);
            if (at >= 0) searchFrom = at + word.Length;
            if (TryParseHeredocMarker(word, out var name, out var chomp, out var expand, out var fileDescriptor))
            {
                position = ReadHeredocBody(shape, position, name, chomp, expand, fileDescriptor, markerStart, markerEnd);
            }
        }
        return position;
    }

    /// <summary>
    /// The common case without quotes, backslashes or variables: the shell lexer would only split on
    /// whitespace and every marker's name is its text, so no word list needs building.
    /// </summary>
    private int ReadPlainHeredocs(Shape shape, int position)
    {
        var line = _line.Span;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            var wordStart = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            if (!MatchHeredocMarker(line[wordStart..i], out var rest, out var chomp, out var fileDescriptor)) continue;
            position = ReadHeredocBody(shape, position, rest.ToString(), chomp, expand: true, fileDescriptor, wordStart, i);
        }
        return position;
    }

    /// <summary>
    /// BuildKit's <c>^(\d*)&lt;&lt;(-?)([^&lt;]*)$</c> with a non-empty rest; a file descriptor too large for
    /// a ulong saturates, as Go's ParseUint does.
    /// </summary>
    private static bool MatchHeredocMarker(ReadOnlySpan<char> word, out ReadOnlySpan<char> rest, out bool chomp, out ulong fileDescriptor)
    {
        rest = default;
        chomp = false;
        fileDescriptor = 0;
        var i = 0;
        while (i < word.Length && char.IsAsciiDigit(word[i])) i++;
        var digits = word[..i];
        if (word.Length - i < 2 || word[i] != '<' || word[i + 1] != '<') return false;
        i += 2;
        if (i < word.Length && word[i] == '-')
        {
            chomp = true;
            i++;
        }
        rest = word[i..];
        if (rest.IsEmpty || rest.IndexOf('<') >= 0) return false;
        if (!digits.IsEmpty && !ulong.TryParse(digits, out fileDescriptor)) fileDescriptor = ulong.MaxValue;
        return true;
    }

    /// <summary>A heredoc marker whose rest is one shell word; quoting any of it turns expansion off.</summary>
    private static bool TryParseHeredocMarker(string word, out string name, out bool chomp, out bool expand, out ulong fileDescriptor)
    {
        name = "";
        expand = true;
        if (!MatchHeredocMarker(word, out var restSpan, out chomp, out fileDescriptor)) return false;
        var rest = restSpan.ToString();
        var processed = s_markerWords.ProcessWords(rest, s_noVariables);
        if (!processed.Success || processed.Words.Length != 1) return false;
        var raw = s_rawMarkerWords.ProcessWords(rest, s_noVariables);
        if (!raw.Success || raw.Words.Length != 1) return false;
        name = processed.Words[0];
        expand = CountQuotes(name) == CountQuotes(raw.Words[0]);
        return true;
    }

    private static int CountQuotes(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is '\'' or '"') count++;
        }
        return count;
    }

    private int ReadHeredocBody(Shape shape, int position, string name, bool chomp, bool expand, ulong fileDescriptor, int markerStart, int markerEnd)
    {
        var bodyStart = position;
        while (position < _length)
        {
            var next = NextLine(position, out var contentEnd);
            var candidate = position;
            if (chomp)
            {
                while (candidate < contentEnd && T[candidate] == '\t') candidate++;
            }
            if (T.Slice(candidate, contentEnd - candidate).SequenceEqual(name))
            {
                _tokens.Add(new RawToken(SyntaxKind.HeredocBodyToken, bodyStart, position, false));
                _tokens.Add(new RawToken(SyntaxKind.HeredocTerminatorToken, candidate, contentEnd, false));
                shape.Heredocs.Add((_tokens.Count - 2, _tokens.Count - 1, name, chomp, expand, fileDescriptor));
                return next;
            }
            position = next;
        }
        _tokens.Add(new RawToken(SyntaxKind.HeredocBodyToken, bodyStart, _length, false));
        _tokens.Add(new RawToken(SyntaxKind.HeredocTerminatorToken, _length, _length, true));
        shape.Heredocs.Add((_tokens.Count - 2, _tokens.Count - 1, name, chomp, expand, fileDescriptor));
        AddLogicalDiagnostic(SyntaxDiagnostics.UnterminatedHeredoc, markerStart, markerEnd, name);
        return _length;
    }

    /// <summary>Turns the raw tokens into green tokens, giving each gap's trivia to the tokens around it.</summary>
    private GreenToken[] Materialize(int fullStart, int end)
    {
        var count = _tokens.Count;
        // A reused buffer: node and list arrays copy what they keep from it.
        if (_greens.Length < count) _greens = new GreenToken[Math.Max(Math.Max(count, 16), _greens.Length * 2)];
        var greens = _greens;
        GreenNode? leading;
        _trivia.Scan(fullStart, _tokens[0].Start);
        leading = _trivia.Build(0, _trivia.Count);
        for (var i = 0; i < count; i++)
        {
            var token = _tokens[i];
            var nextStart = i + 1 < count ? _tokens[i + 1].Start : end;
            _trivia.Scan(token.End, nextStart);
            var split = i + 1 < count ? _trivia.TrailingCount() : _trivia.Count;
            var trailing = _trivia.Build(0, split);
            greens[i] = new GreenToken(token.Kind, token.End - token.Start, leading, trailing, token.IsMissing);
            leading = _trivia.Build(split, _trivia.Count);
        }
        return greens;
    }

    /// <summary>This instruction's diagnostics, relative to its full start, as the green node stores them.</summary>
    private ImmutableArray<GreenDiagnostic> InstructionDiagnostics(int fullStart)
    {
        if (_diagnostics.Count == 0) return default;
        var diagnostics = ImmutableArray.CreateBuilder<GreenDiagnostic>(_diagnostics.Count);
        foreach (var pending in _diagnostics)
        {
            diagnostics.Add(new GreenDiagnostic(pending.Descriptor, pending.Start - fullStart, pending.End - pending.Start, pending.Arguments));
        }
        return diagnostics.MoveToImmutable();
    }

    private static GreenNode BuildShape(Shape shape, GreenToken[] tokens, ImmutableArray<GreenDiagnostic> diagnostics)
    {
        GreenToken? Token(int index) => index >= 0 ? tokens[index] : null;

        var keyword = tokens[shape.KeywordToken];
        GreenNode? flags = null;
        if (shape.Flags.Count > 0)
        {
            var items = new GreenNode[shape.Flags.Count];
            for (var i = 0; i < items.Length; i++)
            {
                var (name, equals, value) = shape.Flags[i];
                items[i] = new GreenSyntaxNode(SyntaxKind.Flag, [tokens[name], Token(equals), Token(value)]);
            }
            flags = new GreenSyntaxNode(SyntaxKind.List, items);
        }
        var kind = SyntaxKindFacts.GetInstructionKind(shape.Keyword);
        GreenNode? heredocs = shape.Heredocs.Count == 0 ? null : BuildHeredocs(shape, tokens);
        GreenNode?[] slots = kind switch
        {
            SyntaxKind.FromInstruction =>
                [keyword, flags, Token(shape.First), Token(shape.Second), Token(shape.Third), TokenList(tokens, shape.UnexpectedStart, shape.UnexpectedEnd)],
            SyntaxKind.RunInstruction => [keyword, flags, Command(shape, tokens), heredocs],
            SyntaxKind.CopyInstruction or SyntaxKind.AddInstruction => [keyword, flags, Paths(shape, tokens), heredocs],
            SyntaxKind.VolumeInstruction => [keyword, flags, Paths(shape, tokens)],
            SyntaxKind.EnvInstruction or SyntaxKind.LabelInstruction => [keyword, flags, Pairs(shape, tokens, SyntaxKind.KeyValuePair)],
            SyntaxKind.ArgInstruction => [keyword, flags, Pairs(shape, tokens, SyntaxKind.ArgDeclaration)],
            SyntaxKind.ExposeInstruction => [keyword, flags, TokenList(tokens, shape.ArgumentsStart, shape.ArgumentsEnd)],
            SyntaxKind.WorkdirInstruction or SyntaxKind.StopsignalInstruction or SyntaxKind.MaintainerInstruction => [keyword, flags, Token(shape.First)],
            SyntaxKind.UserInstruction => [keyword, flags, Token(shape.First), Token(shape.Second), Token(shape.Third)],
            SyntaxKind.HealthcheckInstruction => [keyword, flags, Token(shape.First), Command(shape, tokens)],
            SyntaxKind.OnbuildInstruction =>
                [keyword, flags, shape.Trigger is not null ? BuildShape(shape.Trigger, tokens, default) : Command(shape, tokens)],
            // CMD, ENTRYPOINT, SHELL and unknown instructions: a command or free text after the flags.
            _ => [keyword, flags, Command(shape, tokens)],
        };
        return new GreenSyntaxNode(kind, slots, diagnostics);
    }

    private static GreenNode? TokenList(GreenToken[] tokens, int start, int end)
    {
        if (end <= start) return null;
        return new GreenSyntaxNode(SyntaxKind.List, tokens[start..end]);
    }

    private static GreenNode? Command(Shape shape, GreenToken[] tokens) => shape.Form switch
    {
        ArgumentForm.Json => JsonArray(shape, tokens),
        ArgumentForm.Text => new GreenSyntaxNode(SyntaxKind.ShellForm, [TokenList(tokens, shape.ArgumentsStart, shape.ArgumentsEnd)]),
        _ => null,
    };

    private static GreenNode? Paths(Shape shape, GreenToken[] tokens) => shape.Form == ArgumentForm.Json
        ? JsonArray(shape, tokens)
        : TokenList(tokens, shape.ArgumentsStart, shape.ArgumentsEnd);

    private static GreenNode JsonArray(Shape shape, GreenToken[] tokens) => new GreenSyntaxNode(SyntaxKind.JsonArray,
        [tokens[shape.ArgumentsStart], TokenList(tokens, shape.ArgumentsStart + 1, shape.ArgumentsEnd - 1), tokens[shape.ArgumentsEnd - 1]]);

    private static GreenNode? Pairs(Shape shape, GreenToken[] tokens, SyntaxKind kind)
    {
        if (shape.Pairs.Count == 0) return null;
        var items = new GreenNode[shape.Pairs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var (key, equals, value) = shape.Pairs[i];
            items[i] = new GreenSyntaxNode(kind, [tokens[key], equals >= 0 ? tokens[equals] : null, value >= 0 ? tokens[value] : null]);
        }
        return new GreenSyntaxNode(SyntaxKind.List, items);
    }

    private static GreenNode BuildHeredocs(Shape shape, GreenToken[] tokens)
    {
        var items = new GreenNode[shape.Heredocs.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var (body, terminator, name, chomp, expand, fileDescriptor) = shape.Heredocs[i];
            items[i] = new GreenHeredoc([tokens[body], tokens[terminator]], name, chomp, expand, fileDescriptor);
        }
        return new GreenSyntaxNode(SyntaxKind.List, items);
    }
}

namespace Dflint.Semantics.Shell;

internal sealed partial class ShellParser
{
    [Flags]
    private enum WordFlags : byte
    {
        None = 0,
        Quoted = 1,
        Expansion = 2,
    }

    private char At(int index) => index < _end ? _text[index] : '\0';

    private bool IsLineBreakAt(int index) => At(index) == '\n' || (At(index) == '\r' && At(index + 1) == '\n');

    /// <summary>The length of a backslash-newline line continuation at <paramref name="index"/>, or 0.</summary>
    private int ContinuationLength(int index)
    {
        if (At(index) != '\\') return 0;
        if (At(index + 1) == '\n') return 2;
        return At(index + 1) == '\r' && At(index + 2) == '\n' ? 3 : 0;
    }

    /// <summary>Skips blanks, line continuations and a comment (a <c>#</c> where a word could start).</summary>
    private void SkipBlanks()
    {
        while (_position < _end)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' || (c == '\r' && At(_position + 1) == '\n'))
            {
                _position++;
            }
            else if (ContinuationLength(_position) is > 0 and var length)
            {
                _position += length;
            }
            else if (c == '#')
            {
                var newline = _text.IndexOf('\n', _position, _end - _position);
                _position = newline < 0 ? _end : newline;
            }
            else
            {
                break;
            }
        }
    }

    private Token Next(LexMode mode)
    {
        SkipBlanks();
        if (_position >= _end) return new Token(TokenKind.End, _end, _end);
        var start = _position;
        var c = _text[start];
        var next = At(start + 1);
        if (mode == LexMode.Test && c is '<' or '>' or '(' or ')' or '&' or '|') return ReadWord(mode, mapTo: null);
        switch (c)
        {
            case '\n':
                _position++;
                if (_pendingHeredocs.Count > 0) ReadHeredocBodies();
                return new Token(TokenKind.Newline, start, start + 1);
            case ';':
                if (next == ';') return Operator(TokenKind.CaseBreak, start, At(start + 2) == '&' ? 3 : 2);
                return next == '&' ? Operator(TokenKind.CaseBreak, start, 2) : Operator(TokenKind.Semicolon, start, 1);
            case '&':
                if (next == '&') return Operator(TokenKind.And, start, 2);
                return next == '>' ? ReadRedirect(start, null) : Operator(TokenKind.Background, start, 1);
            case '|':
                if (next == '|') return Operator(TokenKind.Or, start, 2);
                return Operator(TokenKind.Pipe, start, next == '&' ? 2 : 1);
            case '(':
                if (mode == LexMode.CommandStart && next == '(') return ReadArithmeticCommand(start);
                return Operator(TokenKind.OpenParen, start, 1);
            case ')':
                return Operator(TokenKind.CloseParen, start, 1);
            case '<' or '>':
                return next == '(' ? ReadWord(mode, mapTo: null) : ReadRedirect(start, null);
        }
        if (char.IsAsciiDigit(c))
        {
            var digitsEnd = start;
            while (char.IsAsciiDigit(At(digitsEnd))) digitsEnd++;
            if (At(digitsEnd) is '<' or '>' && At(digitsEnd + 1) != '(')
            {
                var fileDescriptor = int.TryParse(_text.AsSpan(start, digitsEnd - start), out var number) ? number : int.MaxValue;
                _position = digitsEnd;
                return ReadRedirect(start, fileDescriptor);
            }
        }
        return ReadWord(mode, mapTo: null);
    }

    private Token Operator(TokenKind kind, int start, int length)
    {
        _position = start + length;
        return new Token(kind, start, start + length);
    }

    /// <summary>A redirection operator at <see cref="_position"/>; <paramref name="start"/> is where its file descriptor starts.</summary>
    private Token ReadRedirect(int start, int? fileDescriptor)
    {
        var at = _position;
        var c = _text[at];
        var next = At(at + 1);
        string op = c switch
        {
            '<' => next switch
            {
                '<' => At(at + 2) switch
                {
                    '<' => "<<<",
                    '-' => "<<-",
                    _ => "<<",
                },
                '&' => "<&",
                '>' => "<>",
                _ => "<",
            },
            '>' => next switch
            {
                '>' => ">>",
                '&' => ">&",
                '|' => ">|",
                _ => ">",
            },
            _ => At(at + 2) == '>' ? "&>>" : "&>",
        };
        _position = at + op.Length;
        return new Token(TokenKind.Redirect, start, _position, Operator: op, FileDescriptor: fileDescriptor);
    }

    /// <summary><c>(( expression ))</c> where a command could start: skipped whole.</summary>
    private Token ReadArithmeticCommand(int start)
    {
        var end = SkipBalancedParentheses(start);
        if (end < 0)
        {
            AddError("unterminated '((': no '))' closes it", start, start + 2);
            end = _end;
        }
        _position = end;
        return new Token(TokenKind.ArithmeticCommand, start, end);
    }

    private bool IsWordBreak(char c, LexMode mode) => c switch
    {
        ' ' or '\t' or '\n' or ';' => true,
        '&' or '|' or '<' or '>' or '(' or ')' => mode != LexMode.Test,
        '\r' => At(_position + 1) == '\n',
        _ => false,
    };

    /// <summary>
    /// Reads one word: quotes, escapes and expansions, building its value (quotes and backslashes removed,
    /// expansions as written) with the logical span of every value character, which
    /// <paramref name="mapTo"/> receives as file spans when given.
    /// </summary>
    private Token ReadWord(LexMode mode, MappedText.Builder? mapTo)
    {
        var start = _position;
        var valueBase = _value.Length;
        var flags = WordFlags.None;
        var equalsOffset = 0;
        var valueOffset = 0;
        var flagsAfterEquals = WordFlags.None;
        // True while the word so far could be the NAME of a NAME=value assignment.
        var nameSoFar = true;
        if (At(start) is '<' or '>' && At(start + 1) == '(')
        {
            ReadSubstitution(start, 2);
            flags |= WordFlags.Expansion;
            nameSoFar = false;
        }
        while (_position < _end)
        {
            var position = _position;
            var c = _text[position];
            if (IsWordBreak(c, mode)) break;
            var partFlags = WordFlags.None;
            switch (c)
            {
                case '\\':
                    if (ContinuationLength(position) is > 0 and var length)
                    {
                        _position += length;
                        continue;
                    }
                    if (position + 1 >= _end)
                    {
                        _value.Append(c, position, position + 1);
                        _position++;
                    }
                    else
                    {
                        _value.Append(_text[position + 1], position, position + 2);
                        _position += 2;
                        partFlags = WordFlags.Quoted;
                    }
                    break;
                case '\'':
                    ReadSingleQuoted();
                    partFlags = WordFlags.Quoted;
                    break;
                case '"':
                    partFlags = ReadDoubleQuoted();
                    break;
                case '$':
                    partFlags = ReadDollar(inDoubleQuotes: false);
                    break;
                case '`':
                    partFlags = ReadBackticks();
                    break;
                case '=' when nameSoFar && equalsOffset == 0 && position > start:
                    _value.Append(c, position, position + 1);
                    _position++;
                    equalsOffset = position - start;
                    valueOffset = _value.Length - valueBase;
                    nameSoFar = false;
                    if (At(_position) == '(') partFlags = ReadArrayValue();
                    break;
                default:
                    _value.Append(c, position, position + 1);
                    _position++;
                    if (nameSoFar && !ShellNames.IsNameCharacter(c, first: position == start) && !(c == '+' && At(position + 1) == '=' && position > start)) nameSoFar = false;
                    break;
            }
            if (partFlags != WordFlags.None)
            {
                flags |= partFlags;
                nameSoFar = false;
                if (equalsOffset > 0) flagsAfterEquals |= partFlags;
            }
        }
        var text = _text[start.._position];
        var value = _value.Matches(valueBase, text) ? text : _value.ToString(valueBase);
        if (mapTo is not null) _value.MapTo(mapTo, valueBase, _mapped);
        _value.Truncate(valueBase);
        var word = new ShellWord(_mapped, start, text, value, (flags & WordFlags.Expansion) != 0, (flags & WordFlags.Quoted) != 0);
        var assignment = equalsOffset > 0
            ? new AssignmentShape(equalsOffset, valueOffset, (flagsAfterEquals & WordFlags.Expansion) != 0, (flagsAfterEquals & WordFlags.Quoted) != 0)
            : default;
        return new Token(TokenKind.Word, start, _position, word, Assignment: assignment);
    }

    private void ReadSingleQuoted()
    {
        var open = _position;
        var close = _text.IndexOf('\'', open + 1, _end - open - 1);
        if (close < 0)
        {
            AddError("unterminated single quote", open, open + 1);
            close = _end;
        }
        _value.AppendRaw(_text, open + 1, close);
        _position = Math.Min(close + 1, _end);
    }

    private WordFlags ReadDoubleQuoted()
    {
        var open = _position;
        var flags = WordFlags.Quoted;
        _position++;
        while (true)
        {
            if (_position >= _end)
            {
                AddError("unterminated double quote", open, open + 1);
                return flags;
            }
            var position = _position;
            var c = _text[position];
            switch (c)
            {
                case '"':
                    _position++;
                    return flags;
                case '\\':
                    if (ContinuationLength(position) is > 0 and var length)
                    {
                        _position += length;
                    }
                    else if (At(position + 1) is '$' or '`' or '"' or '\\')
                    {
                        _value.Append(_text[position + 1], position, position + 2);
                        _position += 2;
                    }
                    else
                    {
                        _value.Append(c, position, position + 1);
                        _position++;
                    }
                    break;
                case '$':
                    flags |= ReadDollar(inDoubleQuotes: true);
                    break;
                case '`':
                    flags |= ReadBackticks();
                    break;
                default:
                    _value.Append(c, position, position + 1);
                    _position++;
                    break;
            }
        }
    }

    /// <summary>A <c>$</c>: a parameter, <c>${...}</c>, <c>$(...)</c>, <c>$((...))</c>, <c>$'...'</c>, <c>$"..."</c>, or a plain dollar sign.</summary>
    private WordFlags ReadDollar(bool inDoubleQuotes)
    {
        var start = _position;
        var next = At(start + 1);
        switch (next)
        {
            case '\'' when !inDoubleQuotes:
                ReadAnsiCQuoted();
                return WordFlags.Quoted;
            case '"' when !inDoubleQuotes:
                _position++;
                return ReadDoubleQuoted();
            case '{':
                {
                    var end = SkipParameterExpansion(start);
                    if (end < 0)
                    {
                        AddError("unterminated '${': no '}' closes it", start, start + 2);
                        end = _end;
                    }
                    CopyExpansion(start, end);
                    return WordFlags.Expansion;
                }
            case '(':
                if (At(start + 2) == '(')
                {
                    var end = SkipBalancedParentheses(start + 1);
                    if (end < 0)
                    {
                        AddError("unterminated '$((': no '))' closes it", start, start + 3);
                        end = _end;
                    }
                    CopyExpansion(start, end);
                }
                else
                {
                    ReadSubstitution(start, 2);
                }
                return WordFlags.Expansion;
        }
        if (next == '_' || char.IsAsciiLetter(next))
        {
            var end = start + 2;
            while (At(end) == '_' || char.IsAsciiLetterOrDigit(At(end))) end++;
            CopyExpansion(start, end);
            return WordFlags.Expansion;
        }
        if (char.IsAsciiDigit(next) || next is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            CopyExpansion(start, start + 2);
            return WordFlags.Expansion;
        }
        _value.Append('$', start, start + 1);
        _position++;
        return WordFlags.None;
    }

    private void CopyExpansion(int start, int end)
    {
        _value.AppendRaw(_text, start, end);
        _position = end;
    }

    /// <summary>
    /// <c>$(...)</c> or <c>&lt;(...)</c> starting at <paramref name="start"/>: the commands inside are read (they
    /// are commands of this script); the word keeps the text as written.
    /// </summary>
    private void ReadSubstitution(int start, int openLength)
    {
        if (_nesting >= MaxNesting)
        {
            var end = SkipBalancedParentheses(start + openLength - 1);
            if (end < 0)
            {
                AddError("unterminated command substitution: no ')' closes it", start, start + openLength);
                end = _end;
            }
            CopyExpansion(start, end);
            return;
        }
        _position = start + openLength;
        _nesting++;
        var closed = ParseList(endsAtCloseParen: true, inSubstitution: true);
        _nesting--;
        if (!closed) AddError("unterminated command substitution: no ')' closes it", start, start + openLength);
        CopyExpansion(start, _position);
    }

    /// <summary>
    /// Backticks: the commands inside are read when the text has no backslash (a backslash inside backticks
    /// is an escape for the outer level, which this reader does not undo); the word keeps the text as written.
    /// </summary>
    private WordFlags ReadBackticks()
    {
        var open = _position;
        var close = open + 1;
        var hasBackslash = false;
        while (close < _end && _text[close] != '`')
        {
            if (_text[close] == '\\')
            {
                hasBackslash = true;
                close++;
            }
            close++;
        }
        if (close >= _end)
        {
            AddError("unterminated backtick: no '`' closes it", open, open + 1);
            CopyExpansion(open, _end);
            return WordFlags.Expansion;
        }
        if (!hasBackslash && _nesting < MaxNesting)
        {
            var outerEnd = _end;
            _end = close;
            _position = open + 1;
            _nesting++;
            ParseList(endsAtCloseParen: false, inSubstitution: true);
            _nesting--;
            _end = outerEnd;
        }
        CopyExpansion(open, close + 1);
        return WordFlags.Expansion;
    }

    /// <summary>bash's <c>$'...'</c>: the common backslash escapes are decoded, others kept as written.</summary>
    private void ReadAnsiCQuoted()
    {
        var open = _position;
        _position += 2;
        while (true)
        {
            if (_position >= _end)
            {
                AddError("unterminated single quote", open, open + 2);
                return;
            }
            var position = _position;
            var c = _text[position];
            if (c == '\'')
            {
                _position++;
                return;
            }
            if (c == '\\' && position + 1 < _end)
            {
                char? decoded = _text[position + 1] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\a',
                    'b' => '\b',
                    'e' or 'E' => '\u001b',
                    'f' => '\f',
                    'v' => '\v',
                    '\\' => '\\',
                    '\'' => '\'',
                    '"' => '"',
                    '?' => '?',
                    _ => null,
                };
                if (decoded is { } value)
                {
                    _value.Append(value, position, position + 2);
                    _position += 2;
                    continue;
                }
            }
            _value.Append(c, position, position + 1);
            _position++;
        }
    }

    /// <summary>bash's array assignment value <c>NAME=(a b c)</c>, kept as written.</summary>
    private WordFlags ReadArrayValue()
    {
        var start = _position;
        var end = SkipBalancedParentheses(start);
        if (end < 0)
        {
            AddError("unterminated array value: no ')' closes it", start, start + 1);
            end = _end;
        }
        CopyExpansion(start, end);
        var value = _text.AsSpan(start, end - start);
        var flags = value.IndexOfAny('$', '`') >= 0 ? WordFlags.Expansion : WordFlags.None;
        return value.IndexOfAny("'\"\\") >= 0 ? flags | WordFlags.Quoted : flags;
    }

    /// <summary>
    /// The end of the parentheses opened at <paramref name="open"/>, skipping quoted text; -1 when they are
    /// not closed. Iterative, for text that is not read as commands.
    /// </summary>
    private int SkipBalancedParentheses(int open) => SkipBalanced(open, '(', ')');

    /// <summary>The end of <c>${...}</c> starting at the <c>$</c>; -1 when it is not closed.</summary>
    private int SkipParameterExpansion(int dollar) => SkipBalanced(dollar + 1, '{', '}');

    /// <summary>
    /// The position after the <paramref name="close"/> that balances the <paramref name="opening"/> at or after
    /// <paramref name="start"/>, stepping over backslash escapes and quoted text; -1 when it is not closed.
    /// </summary>
    private int SkipBalanced(int start, char opening, char close)
    {
        var depth = 0;
        var position = start;
        while (position < _end)
        {
            var c = _text[position];
            if (c == opening)
            {
                depth++;
            }
            else if (c == close)
            {
                if (--depth == 0) return position + 1;
            }
            else if (c == '\\')
            {
                position++;
            }
            else if (c is '\'' or '"' or '`')
            {
                position = SkipQuoted(position);
                if (position < 0) return -1;
                continue;
            }
            position++;
        }
        return -1;
    }

    /// <summary>The position after the quoted text opened at <paramref name="open"/>; -1 when it is not closed.</summary>
    private int SkipQuoted(int open)
    {
        var quote = _text[open];
        var position = open + 1;
        while (position < _end)
        {
            var c = _text[position];
            if (c == quote) return position + 1;
            if (c == '\\' && quote != '\'') position++;
            position++;
        }
        return -1;
    }

    /// <summary>After a line break: the bodies of the heredocs opened on the line, up to their terminator lines.</summary>
    private void ReadHeredocBodies()
    {
        foreach (var heredoc in _pendingHeredocs)
        {
            var bodyStart = _position;
            var bodyEnd = -1;
            while (_position < _end)
            {
                var newline = _text.IndexOf('\n', _position, _end - _position);
                var lineEnd = newline < 0 ? _end : newline;
                var contentEnd = lineEnd;
                while (contentEnd > _position && _text[contentEnd - 1] == '\r') contentEnd--;
                var candidate = _position;
                if (heredoc.StripsTabs)
                {
                    while (candidate < contentEnd && _text[candidate] == '\t') candidate++;
                }
                var lineStart = _position;
                _position = newline < 0 ? _end : newline + 1;
                if (_text.AsSpan(candidate, contentEnd - candidate).SequenceEqual(heredoc.Delimiter))
                {
                    bodyEnd = lineStart;
                    break;
                }
            }
            if (bodyEnd < 0)
            {
                AddError($"unterminated heredoc: no line '{heredoc.Delimiter}' closes it", heredoc.MarkerStart, heredoc.MarkerEnd);
                bodyEnd = _end;
            }
            heredoc.Redirection.HeredocBodySpan = _mapped.ToFileSpan(bodyStart, bodyEnd - bodyStart);
        }
        _pendingHeredocs.Clear();
    }

    /// <summary>
    /// The value of the word being read, one character at a time, with the logical span each character
    /// was written with. A stack: a word inside <c>$(...)</c> appends after the outer word and truncates back.
    /// </summary>
    private sealed class ValueBuffer
    {
        private char[] _chars = new char[64];
        private int[] _starts = new int[64];
        private int[] _ends = new int[64];

        public int Length { get; private set; }

        public void Append(char c, int start, int end)
        {
            if (Length == _chars.Length) Grow(Length + 1);
            _chars[Length] = c;
            _starts[Length] = start;
            _ends[Length] = end;
            Length++;
        }

        /// <summary>Characters copied as they are, each standing for itself.</summary>
        public void AppendRaw(string text, int start, int end)
        {
            var count = end - start;
            if (count <= 0) return;
            if (Length + count > _chars.Length) Grow(Length + count);
            text.CopyTo(start, _chars, Length, count);
            for (var i = 0; i < count; i++)
            {
                _starts[Length + i] = start + i;
                _ends[Length + i] = start + i + 1;
            }
            Length += count;
        }

        public bool Matches(int from, string text) => _chars.AsSpan(from, Length - from).SequenceEqual(text);

        public string ToString(int from) => new(_chars, from, Length - from);

        public void Truncate(int length) => Length = length;

        public void MapTo(MappedText.Builder builder, int from, MappedText source)
        {
            for (var i = from; i < Length; i++)
            {
                builder.Append(_chars[i], source.ToFileOffset(_starts[i]), source.ToFileEnd(_ends[i] - 1));
            }
        }

        private void Grow(int needed)
        {
            var size = Math.Max(needed, _chars.Length * 2);
            Array.Resize(ref _chars, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }
    }
}

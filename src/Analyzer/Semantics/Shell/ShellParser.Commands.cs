namespace Dflint.Semantics.Shell;

internal sealed partial class ShellParser
{
    private enum State : byte
    {
        /// <summary>Where a command, a keyword or an operator may come.</summary>
        CommandStart,

        /// <summary>Reading a simple command's words and redirections.</summary>
        InCommand,

        /// <summary>After <c>fi</c>, <c>done</c>, <c>}</c>, <c>)</c>...: redirections of the compound command, then an operator.</summary>
        AfterCompound,

        ForName,
        ForAfterName,
        ForWords,
        CaseWord,
        CaseIn,
        CasePattern,
        FunctionName,
    }

    /// <summary>The state of one list (the script, or the inside of one substitution).</summary>
    private sealed class ListState
    {
        public State State;
        public ShellOperator PendingOperator;

        /// <summary>True after a keyword that starts a list (<c>then</c>, <c>do</c>, <c>{</c>...) until its first command.</summary>
        public bool AtListStart = true;

        /// <summary>The pipeline being read was negated with <c>!</c>.</summary>
        public bool Negated;

        public readonly CommandBuilder Command = new();
    }

    private sealed class CommandBuilder
    {
        public bool IsActive;
        public bool InTest;
        public int Start;
        public int End;
        public ShellOperator OperatorBefore;
        public bool Negated;
        public readonly List<ShellAssignment> Assignments = [];
        public readonly List<ShellWord> Words = [];
        public readonly List<ShellRedirection> Redirections = [];

        public void Begin(int start, ShellOperator operatorBefore, bool negated)
        {
            IsActive = true;
            InTest = false;
            Start = start;
            End = start;
            OperatorBefore = operatorBefore;
            Negated = negated;
            Assignments.Clear();
            Words.Clear();
            Redirections.Clear();
        }
    }

    /// <summary>
    /// Reads commands up to the end of the text or, for <c>$(...)</c>, up to the <c>)</c> that closes it;
    /// returns true when that <c>)</c> was found.
    /// </summary>
    private bool ParseList(bool endsAtCloseParen, bool inSubstitution)
    {
        var contextBase = _contexts.Count;
        Span<int> outerOpenContexts = stackalloc int[ContextKindCount];
        _openContexts.CopyTo(outerOpenContexts);
        Array.Clear(_openContexts);
        var list = new ListState();
        var closed = false;
        Token token = default;
        var reprocess = false;
        while (!closed)
        {
            if (_pushedBack is { } pushedBack)
            {
                token = pushedBack;
                _pushedBack = null;
            }
            else if (!reprocess)
            {
                var mode = list.State is State.CommandStart or State.ForName or State.AfterCompound ? LexMode.CommandStart
                    : list.Command.IsActive && list.Command.InTest ? LexMode.Test : LexMode.Normal;
                token = Next(mode);
            }
            reprocess = false;
            if (token.Kind == TokenKind.End)
            {
                if (list.Command.IsActive) FinishCommand(list, ShellOperator.None, inSubstitution);
                break;
            }
            switch (list.State)
            {
                case State.CommandStart:
                case State.AfterCompound:
                    closed = OnCommandStartToken(list, token, endsAtCloseParen, inSubstitution);
                    break;
                case State.InCommand:
                    closed = OnCommandToken(list, token, endsAtCloseParen, inSubstitution);
                    break;
                case State.ForName:
                    list.State = State.ForAfterName;
                    reprocess = token.Kind is not (TokenKind.Word or TokenKind.ArithmeticCommand);
                    if (reprocess) list.State = State.CommandStart;
                    break;
                case State.ForAfterName:
                    if (token.Kind == TokenKind.Newline) break;
                    if (token.Kind == TokenKind.Word && token.Word!.Text == "in")
                    {
                        list.State = State.ForWords;
                        break;
                    }
                    StartList(list);
                    reprocess = token.Kind != TokenKind.Semicolon;
                    break;
                case State.ForWords:
                    if (token.Kind == TokenKind.Word) break;
                    StartList(list);
                    reprocess = token.Kind is not (TokenKind.Semicolon or TokenKind.Newline);
                    break;
                case State.CaseWord:
                    list.State = State.CaseIn;
                    reprocess = token.Kind != TokenKind.Word;
                    break;
                case State.CaseIn:
                    if (token.Kind == TokenKind.Newline) break;
                    list.State = State.CasePattern;
                    reprocess = !(token.Kind == TokenKind.Word && token.Word!.Text == "in");
                    break;
                case State.CasePattern:
                    OnCasePatternToken(list, token);
                    break;
                case State.FunctionName:
                    StartList(list);
                    if (token.Kind == TokenKind.Word) SkipEmptyParentheses();
                    else reprocess = true;
                    break;
            }
        }
        for (var i = _contexts.Count - 1; i >= contextBase; i--) ReportUnclosed(_contexts[i]);
        _contexts.RemoveRange(contextBase, _contexts.Count - contextBase);
        outerOpenContexts.CopyTo(_openContexts);
        return closed;
    }

    /// <summary>A token where a command may start. Returns true when it closes the substitution being read.</summary>
    private bool OnCommandStartToken(ListState list, Token token, bool endsAtCloseParen, bool inSubstitution)
    {
        switch (token.Kind)
        {
            case TokenKind.Word:
                OnCommandStartWord(list, token);
                return false;
            case TokenKind.Redirect:
                if (list.State == State.AfterCompound)
                {
                    ReadRedirectTarget(token);
                    return false;
                }
                BeginCommand(list, token.Start);
                AddRedirection(list.Command, token);
                list.State = State.InCommand;
                return false;
            case TokenKind.OpenParen:
                OpenContext(list, ContextKind.Subshell, token);
                return false;
            case TokenKind.CloseParen:
                return OnCloseParen(list, token, endsAtCloseParen);
            case TokenKind.ArithmeticCommand:
                EndCompound(list);
                return false;
            case TokenKind.CaseBreak:
                OnCaseBreak(list);
                return false;
            default:
                OnOperator(list, token.Kind);
                return false;
        }
    }

    private void OnCommandStartWord(ListState list, Token token)
    {
        var word = token.Word!;
        switch (word.Text)
        {
            case "!":
                list.Negated = true;
                return;
            case "{":
                OpenContext(list, ContextKind.Brace, token);
                return;
            case "}":
                CloseContext(list, ContextKind.Brace, token);
                return;
            case "if":
                OpenContext(list, ContextKind.If, token);
                return;
            case "then" or "else" or "elif" or "do":
                StartList(list);
                return;
            case "fi":
                CloseContext(list, ContextKind.If, token);
                return;
            case "while" or "until":
                OpenContext(list, ContextKind.Loop, token);
                return;
            case "done":
                CloseContext(list, ContextKind.Loop, token);
                return;
            case "for" or "select":
                OpenContext(list, ContextKind.Loop, token);
                list.State = State.ForName;
                return;
            case "case":
                OpenContext(list, ContextKind.Case, token);
                list.State = State.CaseWord;
                return;
            case "esac":
                CloseContext(list, ContextKind.Case, token);
                return;
            case "function":
                list.State = State.FunctionName;
                return;
            case "time":
                return;
        }
        if (IsFunctionName(word) && SkipEmptyParentheses())
        {
            StartList(list);
            return;
        }
        BeginCommand(list, token.Start);
        list.State = State.InCommand;
        AddWord(list, token);
        if (word.Text == "[[") list.Command.InTest = true;
    }

    /// <summary>A token inside a simple command. Returns true when it closes the substitution being read.</summary>
    private bool OnCommandToken(ListState list, Token token, bool endsAtCloseParen, bool inSubstitution)
    {
        var command = list.Command;
        switch (token.Kind)
        {
            case TokenKind.Word:
                AddWord(list, token);
                if (command.InTest && token.Word!.Text == "]]") command.InTest = false;
                return false;
            case TokenKind.Redirect:
                AddRedirection(command, token);
                return false;
            case TokenKind.CloseParen:
                FinishCommand(list, ShellOperator.None, inSubstitution);
                return OnCloseParen(list, token, endsAtCloseParen);
            case TokenKind.OpenParen:
                FinishCommand(list, ShellOperator.None, inSubstitution);
                AddError("unexpected '(' after a command word", token.Start, token.End);
                OpenContext(list, ContextKind.Subshell, token);
                return false;
            case TokenKind.CaseBreak:
                FinishCommand(list, ShellOperator.Semicolon, inSubstitution);
                OnCaseBreak(list);
                return false;
            default:
                FinishCommand(list, ToOperator(token.Kind), inSubstitution);
                OnOperator(list, token.Kind);
                return false;
        }
    }

    private void OnCasePatternToken(ListState list, Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Word when token.Word!.Text == "esac":
                CloseContext(list, ContextKind.Case, token);
                break;
            case TokenKind.CloseParen:
                StartList(list);
                break;
        }
    }

    private void OnCaseBreak(ListState list)
    {
        if (_contexts.Count > 0 && _contexts[^1].Kind == ContextKind.Case && _openContexts[(int)ContextKind.Case] > 0)
        {
            StartList(list);
            list.State = State.CasePattern;
        }
        else
        {
            OnOperator(list, TokenKind.Semicolon);
        }
    }

    private bool OnCloseParen(ListState list, Token token, bool endsAtCloseParen)
    {
        if (_openContexts[(int)ContextKind.Subshell] > 0)
        {
            CloseContext(list, ContextKind.Subshell, token);
            return false;
        }
        if (endsAtCloseParen) return true;
        AddError("unexpected ')'", token.Start, token.End);
        return false;
    }

    private static ShellOperator ToOperator(TokenKind kind) => kind switch
    {
        TokenKind.And => ShellOperator.And,
        TokenKind.Or => ShellOperator.Or,
        TokenKind.Semicolon or TokenKind.CaseBreak => ShellOperator.Semicolon,
        TokenKind.Pipe => ShellOperator.Pipe,
        TokenKind.Background => ShellOperator.Background,
        TokenKind.Newline => ShellOperator.Newline,
        _ => ShellOperator.None,
    };

    private static void OnOperator(ListState list, TokenKind kind)
    {
        list.State = State.CommandStart;
        if (kind == TokenKind.Newline)
        {
            // A line break after an operator (`a &&` newline `b`) only continues the line.
            if (list.PendingOperator == ShellOperator.None && !list.AtListStart) list.PendingOperator = ShellOperator.Newline;
            if (list.PendingOperator != ShellOperator.Pipe) list.Negated = false;
            return;
        }
        list.PendingOperator = ToOperator(kind);
        if (kind != TokenKind.Pipe) list.Negated = false;
    }

    /// <summary>A keyword that starts a new list: the next command has no operator before it.</summary>
    private static void StartList(ListState list)
    {
        list.State = State.CommandStart;
        list.PendingOperator = ShellOperator.None;
        list.AtListStart = true;
        list.Negated = false;
    }

    private static void EndCompound(ListState list)
    {
        list.State = State.AfterCompound;
        list.PendingOperator = ShellOperator.None;
        list.AtListStart = false;
        list.Negated = false;
    }

    private void OpenContext(ListState list, ContextKind kind, Token token)
    {
        _contexts.Add(new Context(kind, token.Start, token.End));
        _openContexts[(int)kind]++;
        StartList(list);
    }

    /// <summary>Closes the innermost open <paramref name="kind"/>, reporting the constructs left open inside it.</summary>
    private void CloseContext(ListState list, ContextKind kind, Token token)
    {
        if (_openContexts[(int)kind] == 0)
        {
            AddError($"unexpected '{_text[token.Start..token.End]}'", token.Start, token.End);
            EndCompound(list);
            return;
        }
        while (true)
        {
            var context = _contexts[^1];
            _contexts.RemoveAt(_contexts.Count - 1);
            _openContexts[(int)context.Kind]--;
            if (context.Kind == kind) break;
            ReportUnclosed(context);
        }
        EndCompound(list);
    }

    private void ReportUnclosed(Context context)
    {
        var opener = _text[context.Start..context.End];
        var closer = context.Kind switch
        {
            ContextKind.Subshell => ")",
            ContextKind.Brace => "}",
            ContextKind.If => "fi",
            ContextKind.Loop => "done",
            _ => "esac",
        };
        AddError($"'{opener}' is not closed: no '{closer}' follows", context.Start, context.End);
    }

    private void BeginCommand(ListState list, int start)
    {
        list.Command.Begin(start, list.AtListStart ? ShellOperator.None : list.PendingOperator, list.Negated);
        list.AtListStart = false;
        list.PendingOperator = ShellOperator.None;
    }

    private void AddWord(ListState list, Token token)
    {
        var command = list.Command;
        var word = token.Word!;
        command.End = token.End;
        if (command.Words.Count == 0 && token.Assignment.IsAssignment)
        {
            command.Assignments.Add(CreateAssignment(word, token.Assignment));
            return;
        }
        command.Words.Add(word);
    }

    private ShellAssignment CreateAssignment(ShellWord word, AssignmentShape shape)
    {
        var nameEnd = shape.EqualsOffset;
        var isAppend = word.Text[nameEnd - 1] == '+';
        var name = word.Text[..(isAppend ? nameEnd - 1 : nameEnd)];
        var valueStart = word.LogicalStart + shape.EqualsOffset + 1;
        var value = new ShellWord(_mapped, valueStart, word.Text[(shape.EqualsOffset + 1)..], word.Value[shape.ValueOffset..], shape.ValueHasExpansion, shape.ValueIsQuoted);
        return new ShellAssignment(word, name, value, isAppend);
    }

    private void AddRedirection(CommandBuilder command, Token token)
    {
        var (redirection, end) = ReadRedirectTarget(token);
        command.Redirections.Add(redirection);
        command.End = end;
    }

    /// <summary>
    /// Reads the word after a redirection operator (a heredoc's body is read after the next line break);
    /// returns the redirection and where it ends.
    /// </summary>
    private (ShellRedirection Redirection, int End) ReadRedirectTarget(Token token)
    {
        var target = Next(LexMode.Normal);
        if (target.Kind != TokenKind.Word)
        {
            AddError($"'{token.Operator}' needs a target", token.Start, token.End);
            // The token after a dangling operator is handled as whatever it is.
            _pushedBack = target;
            return (new ShellRedirection(token.Operator!, token.FileDescriptor, null, _mapped.ToFileSpan(token.Start, token.End - token.Start)), token.End);
        }
        var redirection = new ShellRedirection(token.Operator!, token.FileDescriptor, target.Word, _mapped.ToFileSpan(token.Start, target.End - token.Start));
        if (redirection.IsHeredoc)
        {
            _pendingHeredocs.Add(new PendingHeredoc(redirection, target.Word!.Value, token.Operator == "<<-", token.Start, target.End));
        }
        return (redirection, target.End);
    }

    /// <summary>A word that can name a function in <c>name() { ...; }</c>: unquoted, no expansion, no <c>=</c>.</summary>
    private static bool IsFunctionName(ShellWord word) =>
        !word.IsQuoted && !word.HasExpansion && word.Text.AsSpan().IndexOfAny("=[]{}!") < 0;

    /// <summary>Consumes <c>()</c> (blanks allowed inside and before) when it comes next.</summary>
    private bool SkipEmptyParentheses()
    {
        var position = _position;
        while (At(position) is ' ' or '\t') position++;
        if (At(position) != '(') return false;
        position++;
        while (At(position) is ' ' or '\t') position++;
        if (At(position) != ')') return false;
        _position = position + 1;
        return true;
    }

    private void FinishCommand(ListState list, ShellOperator operatorAfter, bool inSubstitution)
    {
        var builder = list.Command;
        builder.IsActive = false;
        var command = new ShellCommand(
            _source,
            [.. builder.Assignments],
            [.. builder.Words],
            [.. builder.Redirections],
            _mapped.ToFileSpan(builder.Start, builder.End - builder.Start),
            builder.Start,
            builder.End,
            builder.OperatorBefore,
            operatorAfter,
            builder.Negated,
            inSubstitution);
        _commands.Add(command);
        list.State = State.CommandStart;
        if (_readsNestedShells) ReadNestedShellScript(command);
    }
}

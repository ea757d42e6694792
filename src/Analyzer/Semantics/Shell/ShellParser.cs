namespace Dflint.Semantics.Shell;

/// <summary>
/// A hand-written reader for the POSIX shell (with the bash forms Dockerfiles use) that keeps only what
/// rules need: simple commands with their words, assignments, redirections and the operators between them.
/// Compound commands are flattened: their keywords steer the reader but are not commands.
/// </summary>
/// <remarks>
/// One pass over the text. The only recursion is for <c>$(...)</c>, <c>&lt;(...)</c> and backticks, capped at
/// <see cref="MaxNesting"/>; deeper substitutions are skipped as opaque text by an iterative scanner.
/// </remarks>
internal sealed partial class ShellParser
{
    private const int MaxNesting = 64;

    private readonly ShellSource _source;
    private readonly MappedText _mapped;
    private readonly string _text;
    private readonly bool _readsNestedShells;
    private readonly List<ShellCommand> _commands;
    private readonly List<ShellSyntaxError> _errors;
    private readonly List<PendingHeredoc> _pendingHeredocs = [];
    private readonly List<Context> _contexts = [];
    private readonly int[] _openContexts = new int[ContextKindCount];
    private readonly ValueBuffer _value = new();
    private int _position;
    private int _end;
    private int _nesting;
    private int _silenced;

    /// <summary>A token read ahead (after a redirection operator that lacked its target) to handle next.</summary>
    private Token? _pushedBack;

    public ShellParser(ShellSource source, bool readsNestedShells, List<ShellCommand> commands, List<ShellSyntaxError> errors)
    {
        _source = source;
        _mapped = source.Text;
        _text = source.Text.Text;
        _end = _text.Length;
        _readsNestedShells = readsNestedShells;
        _commands = commands;
        _errors = errors;
    }

    public void ParseScript()
    {
        _position = 0;
        ParseList(endsAtCloseParen: false, inSubstitution: false);
        // A heredoc whose body never started belongs to a shell-form line: BuildKit reads its body from the
        // lines after the instruction, which are not part of this text.
        _pendingHeredocs.Clear();
    }

    private void AddError(string message, int logicalStart, int logicalEnd)
    {
        if (_silenced > 0) return;
        logicalStart = Math.Clamp(logicalStart, 0, _text.Length);
        logicalEnd = Math.Clamp(logicalEnd, logicalStart, _text.Length);
        _errors.Add(new ShellSyntaxError(message, _mapped.ToFileSpan(logicalStart, logicalEnd - logicalStart)));
    }

    private enum TokenKind : byte
    {
        End,
        Word,
        Newline,
        And,
        Or,
        Semicolon,
        CaseBreak,
        Pipe,
        Background,
        OpenParen,
        CloseParen,
        Redirect,
        ArithmeticCommand,
    }

    private enum LexMode : byte
    {
        Normal,

        /// <summary>Where a command may start: <c>((</c> opens an arithmetic command.</summary>
        CommandStart,

        /// <summary>Inside <c>[[ ... ]]</c>: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses are words.</summary>
        Test,
    }

    /// <summary>A token; for a word, <see cref="Assignment"/> says where its <c>NAME=</c> prefix ends, if it has one.</summary>
    private readonly record struct Token(TokenKind Kind, int Start, int End, ShellWord? Word = null, string? Operator = null, int? FileDescriptor = null, AssignmentShape Assignment = default);

    /// <summary>
    /// <paramref name="EqualsOffset"/> is the offset of <c>=</c> in the word's text (0 when the word is no
    /// assignment); the value starts at <paramref name="ValueOffset"/> in the word's value.
    /// </summary>
    private readonly record struct AssignmentShape(int EqualsOffset, int ValueOffset, bool ValueHasExpansion, bool ValueIsQuoted)
    {
        public bool IsAssignment => EqualsOffset > 0;
    }

    private readonly record struct PendingHeredoc(ShellRedirection Redirection, string Delimiter, bool StripsTabs, int MarkerStart, int MarkerEnd);

    private const int ContextKindCount = 5;

    private enum ContextKind : byte
    {
        Subshell,
        Brace,
        If,
        Loop,
        Case,
    }

    private readonly record struct Context(ContextKind Kind, int Start, int End);
}

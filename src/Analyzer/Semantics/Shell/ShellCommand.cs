namespace Dflint.Semantics.Shell;

/// <summary>
/// A simple command: assignments, words and redirections, such as <c>DEBIAN_FRONTEND=noninteractive
/// apt-get install -y curl &gt; /dev/null</c>. Control-flow keywords (<c>if</c>, <c>for</c>, <c>{</c>...) are not
/// commands; the commands inside them are.
/// </summary>
public sealed class ShellCommand
{
    private EffectiveCommand? _effective;

    internal ShellCommand(
        ShellSource source,
        ImmutableArray<ShellAssignment> assignments,
        ImmutableArray<ShellWord> words,
        ImmutableArray<ShellRedirection> redirections,
        TextSpan span,
        int logicalStart,
        int logicalEnd,
        ShellOperator operatorBefore,
        ShellOperator operatorAfter,
        bool isNegated,
        bool isInSubstitution)
    {
        Source = source;
        Assignments = assignments;
        Words = words;
        Redirections = redirections;
        Span = span;
        LogicalStart = logicalStart;
        LogicalEnd = logicalEnd;
        OperatorBefore = operatorBefore;
        OperatorAfter = operatorAfter;
        IsNegated = isNegated;
        IsInSubstitution = isInSubstitution;
    }

    /// <summary>The script text the command was read from, and its kind.</summary>
    public ShellSource Source { get; }

    /// <summary>The <c>NAME=value</c> words before the command name.</summary>
    public ImmutableArray<ShellAssignment> Assignments { get; }

    /// <summary>The command name, then its arguments; empty for a command of assignments or redirections only.</summary>
    public ImmutableArray<ShellWord> Words { get; }

    public ImmutableArray<ShellRedirection> Redirections { get; }

    /// <summary>From the first character of the command to its last, assignments and redirections included.</summary>
    public TextSpan Span { get; }

    /// <summary>The offset of the command in its script's text.</summary>
    public int LogicalStart { get; }

    public int LogicalEnd { get; }

    public ShellWord? NameWord => Words.IsEmpty ? null : Words[0];

    /// <summary>The command name after quote removal, or "" when there is none.</summary>
    public string Name => Words.IsEmpty ? "" : Words[0].Value;

    /// <summary>The command name without its directory: <c>apt-get</c> for <c>/usr/bin/apt-get</c>.</summary>
    public string BaseName => ShellNames.BaseName(Name);

    /// <summary>
    /// The command that runs once wrappers (<c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>nice</c>, <c>timeout</c>...)
    /// are looked through: for <c>sudo -E apt-get install curl</c>, <c>apt-get install curl</c>. The command itself
    /// when it has no wrapper. Computed on first use, then kept.
    /// </summary>
    public EffectiveCommand Effective
    {
        get
        {
            if (_effective is null) Interlocked.CompareExchange(ref _effective, CommandWrappers.Unwrap(this), null);
            return _effective;
        }
    }

    /// <summary>The words after the command name.</summary>
    public ImmutableArray<ShellWord> Arguments => Words.IsEmpty ? [] : Words[1..];

    /// <summary>What joins this command to the one before it in its list.</summary>
    public ShellOperator OperatorBefore { get; }

    /// <summary>What joins this command to the one after it in its list.</summary>
    public ShellOperator OperatorAfter { get; }

    /// <summary>True when the command's output or input is piped to or from a neighbour.</summary>
    public bool IsInPipeline => OperatorBefore == ShellOperator.Pipe || OperatorAfter == ShellOperator.Pipe;

    /// <summary>True when the command belongs to a pipeline negated with <c>!</c>.</summary>
    public bool IsNegated { get; }

    /// <summary>True inside <c>$(...)</c>, backticks or <c>&lt;(...)</c>.</summary>
    public bool IsInSubstitution { get; }

    /// <summary>The <c>sh -c</c> command whose script argument holds this command, or null.</summary>
    public ShellCommand? Parent { get; internal set; }

    /// <summary>The position of the command in <see cref="ShellScript.Commands"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>
    /// True when an argument before any <c>--</c> is one of the options <paramref name="names"/>: a long
    /// name (<c>--yes</c>) matches <c>--yes</c> and <c>--yes=...</c>; a short one (<c>-y</c>) also matches a
    /// letter in combined flags (<c>-qy</c>). Values of options are not known here, so <c>-o -y</c> counts;
    /// use <see cref="ParseArguments"/> to tell values apart.
    /// </summary>
    public bool HasOption(params string[] names)
    {
        for (var i = 1; i < Words.Length; i++)
        {
            var value = Words[i].Value;
            if (value == "--") return false;
            if (value.Length < 2 || value[0] != '-') continue;
            foreach (var name in names)
            {
                if (Matches(value, name)) return true;
            }
        }
        return false;
    }

    private static bool Matches(string argument, string name)
    {
        if (name.Length < 2 || name[0] != '-') return false;
        if (name[1] == '-' || name.Length > 2)
        {
            return argument == name || (name[1] == '-' && argument.Length > name.Length && argument[name.Length] == '=' && argument.StartsWith(name, StringComparison.Ordinal));
        }
        return argument[1] != '-' && argument.IndexOf(name[1], 1) >= 0;
    }

    /// <summary>The arguments split into options and positional words; see <see cref="ShellArgumentList.Parse"/>.</summary>
    public ShellArgumentList ParseArguments(IReadOnlySet<string>? optionsWithValue = null, bool stopAtFirstPositional = false) =>
        ShellArgumentList.Parse(Arguments, optionsWithValue, stopAtFirstPositional);

    /// <summary>The command as written in its script.</summary>
    public override string ToString() => Source.Text.Text[LogicalStart..LogicalEnd];
}

namespace Dflint.Semantics.Shell;

/// <summary>
/// The command a simple command actually runs once wrappers such as <c>sudo</c>, <c>env</c>, <c>xargs</c>,
/// <c>nice</c> or <c>timeout</c> are looked through: <c>sudo -E env DEBIAN_FRONTEND=noninteractive apt-get install
/// curl</c> runs <c>apt-get install curl</c> with <c>DEBIAN_FRONTEND</c> set. For a command without wrappers it is
/// the command itself. See <see cref="ShellCommand.Effective"/>.
/// </summary>
public sealed class EffectiveCommand
{
    internal EffectiveCommand(ShellCommand command, int start, ImmutableArray<ShellWord> assignments, bool viaXargs)
    {
        Command = command;
        Start = start;
        Words = start < 0 ? [] : start == 0 ? command.Words : command.Words[start..];
        WrapperWords = start < 0 ? command.Words : command.Words[..start];
        Assignments = assignments;
        ViaXargs = viaXargs;
    }

    /// <summary>The shell command as written, wrappers included.</summary>
    public ShellCommand Command { get; }

    /// <summary>
    /// The index in the command's words of the name of the command that runs; -1 when nothing runs (<c>command -v
    /// apk</c>, <c>sudo -l</c>, a wrapper with nothing after it) or what runs cannot be told (<c>env -S '...'</c>, a
    /// wrapper option held in a variable).
    /// </summary>
    public int Start { get; }

    /// <summary>The command that runs, its name first, then its arguments; empty when <see cref="Start"/> is -1.</summary>
    public ImmutableArray<ShellWord> Words { get; }

    /// <summary>The words looked through: the wrappers' names, options, assignments and leading operands.</summary>
    public ImmutableArray<ShellWord> WrapperWords { get; }

    /// <summary>True when at least one wrapper was looked through.</summary>
    public bool IsWrapped => !WrapperWords.IsEmpty;

    /// <summary>The <c>NAME=value</c> words a wrapper (<c>env</c>, <c>sudo</c>) puts in the command's environment, in order.</summary>
    public ImmutableArray<ShellWord> Assignments { get; }

    /// <summary>True when <c>xargs</c> runs the command, so more arguments come from its input.</summary>
    public bool ViaXargs { get; }

    public ShellWord? NameWord => Words.IsEmpty ? null : Words[0];

    /// <summary>The name of the command that runs after quote removal, or "" when nothing runs.</summary>
    public string Name => Words.IsEmpty ? "" : Words[0].Value;

    /// <summary>The name without its folder: <c>apt-get</c> for <c>sudo /usr/bin/apt-get</c>.</summary>
    public string BaseName => ShellNames.BaseName(Name);

    /// <summary>
    /// <see cref="BaseName"/> when the name is written without expansions, else "": <c>$APT install</c> and
    /// <c>${BIN}/pip install</c> run something that cannot be told.
    /// </summary>
    public string LiteralBaseName => NameWord is { HasExpansion: false } ? BaseName : "";

    /// <summary>The words after the name.</summary>
    public ImmutableArray<ShellWord> Arguments => Words.IsEmpty ? [] : Words[1..];

    /// <summary>
    /// The value the command line gives the environment variable <paramref name="name"/>: the last
    /// <c>NAME=value</c> passed through a wrapper (<c>env NAME=x cmd</c>), else the last one before the command
    /// (<c>NAME=x cmd</c>). Null when the command line does not set it; ENV and ARG are the caller's to look up.
    /// </summary>
    public string? FindAssignment(string name)
    {
        for (var i = Assignments.Length - 1; i >= 0; i--)
        {
            if (ShellNames.AssignedValue(Assignments[i].Value, name) is { } value) return value;
        }
        var own = Command.Assignments;
        for (var i = own.Length - 1; i >= 0; i--)
        {
            if (own[i].Name == name) return own[i].Value.Value;
        }
        return null;
    }

    /// <summary>The arguments split into options and positional words; see <see cref="ShellArgumentList.Parse"/>.</summary>
    public ShellArgumentList ParseArguments(IReadOnlySet<string>? optionsWithValue = null, bool stopAtFirstPositional = false) =>
        ShellArgumentList.Parse(Arguments, optionsWithValue, stopAtFirstPositional);

    /// <summary>The words that run, as written.</summary>
    public override string ToString() => string.Join(" ", Words.Select(w => w.Text));
}

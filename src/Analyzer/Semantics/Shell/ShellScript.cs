using Dflint.Syntax;

namespace Dflint.Semantics.Shell;

/// <summary>A parsed shell script: its simple commands in source order, and the problems found reading it.</summary>
public sealed class ShellScript
{
    private ShellScript(ShellSource source, ImmutableArray<ShellCommand> commands, ImmutableArray<ShellSyntaxError> errors)
    {
        Source = source;
        Commands = commands;
        Errors = errors;
    }

    public ShellSource Source { get; }

    /// <summary>
    /// Every simple command, flattened and in source order: commands inside <c>if</c>, loops, <c>case</c>,
    /// groups, subshells, function bodies, <c>$(...)</c>, and the script of one level of <c>sh -c '...'</c>, also
    /// behind wrappers such as <c>sudo sh -c '...'</c> (those have <see cref="ShellCommand.Parent"/> set).
    /// </summary>
    public ImmutableArray<ShellCommand> Commands { get; }

    public ImmutableArray<ShellSyntaxError> Errors { get; }

    /// <summary>Parses <paramref name="source"/> as a shell-form script. Never throws; linear in the text's length.</summary>
    public static ShellScript Parse(MappedText source) => Parse(new ShellSource(source, ShellSourceKind.ShellForm));

    /// <summary>
    /// Parses a script the way <see cref="Parse(MappedText)"/> does, keeping its kind. An
    /// <see cref="ShellSourceKind.ExecForm"/> source gives the one command it runs (and the script of a shell it runs
    /// with <c>-c</c>).
    /// </summary>
    public static ShellScript Parse(ShellSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var commands = new List<ShellCommand>();
        var errors = new List<ShellSyntaxError>();
        var parser = new ShellParser(source, readsNestedShells: true, commands, errors);
        if (source.Kind == ShellSourceKind.ExecForm) parser.ParseExecForm();
        else parser.ParseScript();
        SortBySpan(commands);
        for (var i = 0; i < commands.Count; i++) commands[i].Index = i;
        if (errors.Count > 1) errors.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return new ShellScript(source, [.. commands], [.. errors]);
    }

    /// <summary>A script held in a plain string, with file offsets equal to string offsets.</summary>
    public static ShellScript Parse(string text) => Parse(MappedText.FromContiguous(text, 0));

    /// <summary>Parses every shell script <paramref name="instruction"/> runs (see <see cref="ShellSources.For"/>).</summary>
    public static ImmutableArray<ShellScript> ForInstruction(InstructionSyntax instruction, char escapeChar) =>
        [.. ShellSources.For(instruction, escapeChar).Select(Parse)];

    /// <summary>
    /// Commands are created when they end, so a command inside <c>$(...)</c> comes before the command holding
    /// it; a stable sort on the start puts them back in source order (usually the list is already sorted).
    /// </summary>
    private static void SortBySpan(List<ShellCommand> commands)
    {
        var sorted = true;
        for (var i = 1; i < commands.Count && sorted; i++) sorted = commands[i - 1].Span.Start <= commands[i].Span.Start;
        if (sorted) return;
        var ordered = commands.Select((command, index) => (command, index))
            .OrderBy(item => item.command.Span.Start)
            .ThenBy(item => item.index)
            .Select(item => item.command)
            .ToList();
        commands.Clear();
        commands.AddRange(ordered);
    }
}

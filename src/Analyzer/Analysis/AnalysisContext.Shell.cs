using System.Collections.Frozen;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Analysis;

public sealed partial class AnalysisContext
{
    /// <summary>
    /// Called for every simple command run by a RUN (shell form, heredoc scripts, <c>sh -c</c> in exec form, the one
    /// command of another exec form, one level of nested <c>sh -c '...'</c>), also under ONBUILD. With
    /// <paramref name="commandNames"/>, only for commands with one of those names, compared without the folder
    /// (<c>/usr/bin/apt-get</c> is <c>apt-get</c>): the name as written or the name of the command that runs behind
    /// wrappers (<c>sudo -E apt-get install</c> matches <c>sudo</c> and <c>apt-get</c>; see
    /// <see cref="ShellCommand.Effective"/>). Commands under a non-POSIX SHELL (PowerShell, cmd) are not seen,
    /// except in exec form, which names its program itself.
    /// </summary>
    public void RegisterShellCommandAction(Action<ShellCommandContext> action, params string[] commandNames)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(commandNames);
        if (commandNames.Length == 0)
        {
            _actions.ShellCommand.Add(new ShellCommandAction(_analyzer, null, action));
            return;
        }
        var names = commandNames.ToFrozenSet(StringComparer.Ordinal);
        _actions.ShellCommand.Add(new ShellCommandAction(_analyzer, names.Contains, action));
    }

    /// <summary>
    /// Like <see cref="RegisterShellCommandAction(Action{ShellCommandContext}, string[])"/>, for names a list cannot
    /// hold, such as versioned ones (<c>pip3.12</c>, <c>python3.11</c>): <paramref name="nameFilter"/> gets the
    /// name as written and the name that runs behind wrappers (without folders, never empty) and says whether the
    /// action wants the command.
    /// </summary>
    public void RegisterShellCommandAction(Action<ShellCommandContext> action, Func<string, bool> nameFilter)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(nameFilter);
        _actions.ShellCommand.Add(new ShellCommandAction(_analyzer, nameFilter, action));
    }

    /// <summary>Called once per RUN with all of its shell scripts, for rules that judge a RUN as a whole.</summary>
    public void RegisterRunAction(Action<RunContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Run.Add(new AnalyzerAction<Action<RunContext>>(_analyzer, action));
    }
}

/// <summary>A shell-command action and the names it listens to (every command when <see cref="NameFilter"/> is null).</summary>
internal sealed record ShellCommandAction(DockerfileAnalyzer Analyzer, Func<string, bool>? NameFilter, Action<ShellCommandContext> Action)
{
    /// <summary>True when the command's name as written, or the name of what it runs behind wrappers, passes the filter.</summary>
    public bool Wants(ShellCommand command)
    {
        if (NameFilter is not { } filter) return true;
        var written = command.BaseName;
        if (written.Length > 0 && filter(written)) return true;
        var runs = command.Effective.BaseName;
        return runs.Length > 0 && runs != written && filter(runs);
    }
}

internal sealed partial class AnalyzerActions
{
    public List<ShellCommandAction> ShellCommand { get; } = [];

    public List<AnalyzerAction<Action<RunContext>>> Run { get; } = [];

    public bool HasShellActions => ShellCommand.Count > 0 || Run.Count > 0;
}

/// <summary>A RUN and the shell scripts it runs.</summary>
public sealed class RunContext : RuleContext
{
    internal RunContext(RunInstructionSyntax instruction, ImmutableArray<ShellScript> scripts, bool isOnbuildTrigger, FileAnalysis file)
        : base(file)
    {
        Instruction = instruction;
        Scripts = scripts;
        IsOnbuildTrigger = isOnbuildTrigger;
    }

    public RunInstructionSyntax Instruction { get; }

    public ImmutableArray<ShellScript> Scripts { get; }

    /// <summary>Every command of every script, in source order.</summary>
    public IEnumerable<ShellCommand> Commands => Scripts.SelectMany(s => s.Commands);

    public bool IsOnbuildTrigger { get; }

    public InstructionState State => Model.GetState(Instruction);
}

/// <summary>One command inside a RUN.</summary>
public sealed class ShellCommandContext : RuleContext
{
    internal ShellCommandContext(ShellCommand command, ShellScript script, RunInstructionSyntax instruction, bool isOnbuildTrigger, FileAnalysis file)
        : base(file)
    {
        Command = command;
        Script = script;
        Instruction = instruction;
        IsOnbuildTrigger = isOnbuildTrigger;
    }

    public ShellCommand Command { get; }

    /// <summary>The script the command belongs to; its other commands give context (an <c>apt-get update</c> before it...).</summary>
    public ShellScript Script { get; }

    public RunInstructionSyntax Instruction { get; }

    public bool IsOnbuildTrigger { get; }

    public InstructionState State => Model.GetState(Instruction);
}

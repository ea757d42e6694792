using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Analysis;

public sealed partial class AnalysisContext
{
    /// <summary>
    /// Called for every simple command run by a RUN (shell form, heredoc scripts, <c>sh -c</c> in exec form,
    /// one level of nested <c>sh -c '...'</c>), also under ONBUILD. With <paramref name="commandNames"/>, only
    /// for commands with one of those names, compared without the folder (<c>/usr/bin/apt-get</c> is <c>apt-get</c>).
    /// Commands under a non-POSIX SHELL (PowerShell, cmd) are not seen.
    /// </summary>
    public void RegisterShellCommandAction(Action<ShellCommandContext> action, params string[] commandNames)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(commandNames);
        _actions.ShellCommand.Add(new ShellCommandAction(_analyzer, commandNames.Length == 0 ? null : [.. commandNames], action));
    }

    /// <summary>Called once per RUN with all of its shell scripts, for rules that judge a RUN as a whole.</summary>
    public void RegisterRunAction(Action<RunContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Run.Add(new AnalyzerAction<Action<RunContext>>(_analyzer, action));
    }
}

internal sealed record ShellCommandAction(DockerfileAnalyzer Analyzer, HashSet<string>? Names, Action<ShellCommandContext> Action);

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

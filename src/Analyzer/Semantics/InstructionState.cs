using Dflint.Syntax;

namespace Dflint.Semantics;

/// <summary>
/// What is in effect when an instruction runs: its stage, the variables it sees, and the USER, WORKDIR and
/// SHELL set before it (in its stage or in the stages it is built on).
/// </summary>
public sealed record InstructionState(
    Stage? Stage,
    VariableScope Variables,
    EffectiveUser? User,
    string? Workdir,
    EffectiveShell Shell)
{
    /// <summary>True for the ARG lines before the first FROM.</summary>
    public bool IsGlobal => Stage is null;
}

/// <summary>The user from the last USER instruction, expanded; null in the model when the base image's default applies.</summary>
public sealed record EffectiveUser(string Value, UserInstructionSyntax Instruction)
{
    /// <summary>The user part, without <c>:group</c>.</summary>
    public string Name => Value.Split(':', 2)[0];

    /// <summary><c>root</c> or uid 0.</summary>
    public bool IsRoot => Name is "root" or "0";
}

/// <summary>The shell that runs shell-form commands: <c>/bin/sh -c</c> unless a SHELL instruction changed it.</summary>
public sealed record EffectiveShell(ImmutableArray<string> Command, ShellInstructionSyntax? Instruction)
{
    public static readonly EffectiveShell Default = new(["/bin/sh", "-c"], null);

    /// <summary>The program, without its folder and lower-cased: <c>bash</c>, <c>pwsh</c>, <c>cmd</c>.</summary>
    public string Program => Command.IsDefaultOrEmpty ? "" : Shell.ShellDialects.ExecutableName(Command[0]);

    public Shell.ShellKind Kind => Shell.ShellDialects.Classify(Command);

    /// <summary>True when commands are POSIX shell, which the shell model reads; shell-based rules skip the rest.</summary>
    public bool IsPosix => Kind == Shell.ShellKind.Posix;
}

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

    /// <summary>The program, without its folder: <c>bash</c>, <c>pwsh</c>, <c>cmd</c>.</summary>
    public string Program
    {
        get
        {
            if (Command.IsDefaultOrEmpty) return "";
            var program = Command[0].Replace('\\', '/');
            var slash = program.LastIndexOf('/');
            var name = slash < 0 ? program : program[(slash + 1)..];
            return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        }
    }

    /// <summary>
    /// True when commands are POSIX shell, which the shell model reads: sh, bash, ash, dash, zsh, ksh, mksh and
    /// busybox. PowerShell, cmd and anything else are skipped by shell-based rules.
    /// </summary>
    public bool IsPosix => Program.ToLowerInvariant() switch
    {
        "sh" or "bash" or "ash" or "dash" or "zsh" or "ksh" or "mksh" or "busybox" => true,
        _ => false,
    };
}

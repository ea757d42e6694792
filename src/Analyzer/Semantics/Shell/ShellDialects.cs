using System.Collections.Frozen;

namespace Dflint.Semantics.Shell;

/// <summary>The family of a shell, which decides whether shell rules apply to its scripts.</summary>
public enum ShellKind
{
    /// <summary>sh, bash, ash, dash, zsh, ksh and the like: the scripts this model reads.</summary>
    Posix,

    /// <summary>Windows PowerShell or PowerShell Core.</summary>
    PowerShell,

    /// <summary>Windows <c>cmd</c>.</summary>
    Cmd,

    /// <summary>Anything else (an interpreter, an empty SHELL).</summary>
    Other,
}

/// <summary>Tells shells apart by their command name.</summary>
public static class ShellDialects
{
    private static readonly FrozenSet<string> s_posixShells = FrozenSet.Create(StringComparer.Ordinal,
        "sh", "bash", "ash", "dash", "zsh", "ksh", "ksh93", "mksh", "pdksh", "oksh", "posh", "yash", "hush");

    private static readonly FrozenSet<string> s_scriptingShells = FrozenSet.Create(StringComparer.Ordinal,
        "sh", "bash", "ash", "dash", "zsh", "ksh", "mksh");

    /// <summary>
    /// The kind of the shell a SHELL instruction sets, from its exec-form arguments: <c>["/bin/bash", "-o",
    /// "pipefail", "-c"]</c> is <see cref="ShellKind.Posix"/>, <c>["pwsh", "-Command"]</c> is
    /// <see cref="ShellKind.PowerShell"/>, <c>["cmd", "/S", "/C"]</c> is <see cref="ShellKind.Cmd"/>.
    /// <c>/usr/bin/env NAME</c> and <c>busybox sh</c> are looked through.
    /// </summary>
    public static ShellKind Classify(ImmutableArray<string> shellInstructionArgs)
    {
        if (shellInstructionArgs.IsDefaultOrEmpty) return ShellKind.Other;
        var name = ExecutableName(shellInstructionArgs[0]);
        var next = 1;
        if (name == "env")
        {
            while (next < shellInstructionArgs.Length && shellInstructionArgs[next].StartsWith('-')) next++;
            if (next == shellInstructionArgs.Length) return ShellKind.Other;
            name = ExecutableName(shellInstructionArgs[next++]);
        }
        if (name == "busybox")
        {
            return next < shellInstructionArgs.Length && ExecutableName(shellInstructionArgs[next]) is "sh" or "ash" ? ShellKind.Posix : ShellKind.Other;
        }
        if (s_posixShells.Contains(name)) return ShellKind.Posix;
        return name switch
        {
            "powershell" or "pwsh" => ShellKind.PowerShell,
            "cmd" => ShellKind.Cmd,
            _ => ShellKind.Other,
        };
    }

    /// <summary>True for the name (or path) of a POSIX-like shell: sh, bash, ash, dash, zsh, ksh...</summary>
    public static bool IsPosixShell(string command) => s_posixShells.Contains(ExecutableName(command));

    /// <summary>The shells whose <c>-c</c> script and heredoc input this model reads as scripts.</summary>
    internal static bool IsScriptingShellName(string baseName) => s_scriptingShells.Contains(baseName);

    /// <summary>
    /// Lower-cased, without directory (either slash) and without <c>.exe</c>: <c>C:\Windows\cmd.exe</c> gives <c>cmd</c>.
    /// </summary>
    public static string ExecutableName(string path)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        var name = path[(slash + 1)..].ToLowerInvariant();
        return name.EndsWith(".exe", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>
    /// The index of the script among a shell's arguments (<c>-c</c>, or a flag cluster holding <c>c</c> such as
    /// <c>-ec</c>, then the first operand), or -1 when the shell runs no <c>-c</c> script. Options that take a
    /// value (<c>-o pipefail</c>, <c>-O extglob</c>, <c>--rcfile f</c>) skip it.
    /// </summary>
    internal static int FindShellCScript(int count, Func<int, string> argument)
    {
        var hasC = false;
        for (var i = 0; i < count; i++)
        {
            var value = argument(i);
            if (value == "--") return hasC && i + 1 < count ? i + 1 : -1;
            if (value.Length > 1 && value[0] is '-' or '+')
            {
                if (value[1] == '-')
                {
                    if (value is "--rcfile" or "--init-file") i++;
                    continue;
                }
                if (value[0] == '-' && value.IndexOf('c', 1) > 0) hasC = true;
                if (value.AsSpan(1).IndexOfAny('o', 'O') >= 0) i++;
                continue;
            }
            return hasC ? i : -1;
        }
        return -1;
    }

    /// <summary>
    /// True when a shell invoked with these arguments reads its script from standard input: no <c>-c</c>
    /// and no script file operand (operands after <c>-s</c> are arguments).
    /// </summary>
    internal static bool ReadsScriptFromStandardInput(int count, Func<int, string> argument)
    {
        for (var i = 0; i < count; i++)
        {
            var value = argument(i);
            if (value == "--") return i + 1 == count;
            if (value.Length > 1 && value[0] is '-' or '+')
            {
                if (value[1] == '-')
                {
                    if (value is "--rcfile" or "--init-file") i++;
                    continue;
                }
                if (value[0] == '-' && value.IndexOf('c', 1) > 0) return false;
                if (value[0] == '-' && value.IndexOf('s', 1) > 0) return true;
                if (value.AsSpan(1).IndexOfAny('o', 'O') >= 0) i++;
                continue;
            }
            return false;
        }
        return true;
    }
}

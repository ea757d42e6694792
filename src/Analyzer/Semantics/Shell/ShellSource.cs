namespace Dflint.Semantics.Shell;

/// <summary>Where a shell script comes from in its instruction.</summary>
public enum ShellSourceKind
{
    /// <summary>The shell-form command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD, continuations joined.</summary>
    ShellForm,

    /// <summary>A heredoc body the shell runs: <c>RUN &lt;&lt;EOF</c>, or a shell reading it (<c>RUN bash &lt;&lt;EOF</c>).</summary>
    HeredocBody,

    /// <summary>The script of an exec-form <c>["sh", "-c", "script"]</c>, JSON escapes decoded.</summary>
    ExecFormShellC,

    /// <summary>The script argument of <c>sh -c 'script'</c> inside another script, quotes removed.</summary>
    ShellCArgument,
}

/// <summary>One shell script an instruction runs: its text mapped to the file, and where it comes from.</summary>
public sealed record ShellSource(MappedText Text, ShellSourceKind Kind);

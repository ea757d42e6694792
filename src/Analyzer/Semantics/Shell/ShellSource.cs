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

    /// <summary>
    /// An exec-form RUN that runs its program without a shell (<c>RUN ["apt-get", "install", "-y", "curl"]</c>): one
    /// command whose words are the array's strings, JSON escapes decoded, joined by single spaces in the text.
    /// </summary>
    ExecForm,
}

/// <summary>One shell script an instruction runs: its text mapped to the file, and where it comes from.</summary>
public sealed record ShellSource(MappedText Text, ShellSourceKind Kind)
{
    /// <summary>
    /// For <see cref="ShellSourceKind.ExecForm"/>: where each string of the array sits in <see cref="Text"/>, since a
    /// string may itself hold spaces. Default for other kinds.
    /// </summary>
    internal ImmutableArray<(int Start, int Length)> ExecFormWords { get; init; }
}

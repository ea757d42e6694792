using System.Diagnostics;

namespace Dflint.Tests.Discovery;

/// <summary>Runs the real git as the reference the ignore matching is checked against, isolated from the user's configuration.</summary>
internal static class Git
{
    private static readonly Lazy<bool> s_available = new(() =>
    {
        try
        {
            return Run(Path.GetTempPath(), "--version").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static void RequireGit() => Assume.That(s_available.Value, Is.True, "git is not installed");

    public static (int ExitCode, string Output) Run(string workingFolder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No global or system configuration: a user's core.excludesFile must not change the answers.
        var home = Path.Join(Path.GetTempPath(), "dflint-git-home");
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = Path.Join(home, "none");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public static void Init(string folder)
    {
        var (exitCode, output) = Run(folder, "init", "--quiet", ".");
        Assert.That(exitCode, Is.Zero, output);
    }

    /// <summary>git's own answer for one path: <c>check-ignore</c> exits 0 when the path is ignored and 1 when not.</summary>
    public static bool CheckIgnore(string repository, string relativePath)
    {
        var (exitCode, output) = Run(repository, "check-ignore", "--no-index", "--quiet", relativePath);
        Assert.That(exitCode, Is.EqualTo(0).Or.EqualTo(1), output);
        return exitCode == 0;
    }
}

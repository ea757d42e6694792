using System.Diagnostics;
using System.Text;

namespace Dflint.Cli.Tests;

/// <summary>What one run of the real executable did.</summary>
internal sealed record DflintRun(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the built <c>dflint.dll</c> with <c>dotnet</c>, so arguments, streams and exit codes are the real ones.</summary>
internal static class DflintProcess
{
    private static readonly string s_dll = Path.Combine(AppContext.BaseDirectory, "dflint.dll");

    public static DflintRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    /// <summary>One line per finding, syntax diagnostics only: for tests about discovery, paths and the parser.</summary>
    public static DflintRun RunSyntaxOnly(string workingDirectory, params string[] args) =>
        Run(workingDirectory, null, ["--format", "concise", "--select", "DF01", .. args]);

    public static DflintRun RunSyntaxOnly(string workingDirectory, byte[]? stdin, params string[] args) =>
        Run(workingDirectory, stdin, ["--format", "concise", "--select", "DF01", .. args]);

    public static DflintRun Run(string workingDirectory, byte[]? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(s_dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("NO_COLOR");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var stdout = new MemoryStream();
        var stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dflint {string.Join(' ', args)} did not finish within a minute");
        }
        Task.WaitAll(stdoutTask, stderrTask);
        return new DflintRun(process.ExitCode, stdout.ToArray(), stderrTask.Result);
    }
}

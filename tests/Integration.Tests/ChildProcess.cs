using System.Diagnostics;

namespace Dflint.Integration.Tests;

/// <summary>What a child process did: its exit code and both output streams.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    /// <summary>The whole story, for assertion messages: a failed build or hook is diagnosed from this alone.</summary>
    public override string ToString() => $"{Command}\nexit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

internal static class ChildProcess
{
    private static readonly TimeSpan s_defaultTimeout = TimeSpan.FromMinutes(10);

    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        // `dotnet test` hands its own MSBuild settings down to the test host; a nested build must find the SDK by itself.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        // Build nodes and the compiler server outlive a build and would keep the output pipes open after it ends.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var command = string.Join(' ', [fileName, .. start.ArgumentList]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? s_defaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{command} did not finish within {limit.TotalMinutes} minutes");
        }
        if (!Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30)))
        {
            Assert.Fail($"{command} exited, but a process it started kept its output open");
        }
        return new ProcessResult(command, process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a command that must succeed; a failure shows its whole output.</summary>
    public static ProcessResult RunChecked(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = Run(fileName, arguments, workingDirectory, environment);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);
        return result;
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

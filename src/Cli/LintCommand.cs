using System.Collections.Immutable;
using Dflint.Linting;

namespace Dflint.Cli;

internal static class LintCommand
{
    private const string DefaultStdinName = "<stdin>";

    public static int Run(CliConsole console, IReadOnlyList<string> arguments, string? stdinName)
    {
        // Naming standard input only makes sense when it is read, so the name alone asks for it.
        if (arguments.Count == 0) arguments = stdinName is null ? ["."] : [InputFiles.StdinPath];
        if (!TryCollect(console, arguments, out var files)) return ExitCodes.UsageOrIoError;

        var readFailed = false;
        int problems = 0, errors = 0, warnings = 0, filesWithProblems = 0, filesChecked = 0;
        foreach (var (path, display) in files)
        {
            var shown = path == InputFiles.StdinPath ? stdinName ?? DefaultStdinName : display;
            byte[] bytes;
            try
            {
                bytes = InputFiles.Read(path);
            }
            catch (Exception e) when (InputFiles.IsReadFailure(e))
            {
                console.Output.Flush();
                console.Error($"{shown}: {InputFiles.Describe(e)}");
                readFailed = true;
                continue;
            }

            var result = DockerfileLinter.Lint(bytes, shown);
            filesChecked++;
            foreach (var finding in result.Findings)
            {
                console.Output.WriteLine($"{shown}:{finding.Line}:{finding.Column}: {console.Severity(finding.Severity)}: {finding.Message} [{finding.Id}]");
            }
            problems += result.Findings.Length;
            errors += result.ErrorCount;
            warnings += result.WarningCount;
            if (result.Findings.Length > 0) filesWithProblems++;
        }

        console.Output.WriteLine(problems == 0
            ? $"All checks passed: {Count(filesChecked, "file")}."
            : $"Found {Count(problems, "problem")} ({Count(errors, "error")}, {Count(warnings, "warning")}) in {Count(filesWithProblems, "file")}.");
        console.Output.Flush();
        return readFailed ? ExitCodes.UsageOrIoError : errors > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Expands folders into the Dockerfiles below them; a missing path stops the run before any output.</summary>
    private static bool TryCollect(CliConsole console, IReadOnlyList<string> arguments, out List<(string Path, string Display)> files)
    {
        files = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        var stdinSeen = false;
        foreach (var argument in arguments)
        {
            if (argument == InputFiles.StdinPath)
            {
                if (stdinSeen)
                {
                    console.Error("'-' (standard input) can be given only once");
                    ok = false;
                }
                stdinSeen = true;
                files.Add((argument, argument));
                continue;
            }
            if (argument.Length == 0)
            {
                console.Error("empty path");
                ok = false;
                continue;
            }
            if (Directory.Exists(argument))
            {
                ImmutableArray<string> found;
                try
                {
                    found = DockerfileFinder.Find(argument);
                }
                catch (Exception e) when (InputFiles.IsReadFailure(e))
                {
                    console.Error($"{argument}: {InputFiles.Describe(e)}");
                    ok = false;
                    continue;
                }
                var here = Path.TrimEndingDirectorySeparator(argument) == ".";
                if (found.Length == 0) console.Warning($"{argument}: no Dockerfiles found");
                foreach (var relative in found)
                {
                    var path = Path.Join(argument, relative);
                    if (seen.Add(Path.GetFullPath(path))) files.Add((path, here ? relative : path));
                }
            }
            else if (File.Exists(argument))
            {
                if (seen.Add(Path.GetFullPath(argument))) files.Add((argument, argument));
            }
            else
            {
                console.Error($"{argument}: no such file or directory");
                ok = false;
            }
        }
        return ok;
    }
}

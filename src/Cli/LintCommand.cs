using System.Collections.Immutable;
using Dflint.Analysis;
using Dflint.Context;
using Dflint.Linting;
using Dflint.Reporting;

namespace Dflint.Cli;

/// <summary>What the lint command was asked to do.</summary>
internal sealed record LintRequest(
    IReadOnlyList<string> Paths,
    string? StdinName,
    ReportFormat Format,
    string? OutputPath,
    ImmutableArray<string> Select,
    ImmutableArray<string> ExtendSelect,
    ImmutableArray<string> Ignore,
    string? ConfigPath,
    bool NoConfig,
    FailureThreshold? Threshold,
    bool NoFail,
    bool Statistics,
    bool Quiet,
    bool Timings,
    bool IncludeSuppressed = false)
{
    /// <summary>The build context given with <c>--context</c>; null to use the configuration's or each Dockerfile's folder.</summary>
    public string? ContextFolder { get; init; }
}

internal static class LintCommand
{
    private const string DefaultStdinName = "<stdin>";

    public static int Run(CliConsole console, LintRequest request)
    {
        var paths = request.Paths;
        // Naming standard input only makes sense when it is read, so the name alone asks for it.
        if (paths.Count == 0) paths = request.StdinName is null ? ["."] : [InputFiles.StdinPath];
        if (!TryCollect(console, paths, out var files)) return ExitCodes.UsageOrIoError;

        var flags = new SelectionFlags(request.Select, request.ExtendSelect, request.Ignore);
        var unknownFlags = flags.UnknownSelectors(RuleRegistry.Default);
        if (unknownFlags.Length > 0)
        {
            foreach (var selector in unknownFlags) console.Error($"unknown rule selector '{selector}' (see 'dflint rules')");
            return ExitCodes.UsageOrIoError;
        }

        ConfiguredSettings settingsSource;
        try
        {
            settingsSource = new ConfiguredSettings(RuleRegistry.Default, flags, request.ConfigPath, request.NoConfig);
        }
        catch (Dflint.Configuration.ConfigurationException e)
        {
            console.Error(Relative(e.Message));
            return ExitCodes.UsageOrIoError;
        }

        try
        {
            var runConfiguration = settingsSource.ForRun(Directory.GetCurrentDirectory());
            request = request with
            {
                Statistics = request.Statistics || runConfiguration.Statistics == true,
                Quiet = request.Quiet || runConfiguration.Quiet == true,
            };
        }
        catch (Dflint.Configuration.ConfigurationException e)
        {
            console.Error(Relative(e.Message));
            return ExitCodes.UsageOrIoError;
        }
        if (request.Statistics && request.Format is not (TextFormat or ConciseFormat or JsonFormat))
        {
            console.Error($"--statistics works with the text, concise and json formats, not {request.Format.Name}");
            return ExitCodes.UsageOrIoError;
        }

        var timings = request.Timings ? new AnalyzerTimings() : null;
        var contexts = new BuildContextCache();
        // Files are linted in parallel and reported in order, so the output does not depend on scheduling.
        var outcomes = new FileOutcome[files.Count];
        if (files.Count == 1)
        {
            // Starting the thread pool for one file costs more start-up time than it could save (docs/INSTALL.md).
            outcomes[0] = LintOne(files[0].Path, files[0].Display, request, settingsSource, contexts, timings);
        }
        else
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                outcomes[i] = LintOne(files[i].Path, files[i].Display, request, settingsSource, contexts, timings));
        }

        var readFailed = false;
        var reported = new List<ReportedFile>();
        var failed = false;
        foreach (var outcome in outcomes)
        {
            if (!request.Quiet)
            {
                foreach (var warning in outcome.Warnings) console.Warning(Relative(warning));
            }
            if (outcome.ConfigurationError is { } configurationError)
            {
                console.Output.Flush();
                console.Error(Relative(configurationError));
                return ExitCodes.UsageOrIoError;
            }
            if (outcome.ReadError is { } readError)
            {
                console.Output.Flush();
                console.Error(readError);
                readFailed = true;
                continue;
            }
            var file = outcome.File!;
            reported.Add(file);
            failed |= file.Result.Diagnostics.Any(outcome.Threshold.IsReachedBy);
        }

        if (!TryWriteReport(console, request, reported)) return ExitCodes.UsageOrIoError;
        if (timings is not null) WriteTimings(console, timings);

        if (readFailed) return ExitCodes.UsageOrIoError;
        return failed && !request.NoFail ? ExitCodes.FindingsReachThreshold : ExitCodes.Success;
    }

    private sealed record FileOutcome(ReportedFile? File, FailureThreshold Threshold, ImmutableArray<string> Warnings, string? ReadError, string? ConfigurationError);

    private static FileOutcome LintOne(string path, string display, LintRequest request, ConfiguredSettings settingsSource, BuildContextCache contexts, AnalyzerTimings? timings)
    {
        var isStdin = path == InputFiles.StdinPath;
        var shown = isStdin ? request.StdinName ?? DefaultStdinName : display;
        ResolvedSettings resolved;
        byte[] bytes;
        try
        {
            // Standard input has no folder of its own: its name, if given, says where its configuration is.
            resolved = settingsSource.For(isStdin ? request.StdinName ?? Path.Combine(".", DefaultStdinName) : path);
        }
        catch (Dflint.Configuration.ConfigurationException e)
        {
            return new FileOutcome(null, FailureThreshold.Default, [], null, e.Message);
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            return new FileOutcome(null, FailureThreshold.Default, [], null, $"{shown}: configuration: {InputFiles.Describe(e)}");
        }
        try
        {
            bytes = InputFiles.Read(path);
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            return new FileOutcome(null, FailureThreshold.Default, resolved.NewWarnings, $"{shown}: {InputFiles.Describe(e)}", null);
        }
        var settings = resolved.Settings with { Timings = timings, KeepSuppressed = request.IncludeSuppressed };
        if (BuildContextFor(isStdin ? request.StdinName : path, request, resolved, contexts) is { } buildContext)
        {
            settings = settings with { Options = settings.Options with { BuildContext = buildContext } };
        }
        var result = DockerfileLinter.Lint(bytes, shown, settings);
        var threshold = request.Threshold ?? resolved.Threshold ?? FailureThreshold.Default;
        return new FileOutcome(new ReportedFile(shown, result), threshold, resolved.NewWarnings, null, null);
    }

    /// <summary>
    /// The context a Dockerfile is built with: <c>--context</c>, else the configuration's <c>context</c>, else the
    /// Dockerfile's folder. Standard input without <c>--stdin-filename</c> has no folder: only <c>--context</c> gives it one.
    /// </summary>
    private static Dflint.Context.BuildContext? BuildContextFor(string? dockerfile, LintRequest request, ResolvedSettings resolved, BuildContextCache contexts)
    {
        var folder = request.ContextFolder
            ?? (dockerfile is null ? null : resolved.ContextFolder ?? Path.GetDirectoryName(Path.GetFullPath(dockerfile)));
        return folder is null ? null : contexts.Get(folder, dockerfile);
    }

    /// <summary>Configuration messages name files by full path; below the working folder a relative one reads better.</summary>
    private static string Relative(string message)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Directory.GetCurrentDirectory()) + Path.DirectorySeparatorChar;
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    /// <summary>Writes the report to standard output, or to <c>--output</c> through a temporary file renamed into place.</summary>
    private static bool TryWriteReport(CliConsole console, LintRequest request, List<ReportedFile> reported)
    {
        var format = request.Format;
        var toFile = request.OutputPath is not null;
        var options = new ReportOptions(DflintVersion.Current, console.Colour && !toFile, Directory.GetCurrentDirectory(), RuleRegistry.Default.Rules);
        void WriteAll(Stream stream)
        {
            if (request.Statistics)
            {
                if (format is JsonFormat) StatisticsReport.WriteJson(stream, reported);
                else StatisticsReport.WriteText(stream, reported);
            }
            else
            {
                format.Write(stream, reported, options);
            }
            if (format.PrintsSummary && !request.Quiet)
            {
                var summary = System.Text.Encoding.UTF8.GetBytes(LintSummary.Of(reported).Describe() + "\n");
                stream.Write(summary);
            }
        }

        console.Output.Flush();
        if (!toFile)
        {
            WriteAll(console.RawOutput);
            console.RawOutput.Flush();
            return true;
        }
        var target = Path.GetFullPath(request.OutputPath!);
        var temporary = target + ".dflint-" + Environment.ProcessId + ".tmp";
        try
        {
            using (var stream = File.Create(temporary)) WriteAll(stream);
            File.Move(temporary, target, overwrite: true);
            return true;
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            console.Error($"{request.OutputPath}: {InputFiles.Describe(e)}");
            return false;
        }
    }

    private static void WriteTimings(CliConsole console, AnalyzerTimings timings)
    {
        console.ErrorWriter.WriteLine("time per analyzer:");
        foreach (var (analyzer, elapsed) in timings.Snapshot())
        {
            console.ErrorWriter.WriteLine($"  {elapsed.TotalMilliseconds,10:F2} ms  {analyzer} ({string.Join(", ", analyzer.SupportedRules.Select(r => r.Code))})");
        }
    }

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

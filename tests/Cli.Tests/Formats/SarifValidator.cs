using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dflint.Cli.Tests.Formats;

/// <summary>One finding of the validator about a file.</summary>
internal sealed record ValidatorFinding(string RuleId, string Level, string Uri, string Text)
{
    public override string ToString() => $"{Level} {RuleId} {Uri}: {Text}";
}

/// <summary>
/// Microsoft's SARIF validator (<c>Sarif.Multitool validate</c>) from the npm package that tests/package.json pins,
/// installed by <c>npm ci</c> in tests/ (.ci/run does it). It runs the SARIF schema and rules and GitHub's ingestion
/// rules ("Gh"). A missing validator fails the test: this check must not quietly stop running.
/// </summary>
internal static class SarifValidator
{
    /// <summary>
    /// SARIF2006 fetches every URI in the log over HTTP; tests have no network, and the URIs are documentation links,
    /// not something the format can get wrong.
    /// </summary>
    private const string Configuration = """
        <?xml version="1.0" encoding="utf-8"?>
        <Properties>
          <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
            <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
          </Properties>
        </Properties>
        """;

    public static string Executable
    {
        get
        {
            var platform = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win32" : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "darwin" : "linux";
            var name = platform == "win32" ? "Sarif.Multitool.exe" : "Sarif.Multitool";
            return Path.Combine(RepositoryRoot(), "tests", "node_modules", "@microsoft", "sarif-multitool-" + platform, name);
        }
    }

    /// <summary>Validates <paramref name="sarifFile"/>; returns every finding, notes included, with the tool's console output.</summary>
    public static (IReadOnlyList<ValidatorFinding> Findings, string Console) Validate(string sarifFile, string scratch)
    {
        var executable = Executable;
        if (!File.Exists(executable))
        {
            Assert.Fail($"The SARIF validator is not installed ({executable}): run 'npm ci' in tests/ (.ci/run does).");
        }
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute))
        {
            // The package's own postinstall does this; npm may skip install scripts it was not told to allow.
            File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute);
        }
        var configuration = Path.Combine(scratch, "validation.xml");
        var log = Path.Combine(scratch, "validation.sarif");
        File.WriteAllText(configuration, Configuration);

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scratch,
        };
        foreach (var argument in new[]
        {
            "validate", sarifFile, "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note", "--config", configuration,
            "--output", log, "--log", "ForceOverwrite",
        })
        {
            start.ArgumentList.Add(argument);
        }
        // The validator is a self-contained .NET program: without ICU on the machine it needs invariant globalization.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the SARIF validator did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the SARIF validator did not finish within 3 minutes");
        }
        var console = stdout.Result + stderr.Result;
        Assert.That(process.ExitCode, Is.Zero, console);
        Assert.That(File.Exists(log), Is.True, "the validator wrote no log:\n" + console);
        return (Read(log, console), console);
    }

    private static List<ValidatorFinding> Read(string log, string console)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(log));
        var run = document.RootElement.GetProperty("runs")[0];
        foreach (var invocation in run.TryGetProperty("invocations", out var invocations) ? invocations.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            Assert.That(invocation.TryGetProperty("executionSuccessful", out var ok) && ok.GetBoolean(), Is.True, "the validator failed:\n" + console);
            if (invocation.TryGetProperty("toolExecutionNotifications", out var notifications))
            {
                var errors = notifications.EnumerateArray().Where(n => n.TryGetProperty("level", out var l) && l.GetString() == "error").ToList();
                Assert.That(errors, Is.Empty, "the validator reported execution errors:\n" + console);
            }
        }
        var findings = new List<ValidatorFinding>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            // SARIF's default level is warning.
            var level = result.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
            var uri = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                ? locations[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() ?? ""
                : "";
            findings.Add(new ValidatorFinding(result.GetProperty("ruleId").GetString()!, level, uri, MessageText(result.GetProperty("message"))));
        }
        return findings;
    }

    private static string MessageText(JsonElement message)
    {
        if (message.TryGetProperty("text", out var text)) return text.GetString() ?? "";
        var builder = new StringBuilder(message.TryGetProperty("id", out var id) ? id.GetString() : "");
        if (message.TryGetProperty("arguments", out var arguments)) builder.Append(": ").AppendJoin(" | ", arguments.EnumerateArray().Select(a => a.GetString()));
        return builder.ToString();
    }

    public static string RepositoryRoot()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "Analyzer.sln"))) return folder;
        }
        throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}

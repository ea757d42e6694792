using System.Text;
using System.Text.Json;

namespace Dflint.Cli.Tests;

/// <summary>The lint command as a user meets it: output formats, suppressions, configuration files, exit codes.</summary>
public sealed class LintFeatureTests
{
    private const string Clean = "FROM alpine:3.20\nUSER app\n";

    [Test]
    public void Text_output_shows_the_source_line_with_the_span_underlined()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM alpine:3.20 AS build\n\tFROM  node:latest\nUSER app\n");

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo(
            "Dockerfile:2:8: warning[DL3007] image 'node' uses the 'latest' tag, which changes under you: pin a release tag\n" +
            "  |\n" +
            "2 | \tFROM  node:latest\n" +
            "  | \t      ^^^^^^^^^^^\n" +
            "  = help: https://github.com/dflint/dflint/blob/main/rules/DL3007-pin-latest-tag/rule.md\n" +
            "\n" +
            "Found 1 problem (0 errors, 1 warning) in 1 file.\n"));
    }

    [Test]
    public void Json_output_follows_the_documented_schema()
    {
        using var folder = new TempFolder();
        folder.Write("a/Dockerfile", "FROM ubuntu\nUSER app\n");
        folder.Write("b/Dockerfile", Clean);

        var run = DflintProcess.Run(folder.Path, "--format", "json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("dflint"));
        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.That(diagnostic.GetProperty("file").GetString(), Is.EqualTo("a/Dockerfile"));
        Assert.That(diagnostic.GetProperty("code").GetString(), Is.EqualTo("DL3006"));
        Assert.That(diagnostic.GetProperty("name").GetString(), Is.EqualTo("tag-image-version"));
        Assert.That(diagnostic.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(diagnostic.GetProperty("message").GetString(), Does.StartWith("image 'ubuntu' has no tag"));
        Assert.That(diagnostic.GetProperty("helpUrl").GetString(), Does.EndWith("rules/DL3006-tag-image-version/rule.md"));
        Assert.That(diagnostic.GetProperty("fixable").GetBoolean(), Is.False);
        Assert.That(Position(diagnostic.GetProperty("start")), Is.EqualTo((1, 6, 5)));
        Assert.That(Position(diagnostic.GetProperty("end")), Is.EqualTo((1, 12, 11)));
        var summary = root.GetProperty("summary");
        Assert.That((summary.GetProperty("files").GetInt32(), summary.GetProperty("filesWithFindings").GetInt32(), summary.GetProperty("warnings").GetInt32()), Is.EqualTo((2, 1, 1)));
    }

    private static (int Line, int Column, int Offset) Position(JsonElement position) =>
        (position.GetProperty("line").GetInt32(), position.GetProperty("column").GetInt32(), position.GetProperty("offset").GetInt32());

    [Test]
    public void Every_suppression_form_is_honoured()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile",
            "# check=skip=NoEmptyContinuation\n" +
            "# dflint global ignore=final-stage-without-user\n" +
            "# hadolint ignore=DL3006\n" +
            "FROM ubuntu AS one\n" +
            "RUN echo a \\\n\n  && echo b\n" +
            "# dflint ignore=DL3007\n" +
            "FROM node:latest AS two\n" +
            "# hadolint stage ignore=tag-image-version\n" +
            "FROM debian\n" +
            "FROM alpine\n");

        var run = DflintProcess.Run(folder.Path, "--format", "concise");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "Dockerfile:12:6: warning: image 'alpine' has no tag: pin a version, as in 'alpine:<version>' [DL3006]",
            "Found 1 problem (0 errors, 1 warning) in 1 file.",
        }), run.Stderr);
    }

    [Test]
    public void Unknown_code_in_a_pragma_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "# hadolint ignore=DL3800\n" + Clean);

        var run = DflintProcess.Run(folder.Path, "--format", "concise");

        Assert.That(run.StdoutLines[0], Is.EqualTo("Dockerfile:1:19: warning: DL3800 names no dflint rule, so this comment suppresses nothing for it [DF0002]"));
    }

    [Test]
    public void Dflint_config_is_found_upwards_and_applies_select_ignore_severity_and_threshold()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "ignore: [final-stage-without-user]\nextend-select: [DF0200]\nseverity:\n  DL3006: error\n  DF0200: style\nfailure-threshold: error\n");
        folder.Write("svc/api/Dockerfile", "FROM ubuntu\n");
        folder.Write("svc/web/Dockerfile", "FROM nginx:1.27\n");

        var run = DflintProcess.Run(Path.Combine(folder.Path, "svc"), "--format", "concise");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "api/Dockerfile:1:6: style: image 'ubuntu' is not pinned by digest: a tag can be re-pointed, 'ubuntu@sha256:...' cannot [DF0200]",
            "api/Dockerfile:1:6: error: image 'ubuntu' has no tag: pin a version, as in 'ubuntu:<version>' [DL3006]",
            "web/Dockerfile:1:6: style: image 'nginx:1.27' is not pinned by digest: a tag can be re-pointed, 'nginx:1.27@sha256:...' cannot [DF0200]",
            "Found 3 problems (1 error, 0 warnings, 2 style) in 2 files.",
        }), run.Stderr);
        Assert.That(run.ExitCode, Is.EqualTo(1));

        folder.Write("svc/api/Dockerfile", "FROM ubuntu:24.04\n");
        var styleOnly = DflintProcess.Run(Path.Combine(folder.Path, "svc"), "--format", "concise");
        Assert.That(styleOnly.ExitCode, Is.Zero, "style is below the configured threshold");
    }

    [Test]
    public void Hadolint_config_is_read_when_there_is_no_dflint_config()
    {
        using var folder = new TempFolder();
        folder.Write(".hadolint.yaml", "ignored:\n  - DL3006\n  - DL3059\noverride:\n  error: [DL3007]\ntrustedRegistries: [docker.io]\nno-color: true\n");
        folder.Write("Dockerfile", "FROM ubuntu\nFROM node:latest\nFROM ghcr.io/o/app:1\nUSER app\n");

        var run = DflintProcess.Run(folder.Path, "--format", "concise");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "Dockerfile:2:6: error: image 'node' uses the 'latest' tag, which changes under you: pin a release tag [DL3007]",
            "Dockerfile:3:6: error: image 'ghcr.io/o/app:1' comes from ghcr.io, which is not a trusted registry (docker.io) [DL3026]",
            "Found 2 problems (2 errors, 0 warnings) in 1 file.",
        }));
        Assert.That(run.Stderr, Is.EqualTo(
            "dflint: warning: .hadolint.yaml:7:1: dflint ignores hadolint's 'no-color' setting\n" +
            "dflint: warning: .hadolint.yaml:3:5: 'DL3059' names no dflint rule (see 'dflint rules'); ignored\n"));
    }

    [Test]
    public void Malformed_config_is_an_error_with_its_location()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "select: [DL3006]\nfailure-threshold: sometimes\n");
        folder.Write("Dockerfile", Clean);

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith("dflint: error: .dflint.yaml:2:20: "));
        Assert.That(run.Stderr, Does.Not.Contain("   at "));
        Assert.That(run.StdoutBytes, Is.Empty);
    }

    [Test]
    public void Unknown_code_in_dflint_config_is_an_error()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "ignore: [DL3006, DL3800]\n");
        folder.Write("Dockerfile", Clean);

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo("dflint: error: .dflint.yaml:1:18: 'DL3800' names no dflint rule (see 'dflint rules')\n"));
    }

    [Test]
    public void Stdin_filename_decides_which_config_applies()
    {
        using var folder = new TempFolder();
        folder.Write("strict/.dflint.yaml", "select: [DL3007]\n");

        var run = DflintProcess.Run(folder.Path, Encoding.UTF8.GetBytes("FROM ubuntu\nFROM node:latest\n"), "--format", "concise", "--stdin-filename", "strict/Dockerfile", "-");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "strict/Dockerfile:2:6: warning: image 'node' uses the 'latest' tag, which changes under you: pin a release tag [DL3007]",
            "Found 1 problem (0 errors, 1 warning) in 1 file.",
        }), run.Stderr);
    }

    [Test]
    public void Select_on_the_command_line_replaces_config_and_enables_rules_that_are_off()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "select: [DL3007]\n");
        folder.Write("Dockerfile", "FROM ubuntu:24.04\nFROM node:latest\n");

        var run = DflintProcess.Run(folder.Path, "--format", "concise", "--select", "pin-image-digest", "--select", "DL3006,DL3026");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "Dockerfile:1:6: info: image 'ubuntu:24.04' is not pinned by digest: a tag can be re-pointed, 'ubuntu:24.04@sha256:...' cannot [DF0200]",
            "Dockerfile:2:6: info: image 'node:latest' is not pinned by digest: a tag can be re-pointed, 'node:latest@sha256:...' cannot [DF0200]",
            "Found 2 problems (0 errors, 0 warnings, 2 info) in 1 file.",
        }), run.Stderr);
    }

    [Test]
    public void Unknown_selector_on_the_command_line_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", Clean);

        var run = DflintProcess.Run(folder.Path, "--ignore", "DL3006,bogus-rule");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo("dflint: error: unknown rule selector 'bogus-rule' (see 'dflint rules')\n"));
    }

    [Test]
    public void No_config_and_explicit_config()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "select: [DL3007]\n");
        folder.Write("other.yaml", "select: [DL3006]\n");
        folder.Write("Dockerfile", "FROM ubuntu\nFROM node:latest\nUSER app\n");

        var isolated = DflintProcess.Run(folder.Path, "--format", "concise", "--no-config");
        var explicitConfig = DflintProcess.Run(folder.Path, "--format", "concise", "--config", "other.yaml");

        Assert.That(isolated.StdoutLines[^1], Is.EqualTo("Found 2 problems (0 errors, 2 warnings) in 1 file."));
        Assert.That(explicitConfig.StdoutLines, Has.Length.EqualTo(2));
        Assert.That(explicitConfig.StdoutLines[0], Does.EndWith("[DL3006]"));
    }

    [Test]
    public void Rules_lists_every_rule_and_explain_prints_its_page()
    {
        using var folder = new TempFolder();

        var rules = DflintProcess.Run(folder.Path, "rules");
        var json = DflintProcess.Run(folder.Path, "rules", "--format", "json");
        var explain = DflintProcess.Run(folder.Path, "explain", "tag-image-version");
        var unknown = DflintProcess.Run(folder.Path, "explain", "DL0000");

        Assert.That(rules.ExitCode, Is.Zero);
        Assert.That(rules.StdoutLines[0], Does.Match("^CODE +NAME +SEVERITY +FIX +TITLE$"));
        Assert.That(rules.StdoutLines, Has.Some.Match(@"^DL3006 +tag-image-version +warning +- +Base image without a tag$"));
        Assert.That(rules.StdoutLines, Has.Some.Match(@"^DF0200 +pin-image-digest +info\* "));
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.That(document.RootElement.GetArrayLength(), Is.EqualTo(rules.StdoutLines.Length - 2));
        Assert.That(explain.ExitCode, Is.Zero);
        Assert.That(explain.Stdout, Does.StartWith("# DL3006 tag-image-version\n"));
        Assert.That(explain.Stdout, Does.Contain("## Why\n"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2));
        Assert.That(unknown.Stderr, Is.EqualTo("dflint: error: no rule is called 'DL0000' (see 'dflint rules')\n"));
    }

    [Test]
    public void Clean_tree_exits_zero()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", Clean);

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.ExitCode, Is.Zero, run.Stdout);
        Assert.That(run.Stdout, Is.EqualTo("All checks passed: 1 file.\n"));
    }

    [Test]
    public void Output_option_writes_the_report_to_a_file()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM ubuntu\nUSER app\n");

        var run = DflintProcess.Run(folder.Path, "--format", "json", "--output", "report.json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutBytes, Is.Empty);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "report.json")));
        Assert.That(json.RootElement.GetProperty("diagnostics").GetArrayLength(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(folder.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public void No_fail_statistics_and_quiet_from_flags_and_config()
    {
        using var folder = new TempFolder();
        folder.Write("a/Dockerfile", "FROM ubuntu\nFROM node:latest\nUSER app\n");
        folder.Write("b/Dockerfile", "FROM debian\nUSER app\n");

        var noFail = DflintProcess.Run(folder.Path, "--no-fail", "--format", "concise");
        var statistics = DflintProcess.Run(folder.Path, "--statistics");
        var statisticsJson = DflintProcess.Run(folder.Path, "--statistics", "--format", "json");
        var quiet = DflintProcess.Run(folder.Path, "--quiet", "--format", "concise");
        folder.Write(".dflint.yaml", "no-fail: true\nstatistics: true\nquiet: true\n");
        var configured = DflintProcess.Run(folder.Path);

        Assert.That(noFail.ExitCode, Is.Zero);
        Assert.That(noFail.StdoutLines, Has.Length.EqualTo(4));
        Assert.That(statistics.ExitCode, Is.EqualTo(1));
        Assert.That(statistics.StdoutLines, Is.EqualTo(new[]
        {
            "2  DL3006  warning  tag-image-version",
            "1  DL3007  warning  pin-latest-tag",
            "Found 3 problems (0 errors, 3 warnings) in 2 files.",
        }));
        using var json = JsonDocument.Parse(statisticsJson.Stdout);
        Assert.That(json.RootElement[0].GetProperty("code").GetString(), Is.EqualTo("DL3006"));
        Assert.That(json.RootElement[0].GetProperty("count").GetInt32(), Is.EqualTo(2));
        Assert.That(quiet.StdoutLines, Has.Length.EqualTo(3), "no summary line");
        Assert.That(configured.ExitCode, Is.Zero, configured.Stderr);
        Assert.That(configured.StdoutLines, Is.EqualTo(statistics.StdoutLines[..2]));
    }
}

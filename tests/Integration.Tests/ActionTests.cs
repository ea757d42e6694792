using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Dflint.Integration.Tests;

/// <summary>
/// The GitHub Action: tools/action/run.sh run as action.yml runs it, with the variables GitHub sets (GITHUB_OUTPUT,
/// GITHUB_ACTION_PATH, RUNNER_TEMP, INPUT_*). The action path is the repository snapshot, so dflint is built from
/// this working tree, once: every run shares one RUNNER_TEMP, as the steps of one job do.
/// </summary>
[TestFixture]
public sealed class ActionTests
{
    private string _runnerTemp = null!;

    [OneTimeSetUp]
    public void CreateRunnerTemp() => _runnerTemp = Scratch.NewFolder("runner-temp");

    [Test]
    public void Findings_fail_the_step_after_the_report_and_outputs_are_written()
    {
        var workspace = Workspace(("Dockerfile", SampleDockerfiles.LatestTag));

        var run = RunAction(workspace, new() { ["INPUT_FORMAT"] = "json", ["INPUT_OUTPUT"] = "dflint.json" });

        Assert.That(run.Result.ExitCode, Is.EqualTo(1), run.Result.ToString);
        Assert.That(run.Outputs, Is.EqualTo(new Dictionary<string, string> { ["exit-code"] = "1", ["sarif-file"] = "dflint.json" }), run.Result.ToString);
        Assert.That(ReportedCodes(Path.Combine(workspace, "dflint.json")), Is.EqualTo(new[] { "DL3007" }));
        Assert.That(run.Result.Stdout, Does.Contain("Dockerfile:1:6: warning: image 'ubuntu'"), "the log shows the findings, one line each");
    }

    [Test]
    public void Clean_paths_pass_and_still_write_the_report()
    {
        var workspace = Workspace(("api/Dockerfile", SampleDockerfiles.Clean), ("web/Dockerfile", SampleDockerfiles.Clean), ("skipped/Dockerfile", SampleDockerfiles.LatestTag));

        var run = RunAction(workspace, new() { ["INPUT_FORMAT"] = "json", ["INPUT_OUTPUT"] = "out/report.json", ["INPUT_PATHS"] = "api\n  web/Dockerfile" });

        Assert.That(run.Result.ExitCode, Is.Zero, run.Result.ToString);
        Assert.That(run.Outputs, Is.EqualTo(new Dictionary<string, string> { ["exit-code"] = "0", ["sarif-file"] = "out/report.json" }), run.Result.ToString);
        Assert.That(ReportedCodes(Path.Combine(workspace, "out", "report.json")), Is.Empty);
    }

    [Test]
    public void Failure_threshold_decides_whether_findings_fail_the_step()
    {
        var workspace = Workspace(("Dockerfile", SampleDockerfiles.LatestTag));

        var run = RunAction(workspace, new() { ["INPUT_FORMAT"] = "json", ["INPUT_FAILURE_THRESHOLD"] = "error" });

        Assert.That(run.Result.ExitCode, Is.Zero, run.Result.ToString);
        Assert.That(run.Outputs["exit-code"], Is.EqualTo("0"));
        Assert.That(ReportedCodes(Path.Combine(workspace, "dflint.sarif")), Is.EqualTo(new[] { "DL3007" }), "the warning is reported, it just does not fail");
    }

    [Test]
    public void Config_and_extra_arguments_reach_dflint()
    {
        var workspace = Workspace(
            ("Dockerfile", SampleDockerfiles.LatestTag + "RUN sudo true\n"),
            ("ci/dflint.yaml", "ignore: [DL3007]\n"));

        var run = RunAction(workspace, new() { ["INPUT_FORMAT"] = "json", ["INPUT_CONFIG"] = "ci/dflint.yaml", ["INPUT_ARGS"] = "--ignore  DL3004" });

        Assert.That(run.Result.ExitCode, Is.Zero, run.Result.ToString);
        Assert.That(ReportedCodes(Path.Combine(workspace, "dflint.sarif")), Is.Empty);
    }

    [Test]
    public void A_missing_path_fails_with_exit_code_2_and_no_report()
    {
        var workspace = Workspace(("Dockerfile", SampleDockerfiles.Clean));
        File.WriteAllText(Path.Combine(workspace, "dflint.sarif"), "left over from an earlier run");

        var run = RunAction(workspace, new() { ["INPUT_FORMAT"] = "json", ["INPUT_PATHS"] = "no-such-folder" });

        Assert.That(run.Result.ExitCode, Is.EqualTo(2), run.Result.ToString);
        Assert.That(run.Outputs, Is.EqualTo(new Dictionary<string, string> { ["exit-code"] = "2" }), run.Result.ToString);
        Assert.That(run.Result.Stderr, Does.Contain("no-such-folder: no such file or directory"));
        Assert.That(File.Exists(Path.Combine(workspace, "dflint.sarif")), Is.False, "a stale report is not passed off as this run's");
    }

    [Test]
    public void Version_input_installs_that_version_of_the_tool_package()
    {
        var tool = PackedTool.Instance;
        var workspace = Workspace(("Dockerfile", SampleDockerfiles.LatestTag));
        // Only the packages made here: a dflint of the same version on a public feed must not be the one tested.
        PackedTool.WriteIsolatedNuGetConfig(workspace);

        var run = RunAction(workspace, new()
        {
            ["INPUT_FORMAT"] = "json",
            ["INPUT_VERSION"] = tool.Version,
            ["INPUT_NUGET_SOURCE"] = tool.PackageFolder,
            ["RUNNER_TEMP"] = Scratch.NewFolder("runner-temp-version"),
        });

        Assert.That(run.Result.ExitCode, Is.EqualTo(1), run.Result.ToString);
        Assert.That(run.Result.Stdout, Does.Contain($"Tool 'dflint' (version '{tool.Version}') was successfully installed."), run.Result.ToString);
        Assert.That(ReportedCodes(Path.Combine(workspace, "dflint.sarif")), Is.EqualTo(new[] { "DL3007" }));
    }

    [Test]
    public void Default_format_writes_SARIF()
    {
        var workspace = Workspace(("Dockerfile", SampleDockerfiles.LatestTag));
        var run = RunAction(workspace, new());

        Assert.That(run.Result.ExitCode, Is.EqualTo(1), run.Result.ToString);
        Assert.That(run.Outputs["sarif-file"], Is.EqualTo("dflint.sarif"));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "dflint.sarif")));
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public void Action_yml_runs_the_script_with_every_input_and_exposes_its_outputs()
    {
        var action = LoadYaml(Path.Combine(RepositorySnapshot.SourceRoot, "action.yml"));
        var inputs = (YamlMappingNode)action["inputs"];
        var outputs = (YamlMappingNode)action["outputs"];
        var runs = (YamlMappingNode)action["runs"];
        var step = ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("id")) && Scalar(s, "id") == "dflint");
        var environment = (YamlMappingNode)step["env"];

        Assert.Multiple(() =>
        {
            Assert.That(Scalar(runs, "using"), Is.EqualTo("composite"));
            Assert.That(Scalar(step, "run"), Does.Contain("$GITHUB_ACTION_PATH/tools/action/run.sh"));
            Assert.That(Scalar((YamlMappingNode)inputs["format"], "default"), Is.EqualTo("sarif"));
            Assert.That(Scalar((YamlMappingNode)inputs["output"], "default"), Is.EqualTo("dflint.sarif"));
            Assert.That(Scalar((YamlMappingNode)inputs["paths"], "default"), Is.EqualTo("."));
            foreach (var input in inputs.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).Where(name => name != "setup-dotnet"))
            {
                var variable = "INPUT_" + input.Replace('-', '_').ToUpperInvariant();
                Assert.That(environment.Children.ContainsKey(new YamlScalarNode(variable)) ? Scalar(environment, variable) : null, Is.EqualTo($"${{{{ inputs.{input} }}}}"), variable);
            }
            Assert.That(Scalar((YamlMappingNode)outputs["sarif-file"], "value"), Is.EqualTo("${{ steps.dflint.outputs.sarif-file }}"));
            Assert.That(Scalar((YamlMappingNode)outputs["exit-code"], "value"), Is.EqualTo("${{ steps.dflint.outputs.exit-code }}"));
        });
    }

    private sealed record ActionRun(ProcessResult Result, Dictionary<string, string> Outputs);

    private static string Workspace(params (string Path, string Text)[] files)
    {
        var workspace = Scratch.NewFolder("workspace");
        Scratch.WriteFiles(workspace, files);
        return workspace;
    }

    private ActionRun RunAction(string workspace, Dictionary<string, string?> inputs)
    {
        var outputFile = Path.Combine(Scratch.NewFolder("github-output"), "output");
        File.WriteAllText(outputFile, "");
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTION_PATH"] = RepositorySnapshot.Path,
            ["GITHUB_OUTPUT"] = outputFile,
            ["GITHUB_WORKSPACE"] = workspace,
            ["RUNNER_TEMP"] = _runnerTemp,
        };
        foreach (var (name, value) in inputs) environment[name] = value;

        var result = ChildProcess.Run("bash", [Path.Combine(RepositorySnapshot.Path, "tools", "action", "run.sh")], workspace, environment);
        var outputs = File.ReadAllLines(outputFile).Select(line => line.Split('=', 2)).ToDictionary(parts => parts[0], parts => parts[1]);
        return new ActionRun(result, outputs);
    }

    /// <summary>The rule codes in a dflint JSON report.</summary>
    private static string[] ReportedCodes(string reportPath)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        return [.. report.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!)];
    }

    private static YamlMappingNode LoadYaml(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}

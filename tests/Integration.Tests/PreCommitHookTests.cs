using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Dflint.Integration.Tests;

/// <summary>
/// The hooks in .pre-commit-hooks.yaml, run by the real pre-commit against a scratch clone of this working tree:
/// `language: dotnet` builds and installs dflint once for the fixture, then each test lints a scratch project.
/// </summary>
[TestFixture]
public sealed class PreCommitHookTests
{
    private string _preCommitHome = null!;

    [OneTimeSetUp]
    public void InstallHook()
    {
        if (ChildProcess.FindOnPath("pre-commit") is null)
        {
            Assert.Fail("pre-commit is not installed: these tests need Debian's pre-commit package (apt-get install pre-commit, as .ci/run does).");
        }
        _preCommitHome = Scratch.NewFolder("pre-commit-home");
        // pre-commit installs a hook's environment the first time a configuration uses it; this is the slow part.
        var project = NewProject("dflint", ("Dockerfile", SampleDockerfiles.Clean));
        var install = PreCommit(project, "install-hooks");
        Assert.That(install.ExitCode, Is.Zero, install.ToString);
    }

    [Test]
    public void Hook_fails_on_a_Dockerfile_with_findings_and_shows_them()
    {
        var project = NewProject("dflint", ("services/api/Dockerfile", SampleDockerfiles.LatestTag), ("Dockerfile", SampleDockerfiles.Clean));

        var run = PreCommit(project, "run", "--all-files");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Stdout, Does.Contain("services/api/Dockerfile:1:6: warning[DL3007]"), run.ToString);
        Assert.That(run.Stdout, Does.Contain("Failed"), run.ToString);
    }

    [Test]
    public void Hook_passes_clean_Dockerfiles_and_leaves_other_files_alone()
    {
        var project = NewProject(
            "dflint",
            ("Dockerfile", SampleDockerfiles.Clean),
            ("build/release.Dockerfile", SampleDockerfiles.Clean),
            ("Containerfile", SampleDockerfiles.Clean),
            // Not a Dockerfile by name, so not linted, though its content would fail.
            ("notes/Dockerfile-ideas.txt", SampleDockerfiles.LatestTag));

        var run = PreCommit(project, "run", "--all-files");

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Stdout, Does.Contain("Passed"), run.ToString);
    }

    [Test]
    public void System_hook_runs_the_dflint_found_on_PATH()
    {
        // The dotnet hook's environment holds an installed dflint; putting it on PATH stands in for a global install.
        var installed = Directory.GetFiles(_preCommitHome, "dflint", SearchOption.AllDirectories)
            .Single(path => Path.GetFileName(Path.GetDirectoryName(path)) == "bin");
        var path = Path.GetDirectoryName(installed) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var project = NewProject("dflint-system", ("app.dockerfile", SampleDockerfiles.LatestTag));

        var run = PreCommit(project, new Dictionary<string, string?> { ["PATH"] = path }, "run", "--all-files");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Stdout, Does.Contain("app.dockerfile:1:6: warning[DL3007]"), run.ToString);
    }

    [TestCase("Dockerfile", true)]
    [TestCase("Containerfile", true)]
    [TestCase("deploy/Dockerfile", true)]
    [TestCase("api.Dockerfile", true)]
    [TestCase("build/api.dockerfile", true)]
    [TestCase("Dockerfile.dev", true)]
    [TestCase(".devcontainer/Dockerfile.base", true)]
    [TestCase("dockerfile", false)]
    [TestCase("DOCKERFILE", false)]
    [TestCase("Dockerfile-notes.txt", false)]
    [TestCase("NotADockerfile", false)]
    [TestCase("Dockerfile/README.md", false)]
    [TestCase("docs/Containerfile.md", false)]
    [TestCase("Dockerfile.dockerignore", false)]
    [TestCase("web/Dockerfile.dockerignore", false)]
    public void Hook_file_pattern_matches_the_names_dflint_finds_in_folders(string path, bool linted)
    {
        var hooks = (YamlSequenceNode)LoadYaml(Path.Combine(RepositorySnapshot.SourceRoot, ".pre-commit-hooks.yaml"));
        foreach (var hook in hooks.Children.Cast<YamlMappingNode>())
        {
            var files = ((YamlScalarNode)hook.Children[new YamlScalarNode("files")]).Value!;
            var exclude = ((YamlScalarNode)hook.Children[new YamlScalarNode("exclude")]).Value!;
            // pre-commit applies both with Python's re.search; these patterns read the same in .NET.
            var matched = Regex.IsMatch(path, files) && !Regex.IsMatch(path, exclude);
            Assert.That(matched, Is.EqualTo(linted), $"{hook.Children[new YamlScalarNode("id")]}: files {files}, exclude {exclude}");
        }
    }

    private static YamlNode LoadYaml(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    /// <summary>A scratch git repository whose .pre-commit-config.yaml uses one hook of the repository snapshot.</summary>
    private static string NewProject(string hookId, params (string Path, string Text)[] files)
    {
        var project = Scratch.NewFolder("project");
        var config = $"repos:\n  - repo: {RepositorySnapshot.Path}\n    rev: {RepositorySnapshot.Commit}\n    hooks:\n      - id: {hookId}\n";
        Scratch.WriteFiles(project, [(".pre-commit-config.yaml", config), .. files]);
        RepositorySnapshot.InitAndAdd(project);
        return project;
    }

    private ProcessResult PreCommit(string project, params string[] arguments) => PreCommit(project, null, arguments);

    private ProcessResult PreCommit(string project, Dictionary<string, string?>? environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?>(environment ?? []) { ["PRE_COMMIT_HOME"] = _preCommitHome };
        return ChildProcess.Run("pre-commit", [.. arguments, "--color", "never"], project, variables);
    }
}

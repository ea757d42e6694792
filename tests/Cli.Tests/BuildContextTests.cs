using System.Text;

namespace Dflint.Cli.Tests;

/// <summary>The build context as the CLI finds it: the Dockerfile's folder, <c>--context</c>, <c>context:</c>, and standard input.</summary>
public sealed class BuildContextTests
{
    private static DflintRun Run(string folder, params string[] args) =>
        DflintProcess.Run(folder, ["--format", "concise", "--select", "DF031", "--no-config", .. args]);

    [Test]
    public void Missing_dockerignore_is_reported_for_a_folder_copy()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM node:22-alpine\nCOPY package.json ./\nCOPY src ./src\n");
        folder.Write("package.json", "{}\n");
        folder.Write("src/index.js", "console.log(1);\n");

        var run = Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines[0], Is.EqualTo(
            "Dockerfile:3:6: info: COPY 'src' takes a whole folder of the build context, which has no .dockerignore " +
            "(nor Dockerfile.dockerignore): add one to keep .git, dependencies, build output and secrets out [DF0310]"));
        Assert.That(run.StdoutLines, Has.Length.EqualTo(2), "one finding and the summary");
    }

    [Test]
    public void Git_and_dependencies_let_through_are_reported()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n");
        folder.Write(".dockerignore", "*.log\n");
        folder.Write(".git/HEAD", "ref: refs/heads/main\n");
        folder.Write("package.json", "{}\n");
        folder.Write("node_modules/left-pad/index.js", "module.exports = 1;\n");

        var run = Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines[..2], Is.EqualTo(new[]
        {
            "Dockerfile:3:6: warning: COPY sends '.git' (the Git history), which .dockerignore does not exclude: add '.git' to it [DF0311]",
            "Dockerfile:3:6: warning: COPY sends 'node_modules' (packages installed on this machine, which may not run in the image), " +
                "which .dockerignore does not exclude: add 'node_modules' to it [DF0311]",
        }));
    }

    [Test]
    public void A_secret_sent_by_a_wholesale_copy_is_an_error()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /srv\n");
        folder.Write(".dockerignore", ".git\n");
        folder.Write("main.py", "print(1)\n");
        folder.Write(".env", "API_TOKEN=do-not-print-me\n");

        var run = Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines[0], Is.EqualTo(
            "Dockerfile:2:6: error: COPY sends '.env' (an environment file) into the image: exclude it in .dockerignore [DF0312]"));
        Assert.That(run.Stdout, Does.Not.Contain("do-not-print-me"));
    }

    [Test]
    public void Copying_an_ignored_file_is_reported_with_its_pattern()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM nginx:1.27-alpine\nCOPY docs/index.html /usr/share/nginx/html/\n");
        folder.Write(".dockerignore", "# not shipped\ndocs\n");
        folder.Write("docs/index.html", "<h1>docs</h1>\n");

        var run = Run(folder.Path);

        Assert.That(run.StdoutLines[0], Is.EqualTo(
            "Dockerfile:2:6: warning: COPY source 'docs/index.html' is excluded by .dockerignore (line 2: 'docs'): " +
            "the build fails, as the context does not have it [DF0313]"));
    }

    [Test]
    public void BuildKits_check_name_suppresses_it()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "# check=skip=CopyIgnoredFile\nFROM nginx:1.27-alpine\nCOPY docs /srv\n");
        folder.Write(".dockerignore", "docs\n");
        folder.Write("docs/index.html", "<h1>docs</h1>\n");

        var run = Run(folder.Path);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
    }

    [Test]
    public void Standard_input_without_a_name_has_no_context()
    {
        using var folder = new TempFolder();
        folder.Write(".env", "TOKEN=x\n");
        folder.Write(".dockerignore", "docs\n");

        var run = DflintProcess.Run(folder.Path, Encoding.UTF8.GetBytes("FROM alpine:3.20\nCOPY . /srv\nCOPY docs /docs\n"),
            "--format", "concise", "--select", "DF031", "--no-config", "-");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stdout + run.Stderr);
    }

    [Test]
    public void Standard_input_with_a_name_uses_its_folder()
    {
        using var folder = new TempFolder();
        folder.Write("web/.env", "TOKEN=x\n");
        folder.Write("web/.dockerignore", "node_modules\n");

        var run = DflintProcess.Run(folder.Path, Encoding.UTF8.GetBytes("FROM alpine:3.20\nCOPY . /srv\n"),
            "--format", "concise", "--select", "DF031", "--no-config", "-", "--stdin-filename", "web/Dockerfile");

        Assert.That(run.StdoutLines[0], Does.StartWith("web/Dockerfile:2:6: error: COPY sends '.env'"));
    }

    [Test]
    public void Context_option_replaces_the_dockerfile_folder()
    {
        using var folder = new TempFolder();
        folder.Write("docker/api.Dockerfile", "FROM golang:1.22\nCOPY . /src\n");
        folder.Write("docker/api.Dockerfile.dockerignore", "*.md\n");
        folder.Write(".dockerignore", ".env\n");
        folder.Write(".env", "TOKEN=x\n");
        folder.Write("main.go", "package main\n");

        var inDockerfileFolder = Run(folder.Path, "docker/api.Dockerfile");
        var withContext = Run(folder.Path, "--context", ".", "docker/api.Dockerfile");

        Assert.That(inDockerfileFolder.StdoutLines[0], Is.EqualTo("All checks passed: 1 file."), "docker/ holds no secret");
        Assert.That(withContext.StdoutLines[0], Is.EqualTo(
            "docker/api.Dockerfile:2:6: error: COPY sends '.env' (an environment file) into the image: exclude it in api.Dockerfile.dockerignore [DF0312]"),
            "the Dockerfile's own ignore file replaces the context's");
    }

    [Test]
    public void Configuration_names_the_context_relative_to_itself()
    {
        using var folder = new TempFolder();
        folder.Write(".dflint.yaml", "context: .\nselect: [DF0312]\n");
        folder.Write("services/api/Dockerfile", "FROM alpine:3.20\nCOPY . /srv\n");
        folder.Write("id_rsa", "not a key\n");

        var run = DflintProcess.Run(Path.Combine(folder.Path, "services"), "--format", "concise", "api/Dockerfile");

        Assert.That(run.StdoutLines[0], Is.EqualTo(
            "api/Dockerfile:2:6: error: COPY sends 'id_rsa' (an SSH private key) into the image: exclude it in a .dockerignore (the context has none) [DF0312]"));
    }

    [Test]
    public void A_missing_context_folder_is_a_usage_error()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM alpine:3.20\n");

        var run = Run(folder.Path, "--context", "nowhere");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.Contain("--context: 'nowhere' is not a folder."));
    }

    [Test]
    public void Help_documents_the_context_option()
    {
        using var folder = new TempFolder();
        var run = DflintProcess.Run(folder.Path, "--help");
        Assert.That(run.Stdout, Does.Contain("--context <DIR>"));
    }
}

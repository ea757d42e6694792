using System.Text;

namespace Dflint.Cli.Tests;

public sealed class LintCommandTests
{
    [Test]
    public void Syntax_error_is_reported_with_position_and_fails()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM alpine\n  BOGUS thing\n");

        var run = DflintProcess.RunSyntaxOnly(folder.Path, "Dockerfile");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "Dockerfile:2:3: error: unknown instruction: BOGUS [DF0100]",
            "Found 1 problem (1 error, 0 warnings) in 1 file.",
        }));
        Assert.That(run.Stderr, Is.Empty);
    }

    [Test]
    public void Warnings_fail_unless_the_threshold_is_raised()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM alpine:3.20\nRUN echo a \\\n\n  && echo b\nUSER app\n");

        var failing = DflintProcess.Run(folder.Path, "--format", "concise", "Dockerfile");
        var passing = DflintProcess.Run(folder.Path, "--format", "concise", "--failure-threshold", "error", "Dockerfile");

        Assert.That(failing.ExitCode, Is.EqualTo(1), failing.Stderr);
        Assert.That(failing.StdoutLines, Has.Length.EqualTo(2));
        Assert.That(failing.StdoutLines[0], Does.Match(@"^Dockerfile:3:1: warning: empty continuation line in RUN: .* \[DF0105\]$"));
        Assert.That(failing.StdoutLines[1], Is.EqualTo("Found 1 problem (0 errors, 1 warning) in 1 file."));
        Assert.That(passing.ExitCode, Is.Zero, passing.Stderr);
        Assert.That(passing.Stdout, Is.EqualTo(failing.Stdout));
    }

    [Test]
    public void Clean_files_pass()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM alpine:3.20\nRUN true\nUSER app\n");
        folder.Write("b/Containerfile", "FROM alpine:3.20\nUSER 1000\n");

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Is.EqualTo("All checks passed: 2 files.\n"));
    }

    [Test]
    public void Folders_are_searched_for_dockerfile_names_only()
    {
        using var folder = new TempFolder();
        string[] linted =
        [
            "Dockerfile", "Containerfile", "api.Dockerfile", "web.dockerfile", "Dockerfile.dev",
            ".devcontainer/Dockerfile", "a/b/c/Dockerfile", "Z/Dockerfile",
        ];
        string[] skipped =
        [
            ".git/Dockerfile", "node_modules/pkg/Dockerfile", "a/node_modules/Dockerfile", "dockerfile",
            "DOCKERFILE", "Dockerfile-old", "my.Dockerfile.bak", "containerfile", "notes.txt", "Dockerfilex",
            "Dockerfile.dockerignore", "api.Dockerfile.dockerignore",
        ];
        foreach (var path in linted.Concat(skipped)) folder.Write(path, "FROM alpine\nBOGUS\n");

        var run = DflintProcess.RunSyntaxOnly(folder.Path);

        string[] expected = [.. linted.Order(StringComparer.Ordinal)];
        var reported = run.StdoutLines.SkipLast(1).Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.That(reported, Is.EqualTo(expected));
        Assert.That(run.StdoutLines[^1], Is.EqualTo($"Found {linted.Length} problems ({linted.Length} errors, 0 warnings) in {linted.Length} files."));
        Assert.That(run.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Symbolic_links_to_folders_are_not_followed()
    {
        using var folder = new TempFolder();
        folder.Write("a/Dockerfile", "BOGUS\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "a", "loop"), folder.Path);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "b"), Path.Combine(folder.Path, "a"));

        var run = DflintProcess.RunSyntaxOnly(folder.Path);

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "a/Dockerfile:1:1: error: unknown instruction: BOGUS [DF0100]",
            "Found 1 problem (1 error, 0 warnings) in 1 file.",
        }));
    }

    [Test]
    public void Folder_argument_prefixes_the_paths_shown()
    {
        using var folder = new TempFolder();
        folder.Write("src/app/Dockerfile", "BOGUS\n");
        folder.Write("src/Dockerfile.x", "FROM a\n");

        var run = DflintProcess.RunSyntaxOnly(folder.Path, "src", "src/app/Dockerfile");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "src/app/Dockerfile:1:1: error: unknown instruction: BOGUS [DF0100]",
            "Found 1 problem (1 error, 0 warnings) in 1 file.",
        }));
    }

    [Test]
    public void Bracketed_paths_are_paths()
    {
        using var folder = new TempFolder();
        folder.Write("[id]/Dockerfile", "BOGUS\n");
        folder.Write("[diagram]", "BOGUS\n");

        var run = DflintProcess.RunSyntaxOnly(folder.Path, "[id]", "[diagram]");

        Assert.That(run.StdoutLines, Is.EqualTo(new[]
        {
            "[id]/Dockerfile:1:1: error: unknown instruction: BOGUS [DF0100]",
            "[diagram]:1:1: error: unknown instruction: BOGUS [DF0100]",
            "Found 2 problems (2 errors, 0 warnings) in 2 files.",
        }));
    }

    [Test]
    public void Stdin_uses_the_given_file_name()
    {
        using var folder = new TempFolder();

        var run = DflintProcess.RunSyntaxOnly(folder.Path, Encoding.UTF8.GetBytes("FROM a\nBOGUS\n"), "-", "--stdin-filename", "web/Dockerfile");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines[0], Is.EqualTo("web/Dockerfile:2:1: error: unknown instruction: BOGUS [DF0100]"));
    }

    [Test]
    public void Stdin_without_a_name_is_shown_as_stdin()
    {
        using var folder = new TempFolder();

        var run = DflintProcess.RunSyntaxOnly(folder.Path, Encoding.UTF8.GetBytes("BOGUS\n"), "-");

        Assert.That(run.StdoutLines[0], Is.EqualTo("<stdin>:1:1: error: unknown instruction: BOGUS [DF0100]"));
    }

    [Test]
    public void Missing_path_is_an_io_error_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM a\n");

        var run = DflintProcess.Run(folder.Path, "Dockerfile", "missing/Dockerfile");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo("dflint: error: missing/Dockerfile: no such file or directory\n"));
        Assert.That(run.StdoutBytes, Is.Empty);
    }

    [TestCase("--bogus")]
    [TestCase("-x")]
    public void Unknown_option_is_a_usage_error(string option)
    {
        using var folder = new TempFolder();

        var run = DflintProcess.Run(folder.Path, option);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith($"dflint: error: Unrecognized option '{option}'."));
        Assert.That(run.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void Dash_led_path_after_double_dash_is_a_path()
    {
        using var folder = new TempFolder();
        folder.Write("-odd.Dockerfile", "BOGUS\n");

        var run = DflintProcess.RunSyntaxOnly(folder.Path, "--", "-odd.Dockerfile");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.StdoutLines[0], Does.StartWith("-odd.Dockerfile:1:1: error:"));
    }

    [Test]
    public void Output_is_not_coloured_when_redirected()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "BOGUS\n");

        var run = DflintProcess.Run(folder.Path);

        Assert.That(run.Stdout, Does.Not.Contain("\u001b["));
    }

    [Test]
    public void Version_is_printed()
    {
        using var folder = new TempFolder();

        var run = DflintProcess.Run(folder.Path, "--version");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Stdout, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public void Folder_without_dockerfiles_warns_and_passes()
    {
        using var folder = new TempFolder();
        folder.Write("empty/readme.md", "nothing here\n");

        var run = DflintProcess.Run(folder.Path, "empty");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Stdout, Is.EqualTo("All checks passed: 0 files.\n"));
        Assert.That(run.Stderr, Is.EqualTo("dflint: warning: empty: no Dockerfiles found\n"));
    }
}

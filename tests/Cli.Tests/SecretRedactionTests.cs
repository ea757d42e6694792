namespace Dflint.Cli.Tests;

/// <summary>
/// No output format prints a secret: dflint runs over the secret fixtures (<c>rules/*/fixtures/*.Dockerfile</c>
/// with a <c>.secrets</c> file beside them listing every secret in them) in each format the CLI accepts, and
/// neither standard output nor standard error may contain any listed secret in full.
/// </summary>
public sealed class SecretRedactionTests
{
    private static readonly string s_repositoryRoot = FindRepositoryRoot();

    /// <summary>The fixtures that hold secrets, and the secrets.</summary>
    private static (string[] Dockerfiles, string[] Secrets) SecretFixtures()
    {
        var lists = Directory.GetFiles(Path.Combine(s_repositoryRoot, "rules"), "*.secrets", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var dockerfiles = lists.Select(list => Path.ChangeExtension(list, ".Dockerfile")).ToArray();
        var secrets = lists.SelectMany(File.ReadAllLines).Where(line => line.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return (dockerfiles, secrets);
    }

    /// <summary>
    /// The values <c>--format</c> accepts, read from the CLI itself: an unknown value is refused with the list of
    /// accepted ones, so a format added later is tested without touching this test.
    /// </summary>
    private static string[] OutputFormats()
    {
        using var folder = new TempFolder();
        var run = DflintProcess.Run(folder.Path, "--format", "no-such-format", "--no-config", ".");
        var accepted = run.Stderr[(run.Stderr.IndexOf("Must be one of:", StringComparison.Ordinal) + 1)..]
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 2 && line[0] == '\'' && line[^1] == '\'')
            .Select(line => line[1..^1])
            .ToArray();
        Assert.That(accepted, Does.Contain("text").And.Contain("json"), "the list of formats could not be read from: " + run.Stderr);
        return accepted;
    }

    [Test]
    public void No_output_format_prints_a_secret()
    {
        var (dockerfiles, secrets) = SecretFixtures();
        Assert.That(dockerfiles, Is.Not.Empty);
        Assert.That(secrets, Has.Length.GreaterThan(30));

        foreach (var format in OutputFormats())
        {
            var run = DflintProcess.Run(s_repositoryRoot, ["--no-config", "--select", "ALL", "--format", format, .. dockerfiles]);

            Assert.That(run.ExitCode, Is.EqualTo(1), $"--format {format}: {run.Stderr}");
            Assert.That(run.Stdout, Does.Contain("DF0302"), $"--format {format} reported no DF0302");
            foreach (var secret in secrets)
            {
                Assert.That(run.Stdout, Does.Not.Contain(secret), $"--format {format} printed a secret on standard output");
                Assert.That(run.Stderr, Does.Not.Contain(secret), $"--format {format} printed a secret on standard error");
            }
        }
    }

    [Test]
    public void Text_snippets_show_secrets_redacted_under_their_carets()
    {
        var (dockerfiles, _) = SecretFixtures();
        var tokens = dockerfiles.Single(path => Path.GetFileName(path) == "fail_token_formats.Dockerfile");

        var run = DflintProcess.Run(Path.GetDirectoryName(tokens)!, "--no-config", "--select", "DF0302", "--format", "text", Path.GetFileName(tokens));

        Assert.That(run.Stdout, Does.Contain(
            "fail_token_formats.Dockerfile:6:38: error[DF0302] a GitHub token is hardcoded in the Dockerfile ('ghp_***'): revoke it and pass it at build time with RUN --mount=type=secret\n" +
            "  |\n" +
            "6 | RUN git clone https://x-access-token:ghp_***@github.com/acme/web.git . \\\n" +
            "  |                                      ^^^^^^^\n"));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzer.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Text;
using Dflint.Analysis;
using Dflint.Context;
using Dflint.Rules;

namespace Dflint.Tests.Context;

/// <summary>The build context on disk: which ignore file applies, what the build receives, COPY wildcards, and the rules that need things a committed fixture cannot hold (.git).</summary>
public sealed class BuildContextTests
{
    private string _root = "";

    [SetUp]
    public void CreateFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "dflint-context-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteFolder()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test.
        }
    }

    private string Write(string relativePath, string text = "x\n")
    {
        var full = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    private BuildContext Open(string? dockerfile = "Dockerfile", BuildContextCache? cache = null) =>
        (cache ?? new BuildContextCache()).Get(_root, dockerfile is null ? null : Path.Combine(_root, dockerfile))!;

    [Test]
    public void A_missing_folder_has_no_context() =>
        Assert.That(new BuildContextCache().Get(Path.Combine(_root, "missing"), null), Is.Null);

    [Test]
    public void Without_an_ignore_file_nothing_is_ignored()
    {
        Write("a.txt");
        var context = Open();
        Assert.That((context.HasIgnoreFile, context.IgnoreFileName, context.DockerfileIgnoreFileName), Is.EqualTo((false, ".dockerignore", "Dockerfile.dockerignore")));
        Assert.That(context.IsIgnored("a.txt"), Is.False);
        Assert.That(context.Ignore, Is.SameAs(DockerIgnore.Empty));
    }

    [Test]
    public void The_dockerfile_specific_ignore_file_wins_even_when_empty()
    {
        Write(".dockerignore", "*.md\n");
        Write("docker/api.Dockerfile.dockerignore", "");
        Write("README.md");
        var context = new BuildContextCache().Get(_root, Path.Combine(_root, "docker", "api.Dockerfile"))!;
        Assert.That(context.IgnoreFilePath, Is.EqualTo(Path.Combine(_root, "docker", "api.Dockerfile.dockerignore")));
        Assert.That(context.IgnoreFileName, Is.EqualTo("api.Dockerfile.dockerignore"));
        Assert.That(context.IsIgnored("README.md"), Is.False);

        var other = new BuildContextCache().Get(_root, Path.Combine(_root, "docker", "web.Dockerfile"))!;
        Assert.That(other.IgnoreFileName, Is.EqualTo(".dockerignore"));
        Assert.That(other.IsIgnored("README.md"), Is.True);
    }

    [Test]
    public void Standard_input_without_a_name_reads_only_the_context_ignore_file()
    {
        Write(".dockerignore", "secret\n");
        Write("Dockerfile.dockerignore", "other\n");
        var context = Open(dockerfile: null);
        Assert.That((context.IgnoreFileName, context.DockerfileIgnoreFileName), Is.EqualTo((".dockerignore", (string?)null)));
        Assert.That(context.IsIgnored("secret"), Is.True);
    }

    [Test]
    public void The_cache_shares_one_context_per_folder_and_ignore_file()
    {
        Write(".dockerignore", "x\n");
        var cache = new BuildContextCache();
        var contexts = new BuildContext[16];
        Parallel.For(0, contexts.Length, i => contexts[i] = Open("Dockerfile", cache));
        Assert.That(contexts.Distinct().Count(), Is.EqualTo(1));
        Assert.That(Open("other.Dockerfile", cache), Is.Not.SameAs(contexts[0]), "another Dockerfile name, another message");
    }

    [Test]
    public void The_walk_lists_what_the_build_receives()
    {
        Write(".dockerignore", "docs\n!docs/api\n*.log\n");
        Write(".git/HEAD");
        Write("node_modules/a/index.js");
        Write("src/app.js");
        Write("src/debug.log");
        Write("docs/guide.md");
        Write("docs/api/index.md");
        Write("app.log");
        Write(".venv/pyvenv.cfg");
        Write(".venv/lib/site.py");

        var sent = Open().Sent;

        Assert.That(sent.IsTruncated, Is.False);
        Assert.That(sent.Entries.Select(e => e.Path + (e.IsDirectory ? "/" : "")), Is.EqualTo(new[]
        {
            ".dockerignore", ".git/", ".venv/", "docs/api/", "docs/api/index.md", "node_modules/", "src/", "src/app.js", "src/debug.log",
        }), ".git, node_modules and the virtual environment are listed, not entered; *.log holds only at the root");
        Assert.That(sent.Under("docs").Select(e => e.Path), Is.EqualTo(new[] { "docs/api", "docs/api/index.md" }));
    }

    [Test]
    public void The_walk_stops_at_its_bound()
    {
        for (var i = 0; i < 30; i++) Write($"f{i:D2}.txt");
        var context = new BuildContextCache { MaxWalkedEntries = 10 }.Get(_root, null)!;
        Assert.That((context.Sent.IsTruncated, context.Sent.Entries.Length), Is.EqualTo((true, 10)));
    }

    [Test]
    public void Git_is_seen_as_a_folder_or_a_file()
    {
        Assert.That(Open().HasGit, Is.False);
        Write(".git", "gitdir: ../.git/worktrees/feature\n");
        Assert.That(new BuildContextCache().Get(_root, null)!.HasGit, Is.True);
    }

    [TestCase("package.json", new[] { "package.json" })]
    [TestCase("./src/", new[] { "src" })]
    [TestCase("/src/index.js", new[] { "src/index.js" })]
    [TestCase("../../src", new[] { "src" })]
    [TestCase("missing.txt", new string[0])]
    [TestCase("*.json", new[] { "package-lock.json", "package.json" })]
    [TestCase("*", new[] { ".env", "package-lock.json", "package.json", "packages", "src" })]
    [TestCase("packages/*/package.json", new[] { "packages/a/package.json", "packages/b/package.json" })]
    [TestCase("packages/[ab]", new[] { "packages/a", "packages/b" })]
    [TestCase("packages/[!a]", new[] { "packages/a" })]
    [TestCase("src/?ndex.js", new[] { "src/index.js" })]
    [TestCase("src/\\*.js", new string[0])]
    [TestCase("nothing/*", new string[0])]
    public void Copy_sources_expand_like_buildkit(string source, string[] expected)
    {
        Write(".env");
        Write("package.json");
        Write("package-lock.json");
        Write("src/index.js");
        Write("packages/a/package.json");
        Write("packages/b/package.json");
        Assert.That(Open().ExpandSource(source), Is.EqualTo(expected));
    }

    [TestCase(".env", "TOKEN=1", "an environment file")]
    [TestCase(".env.production", "TOKEN=1", "an environment file")]
    [TestCase(".env.example", "TOKEN=", null)]
    [TestCase(".env.local.example", "TOKEN=", null)]
    [TestCase("tests/.env", "TOKEN=1", null)]
    [TestCase("keys/id_rsa", "x", "an SSH private key")]
    [TestCase("keys/id_rsa.pub", "ssh-rsa AAAA", null)]
    [TestCase("tls/server.key", "-----BEGIN EC PRIVATE KEY-----", "a private key")]
    [TestCase("tls/server.pem", "-----BEGIN CERTIFICATE-----", null)]
    [TestCase(".npmrc", "//registry.npmjs.org/:_authToken=abc", "an .npmrc with a registry token")]
    [TestCase(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}", null)]
    [TestCase(".npmrc", "registry=https://registry.npmjs.org/", null)]
    [TestCase(".aws/credentials", "[default]", "AWS credentials")]
    [TestCase("credentials", "[default]", null)]
    [TestCase(".docker/config.json", "{\"auths\": {\"x\": {\"auth\": \"eA==\"}}}", "Docker registry credentials")]
    [TestCase("gcp-service-account.json", "{\"type\": \"service_account\", \"private_key\": \"x\"}", "a service-account key")]
    [TestCase("package.json", "{\"private_key\": \"x\"}", null)]
    [TestCase("infra/terraform.tfstate", "{}", "Terraform state, which holds secrets in plain text")]
    [TestCase("certs/store.p12", "x", "a PKCS #12 key store")]
    public void Secret_files_are_recognised_by_name_and_marker(string path, string content, string? kind)
    {
        Write(path, content);
        Assert.That(Open().SecretKind(path), Is.EqualTo(kind));
    }

    [Test]
    public void Git_history_sent_by_copy_is_reported()
    {
        Write(".dockerignore", "*.md\n");
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Write("app.py");

        var messages = Lint("FROM python:3.12-slim\nCOPY app.py /srv/\nCOPY . /srv/\n", DF0311DockerignoreMissingEntries.Rule);

        Assert.That(messages, Is.EqualTo(new[]
        {
            "3:6 COPY sends '.git' (the Git history), which .dockerignore does not exclude: add '.git' to it",
        }));
    }

    [Test]
    public void Git_history_left_out_by_the_ignore_file_is_not_reported()
    {
        Write(".dockerignore", ".git\n");
        Write(".git/HEAD", "ref: refs/heads/main\n");
        Assert.That(Lint("FROM alpine:3.20\nCOPY . /srv/\n", DF0311DockerignoreMissingEntries.Rule), Is.Empty);
    }

    [Test]
    public void Rules_are_silent_without_a_context()
    {
        var settings = new LintSettings
        {
            Selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = ["DF031"] }),
            RethrowAnalyzerExceptions = true,
        };
        var result = DockerfileLinter.Lint(Encoding.UTF8.GetBytes("FROM alpine:3.20\nCOPY . /srv/\nCOPY missing /x\n"), "Dockerfile", settings);
        Assert.That(result.Diagnostics, Is.Empty);
    }

    private string[] Lint(string dockerfile, RuleDescriptor rule)
    {
        var settings = new LintSettings
        {
            Selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = [rule.Code] }),
            Options = new AnalyzerOptions { BuildContext = Open() },
            RethrowAnalyzerExceptions = true,
        };
        var result = DockerfileLinter.Lint(Encoding.UTF8.GetBytes(dockerfile), "Dockerfile", settings);
        return [.. result.Diagnostics.Select(d =>
        {
            var start = result.Tree.Text.Lines.GetLinePosition(d.Span.Start);
            return $"{start.Line + 1}:{start.Character + 1} {d.Message}";
        })];
    }
}

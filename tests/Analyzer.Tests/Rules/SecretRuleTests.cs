using System.Text;
using Dflint.Analysis;
using Dflint.Reporting;
using Dflint.Syntax;
using Dflint.Text;

namespace Dflint.Tests.Rules;

/// <summary>
/// DF0300-DF0303 as a whole: every secret a fixture lists (<c>*.secrets</c> beside it) is marked sensitive, and
/// hostile inputs go through the whole linter.
/// </summary>
public sealed class SecretRuleTests
{
    public static IEnumerable<TestCaseData> SecretFixtures() =>
        Directory.GetFiles(RuleFixtureTests.RulesDirectory, "*.secrets", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName("Redacted_" + Path.GetFileNameWithoutExtension(path)));

    /// <summary>The secrets a side file lists, one per line.</summary>
    internal static string[] ReadSecrets(string path) =>
        [.. File.ReadAllLines(path).Where(line => line.Length > 0)];

    [TestCaseSource(nameof(SecretFixtures))]
    public void Every_listed_secret_is_marked_sensitive_and_never_printed(string secretsPath)
    {
        var dockerfile = Path.ChangeExtension(secretsPath, ".Dockerfile");
        var text = File.ReadAllText(dockerfile);
        var tree = DockerfileSyntaxTree.Parse(DockerfileText.Decode(File.ReadAllBytes(dockerfile)), Path.GetFileName(dockerfile));
        var result = DockerfileLinter.Lint(tree, new LintSettings { RethrowAnalyzerExceptions = true });
        var covered = new bool[text.Length];
        foreach (var span in result.SensitiveSpans)
        {
            for (var i = span.Start; i < span.End; i++) covered[i] = true;
        }

        var snippets = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            SourceSnippet.Write(snippets, "Dockerfile", tree.Text, diagnostic, color: false, result.SensitiveSpans);
        }
        foreach (var secret in ReadSecrets(secretsPath))
        {
            var at = text.IndexOf(secret, StringComparison.Ordinal);
            Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{secret}' is not in {dockerfile}");
            for (; at >= 0; at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
            {
                Assert.That(covered.AsSpan(at, secret.Length).Contains(false), Is.False, $"'{secret}' at offset {at} is not marked sensitive");
            }
            Assert.That(snippets.ToString(), Does.Not.Contain(secret));
            Assert.That(result.Diagnostics.Select(d => d.Message), Has.None.Contains(secret));
        }
    }

    /// <summary>
    /// Rule pages are printed too (<c>dflint explain</c>, rule metadata in SARIF), so an example in them must not be
    /// a fixture's secret: the output tests could not tell a leak from the documentation.
    /// </summary>
    [Test]
    public void Rule_pages_do_not_quote_fixture_secrets()
    {
        var secrets = Directory.GetFiles(RuleFixtureTests.RulesDirectory, "*.secrets", SearchOption.AllDirectories).SelectMany(ReadSecrets).ToHashSet(StringComparer.Ordinal);
        foreach (var page in Directory.GetFiles(RuleFixtureTests.RulesDirectory, "rule.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(page);
            Assert.That(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)), Is.Empty, page);
        }
    }

    /// <summary>
    /// Near-matches of every shape, placed where each part of the rules reads them (values, RUN words, heredoc
    /// bodies, COPY destinations, comments). The scanners' linearity is counted in <see cref="SecretScannerTests"/>;
    /// this checks the rules around them take the same inputs through the whole linter without failing.
    /// </summary>
    public static IEnumerable<TestCaseData> HostileFiles()
    {
        const int size = 1 << 18;
        var units = new (string Name, string Unit)[]
        {
            ("Akia", "AKIA"), ("Eyj", "eyJ."), ("Begin", "-----BEGIN RSA PRIVATE KEY-----\\n"), ("UserinfoColons", "a:"),
            ("UserinfoAt", "a:b@"), ("Authorization", "Authorization: Bearer "), ("Password", "password="), ("Word", "Ab1"),
        };
        foreach (var (name, unit) in units)
        {
            var s = SecretScannerTests.Repeated(unit, size);
            var text =
                $"# {s}\n" +
                "FROM alpine:3.20\n" +
                $"ENV API_TOKEN={s} OTHER=\"{s}\"\n" +
                $"ARG PASSWORD={s}\n" +
                $"LABEL api_key=\"{s}\"\n" +
                $"RUN export TOKEN={s} && curl -u user:{s} -H 'Authorization: {s}' --password {s} https://x:{s}@h/ && echo \"password = {s}\" > ~/.pypirc\n" +
                $"RUN cat > /root/.netrc <<EOF\nmachine h login u password {s}\n{s}\nEOF\n" +
                $"COPY <<EOF /root/.npmrc\n//r/:_authToken={s}\n{s}\nEOF\n" +
                $"COPY {s[..Math.Min(s.Length, 4096)]} /app/\n";
            yield return new TestCaseData(text).SetName("Hostile_" + name);
        }
    }

    [TestCaseSource(nameof(HostileFiles))]
    public void Hostile_inputs_go_through_the_linter(string text)
    {
        var tree = DockerfileSyntaxTree.Parse(text, "Dockerfile");
        var settings = new LintSettings
        {
            Selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = ["DF0300", "DF0301", "DF0302", "DF0303"] }),
            RethrowAnalyzerExceptions = true,
        };

        var result = DockerfileLinter.Lint(tree, settings);

        Assert.That(result.Diagnostics.Select(d => d.Code), Has.None.EqualTo(EngineRules.RuleCrashed.Code));
    }
}

using Dflint.Analysis;
using Dflint.Reporting;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Reporting;

/// <summary>Whatever a format copies from the file (snippets, suppression comments, fixes, fingerprints), a secret shows only redacted.</summary>
public sealed class SecretsInReportsTests
{
    private static readonly string s_text =
        "FROM ubuntu\n" +
        $"ENV TOKEN={ReportFixtures.GitHubToken} MODE=1\n" +
        "# dflint ignore=DF9101\n" +
        $"ENV AWS_KEY={ReportFixtures.AwsKey}\n" +
        $"RUN apt-get install -y curl # {ReportFixtures.GitHubToken}\n";

    /// <summary>
    /// The lint result, plus what no rule produces yet: a fix that would write a secret back, and a suppression whose
    /// comment line holds one.
    /// </summary>
    private static ReportedFile Findings()
    {
        var result = ReportFixtures.Lint(s_text, keepSuppressed: true);
        var tokenLine = result.Tree.Text.Lines[1].Span;
        var tokenStart = s_text.IndexOf(ReportFixtures.GitHubToken, StringComparison.Ordinal);
        var commentToken = s_text.LastIndexOf(ReportFixtures.GitHubToken, StringComparison.Ordinal);
        var leakyFix = new CodeFix("Move the token to a build secret", [new TextChange(tokenLine, "ARG TOKEN=" + ReportFixtures.GitHubToken)], FixApplicability.Unsafe);
        var withFix = result.Diagnostics.Single(d => d.Code == "DF9101") with { Fix = leakyFix };
        var suppressedByComment = withFix with
        {
            Fix = null,
            Suppression = new LintSuppression(result.Tree.Text.Lines[4].Span, s_text.Split('\n')[4]),
        };
        var sensitive = result.SensitiveSpans.Add(new TextSpan(commentToken, ReportFixtures.GitHubToken.Length)).Sort((a, b) => a.Start.CompareTo(b.Start));
        Assert.That(sensitive.Any(s => s.Start == tokenStart), "the test rule marks the ENV value");
        return new ReportedFile("Dockerfile", result with
        {
            Diagnostics = [.. result.Diagnostics.Select(d => d.Code == "DF9101" ? withFix : d)],
            SensitiveSpans = sensitive,
            Suppressed = [.. result.Suppressed, suppressedByComment],
        });
    }

    [TestCaseSource(typeof(ReportFixtures), nameof(ReportFixtures.AllFormats))]
    public void No_format_shows_a_whole_secret(ReportFormat format)
    {
        var files = new[] { Findings() };
        Assert.That(files[0].Result.Suppressed, Has.Length.EqualTo(2), "one suppressed by the pragma, one made by hand");

        var output = ReportFixtures.Render(format, files, Path.GetTempPath());

        Assert.That(output, Is.Not.Empty);
        foreach (var tail in ReportFixtures.SecretTails) Assert.That(output, Does.Not.Contain(tail), format.Name);
    }

    [Test]
    public void Sarif_snippets_show_the_redacted_form_and_leave_out_a_fix_that_would_write_the_secret()
    {
        var output = ReportFixtures.Render(new SarifFormat(), [Findings()], Path.GetTempPath());

        Assert.That(output, Does.Contain("ENV TOKEN=ghp_*** MODE=***"));
        Assert.That(output, Does.Contain("# ghp_***"));
        Assert.That(output, Does.Not.Contain("\"fixes\""));
    }
}

using Dflint.Analysis;
using Dflint.Reporting;
using Dflint.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Reporting;

/// <summary><see cref="LintSettings.KeepSuppressed"/>: suppressed findings kept aside with their reason, never counted.</summary>
public sealed class SuppressedFindingsTests
{
    private const string Text = "FROM ubuntu\n# dflint ignore=DL3006\nFROM debian\n  #  hadolint global ignore = DL3008\nRUN apt-get install -y curl\n";

    [Test]
    public void By_default_suppressed_findings_are_dropped()
    {
        var result = ReportFixtures.Lint(Text);

        Assert.That(result.Diagnostics.Select(d => d.Code + "@" + d.Span.Start), Is.EqualTo(new[] { "DL3006@5" }));
        Assert.That(result.Suppressed, Is.Empty);
        Assert.That(result.Diagnostics.Select(d => d.Suppression), Has.All.Null);
    }

    [Test]
    public void Kept_suppressed_findings_carry_the_comment_that_suppresses_them_and_change_nothing_else()
    {
        var plain = ReportFixtures.Lint(Text);
        var kept = ReportFixtures.Lint(Text, keepSuppressed: true);

        Assert.That(kept.Diagnostics, Is.EqualTo(plain.Diagnostics));
        Assert.That(kept.Suppressed.Select(d => d.Code), Is.EqualTo(new[] { "DL3006", "DL3008" }));
        var tag = kept.Suppressed[0].Suppression!;
        Assert.That(tag.Justification, Is.EqualTo("# dflint ignore=DL3006"));
        Assert.That(tag.Span, Is.EqualTo(new TextSpan(12, 22)));
        var global = kept.Suppressed[1].Suppression!;
        Assert.That(global.Justification, Is.EqualTo("#  hadolint global ignore = DL3008"));
        Assert.That(kept.Tree.Text.ToString(global.Span), Is.EqualTo(global.Justification));
        Assert.That(LintSummary.Of([new ReportedFile("Dockerfile", kept)]), Is.EqualTo(LintSummary.Of([new ReportedFile("Dockerfile", plain)])));
        Assert.That(FailureThreshold.Default.IsReachedBy(kept.Diagnostics[0]), Is.True);
    }

    [Test]
    public void A_check_directive_is_the_reason_for_the_BuildKit_checks_it_skips()
    {
        var tree = DockerfileSyntaxTree.Parse("# check=skip=all\nFROM alpine:3\nRUN echo a \\\n\n  && echo b\n", "Dockerfile");

        var result = DockerfileLinter.Lint(tree, new LintSettings { KeepSuppressed = true });

        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Not.Contain("DF0105"));
        var empty = result.Suppressed.Single(d => d.Code == "DF0105");
        Assert.That(empty.Suppression!.Justification, Is.EqualTo("# check=skip=all"));
    }

    [Test]
    public void Suppressions_report_where_the_code_is_written()
    {
        var tree = DockerfileSyntaxTree.Parse(Text, "Dockerfile");
        var suppressions = Suppressions.Read(tree, ReportFixtures.Registry);
        var dl3006 = ReportFixtures.Registry.Find("DL3006")!;

        Assert.That(suppressions.SuppressedAt(dl3006, new TextSpan(5, 6)), Is.Null);
        Assert.That(suppressions.SuppressedAt(dl3006, new TextSpan(40, 6)), Is.EqualTo(new TextSpan(28, 6)));
        Assert.That(suppressions.IsSuppressed(dl3006, new TextSpan(40, 6)), Is.True);
    }
}

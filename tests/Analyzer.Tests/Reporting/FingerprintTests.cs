namespace Dflint.Tests.Reporting;

public sealed class FingerprintTests
{
    private static Dictionary<string, string> Fingerprints(string text, string path = "Dockerfile")
    {
        var result = ReportFixtures.Lint(text);
        var fingerprints = Dflint.Reporting.Fingerprints.Of(path, result, result.Diagnostics);
        return result.Diagnostics.Select((d, i) => (Key: d.Code + " " + result.Tree.Text.ToString(d.Span), Fingerprint: fingerprints[i]))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => string.Join(",", g.Select(p => p.Fingerprint)));
    }

    private const string Original = "FROM ubuntu\nRUN apt-get install -y curl wget\n";

    [Test]
    public void Unrelated_edits_keep_fingerprints()
    {
        var before = Fingerprints(Original);

        string[] edited =
        [
            "# a comment\n\nFROM ubuntu\nRUN apt-get install -y curl wget\n",
            "FROM ubuntu\r\nRUN apt-get install -y curl wget\r\n",
            "FROM   ubuntu\n  RUN apt-get install -y    curl wget\nUSER app\n",
            "FROM ubuntu\nWORKDIR /app\nRUN apt-get install -y curl wget\nCOPY . .\n",
        ];

        foreach (var text in edited) Assert.That(Fingerprints(text), Is.EqualTo(before), text);
    }

    [Test]
    public void Fingerprints_are_32_hex_digits_and_differ_by_rule_text_and_path()
    {
        var before = Fingerprints(Original);

        Assert.That(before.Values, Has.All.Match("^[0-9a-f]{32}$"));
        Assert.That(before.Values, Is.Unique);
        Assert.That(Fingerprints(Original, "other/Dockerfile").Values.Intersect(before.Values), Is.Empty);
        var changedLine = Fingerprints("FROM ubuntu\nRUN apt-get install -y curl wget jq\n");
        Assert.That(changedLine["DL3008 curl"], Is.Not.EqualTo(before["DL3008 curl"]), "the flagged line changed");
        Assert.That(changedLine["DL3006 ubuntu"], Is.EqualTo(before["DL3006 ubuntu"]));
    }

    [Test]
    public void Identical_findings_on_identical_lines_are_numbered_in_file_order()
    {
        var fingerprints = Fingerprints("FROM ubuntu\nRUN apt-get install -y curl\nRUN apt-get install -y curl\n")["DL3008 curl"].Split(',');
        var afterInsert = Fingerprints("FROM ubuntu\nRUN apt-get install -y curl\nRUN true\nRUN apt-get install -y curl\n")["DL3008 curl"].Split(',');

        Assert.That(fingerprints, Has.Length.EqualTo(2).And.Unique);
        Assert.That(afterInsert, Is.EqualTo(fingerprints));
    }

    [Test]
    public void Secrets_are_hashed_only_in_their_redacted_form()
    {
        var result = ReportFixtures.Lint($"FROM ubuntu:1\nENV TOKEN={ReportFixtures.GitHubToken}\n");
        var other = ReportFixtures.Lint("FROM ubuntu:1\nENV TOKEN=ghp_somethingelseentirely\n");

        Assert.That(
            Dflint.Reporting.Fingerprints.Of("Dockerfile", result, result.Diagnostics),
            Is.EqualTo(Dflint.Reporting.Fingerprints.Of("Dockerfile", other, other.Diagnostics)),
            "a secret's hash would let anyone confirm a guess of it; the redacted prefix is all that counts");
    }

    [Test]
    public void Normalize_trims_lines_and_collapses_whitespace()
    {
        Assert.That(Dflint.Reporting.Fingerprints.Normalize("  RUN  a \t b \r\n\n   c  "), Is.EqualTo("RUN a b\n\nc"));
    }
}

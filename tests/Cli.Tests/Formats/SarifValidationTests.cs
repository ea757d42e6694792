using System.Text.Json;

namespace Dflint.Cli.Tests.Formats;

public sealed class SarifValidationTests
{
    [Test]
    public void The_SARIF_of_a_real_run_passes_Microsofts_validator_with_GitHubs_rules()
    {
        using var repository = new SampleRepository();
        using var scratch = new TempFolder();
        var sarif = Path.Combine(scratch.Path, "dflint.sarif");

        var run = DflintProcess.Run(repository.Path, "--format", "sarif", "--include-suppressed", "--output", sarif, ".");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.Stdout, Is.Empty);
        var (findings, console) = SarifValidator.Validate(sarif, scratch.Path);
        var ours = findings.Where(f => f.Uri.EndsWith("/dflint.sarif", StringComparison.Ordinal)).ToList();
        Assert.That(ours.Where(f => f.Level == "error"), Is.Empty, console);
        Assert.That(ours.Where(f => f.Level == "warning"), Is.Empty, console);
        // The validator says nothing at all about a file it could not read into its object model (an unknown
        // enum value, say); its notes are the proof that it did read this one.
        Assert.That(ours.Where(f => f.Level == "note"), Is.Not.Empty, "the validator did not analyse the file:\n" + console);
        Assert.That(File.ReadAllText(sarif), Does.Not.Contain(SampleRepository.SecretTail));
    }

    [Test]
    public void The_validator_catches_what_it_should()
    {
        using var scratch = new TempFolder();
        var broken = scratch.Write("broken.sarif", """
            {"version": "2.1.0", "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
             "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "A1"}]}},
                       "results": [{"ruleId": "A1", "message": {"text": "m."},
                                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a b"}, "region": {"startLine": 0}}}]}]}]}
            """);

        var (findings, console) = SarifValidator.Validate(broken, scratch.Path);

        var errors = findings.Where(f => f.Level == "error").Select(f => f.RuleId).ToList();
        Assert.That(errors, Does.Contain("JSON1008"), console);
        Assert.That(errors, Does.Contain("SARIF1002"), console);
        Assert.That(errors.Any(id => id.StartsWith("GH", StringComparison.Ordinal)), Is.True, "GitHub's rules ran:\n" + console);
    }

    [Test]
    public void Locations_are_relative_to_the_repository_root_even_from_a_subfolder()
    {
        using var repository = new SampleRepository();
        var working = Path.Combine(repository.Path, "services");

        var run = DflintProcess.Run(working, "--format", "sarif", ".");

        using var sarif = JsonDocument.Parse(run.StdoutBytes);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        var uris = sarifRun.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
            .Distinct().ToList();
        Assert.That(uris, Is.EqualTo(new[] { "services/web%20app/Dockerfile" }));
        var root = sarifRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.That(new Uri(root).LocalPath, Is.EqualTo(Path.TrimEndingDirectorySeparator(repository.Path) + "/"));
    }
}

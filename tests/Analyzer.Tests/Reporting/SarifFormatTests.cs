using System.Text.Json;
using Dflint.Analysis;
using Dflint.Reporting;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Reporting;

public sealed class SarifFormatTests
{
    private static JsonElement Run(IReadOnlyList<ReportedFile> files, string workingDirectory)
    {
        var output = ReportFixtures.Render(new SarifFormat(), files, workingDirectory);
        return JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].Clone();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Test]
    public void The_driver_lists_every_rule_and_results_point_at_theirs()
    {
        using var repository = new ScratchFolder(withGit: true);
        var run = Run([new ReportedFile("Dockerfile", ReportFixtures.Lint("FROM ubuntu\nRUN apt-get install -y curl\n"))], repository.Path);

        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("dflint"));
        Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo("1.2.3"));
        Assert.That(driver.GetProperty("semanticVersion").GetString(), Is.EqualTo("1.2.3"));
        Assert.That(driver.GetProperty("informationUri").GetString(), Is.EqualTo(SarifFormat.InformationUri));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(ReportFixtures.Registry.Rules.Select(r => r.Code)));

        var pin = rules.Single(r => r.GetProperty("id").GetString() == "DL3008");
        Assert.That(pin.GetProperty("name").GetString(), Is.EqualTo("AptGetPinVersions"));
        Assert.That(pin.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo("Unpinned package in apt-get install."));
        Assert.That(pin.GetProperty("fullDescription").GetProperty("text").GetString(), Does.StartWith("Reports each package of an `apt-get install`"));
        Assert.That(pin.GetProperty("help").GetProperty("markdown").GetString(), Does.StartWith("# DL3008 apt-get-pin-versions"));
        Assert.That(pin.GetProperty("helpUri").GetString(), Is.EqualTo("https://github.com/dflint/dflint/blob/main/rules/DL3008-apt-get-pin-versions/rule.md"));
        Assert.That(pin.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("warning"));
        Assert.That(Strings(pin.GetProperty("properties").GetProperty("tags")), Is.EqualTo(new[] { "Packages" }));
        var syntax = rules.Single(r => r.GetProperty("id").GetString() == "DF0105");
        Assert.That(Strings(syntax.GetProperty("properties").GetProperty("tags")), Is.EqualTo(new[] { "Syntax", "NoEmptyContinuation" }));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("ruleId").GetString()), Is.EqualTo(new[] { "DL3006", "DL3008" }));
        foreach (var result in results)
        {
            Assert.That(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo(result.GetProperty("ruleId").GetString()));
            Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("warning"));
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Does.EndWith("."));
        }
        Assert.That(run.GetProperty("columnKind").GetString(), Is.EqualTo("utf16CodeUnits"));
        Assert.That(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(RepositoryPaths.FileUri(repository.Path) + "/"));
    }

    [Test]
    public void Regions_are_one_based_in_UTF16_units_with_the_exact_text_and_the_whole_lines_around_it()
    {
        using var repository = new ScratchFolder(withGit: true);
        var text = "FROM ubuntu\r\nRUN echo \"h\u00e9llo \U0001F600\" && apt-get install -y curl\r\n";
        var run = Run([new ReportedFile("Dockerfile", ReportFixtures.Lint(text))], repository.Path);

        var location = run.GetProperty("results")[1].GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.GetProperty("region");
        var column = "RUN echo \"h\u00e9llo \U0001F600\" && apt-get install -y ".Length + 1;
        Assert.That(region.GetProperty("startLine").GetInt32(), Is.EqualTo(2));
        Assert.That(region.GetProperty("startColumn").GetInt32(), Is.EqualTo(column));
        Assert.That(region.GetProperty("endLine").GetInt32(), Is.EqualTo(2));
        Assert.That(region.GetProperty("endColumn").GetInt32(), Is.EqualTo(column + 4));
        Assert.That(region.GetProperty("snippet").GetProperty("text").GetString(), Is.EqualTo("curl"));
        var context = location.GetProperty("contextRegion");
        Assert.That(context.GetProperty("startColumn").GetInt32(), Is.EqualTo(1));
        Assert.That(context.GetProperty("snippet").GetProperty("text").GetString(), Is.EqualTo("RUN echo \"h\u00e9llo \U0001F600\" && apt-get install -y curl"));
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("Dockerfile"));
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
    }

    [Test]
    public void Paths_are_relative_to_the_repository_root_above_the_working_directory_and_absolute_outside_it()
    {
        using var repository = new ScratchFolder(withGit: true);
        using var elsewhere = new ScratchFolder(withGit: false);
        var working = Directory.CreateDirectory(Path.Combine(repository.Path, "services", "api")).FullName;
        var outside = Path.Combine(elsewhere.Path, "my file", "Dockerfile");
        var run = Run(
        [
            new ReportedFile("Dockerfile", ReportFixtures.Lint("FROM ubuntu\n")),
            new ReportedFile(Path.Combine("docker", "web app.Dockerfile"), ReportFixtures.Lint("FROM ubuntu\n")),
            new ReportedFile(outside, ReportFixtures.Lint("FROM ubuntu\n")),
        ], working);

        var locations = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToList();
        Assert.That(locations[0].GetProperty("uri").GetString(), Is.EqualTo("services/api/Dockerfile"));
        Assert.That(locations[1].GetProperty("uri").GetString(), Is.EqualTo("services/api/docker/web%20app.Dockerfile"));
        Assert.That(locations[2].GetProperty("uri").GetString(), Is.EqualTo(RepositoryPaths.FileUri(outside)));
        Assert.That(locations[2].GetProperty("uri").GetString(), Does.StartWith("file:///").And.Contain("/my%20file/"));
        Assert.That(locations[2].TryGetProperty("uriBaseId", out _), Is.False);
    }

    [Test]
    public void Without_git_the_working_directory_is_the_root()
    {
        using var folder = new ScratchFolder(withGit: false);
        var paths = new RepositoryPaths(folder.Path);

        Assert.That(paths.Root, Is.EqualTo(Path.TrimEndingDirectorySeparator(folder.Path)));
        Assert.That(paths.RootUri, Does.StartWith("file:///").And.EndWith("/"));
    }

    [Test]
    public void A_fix_becomes_replacements_of_deleted_regions()
    {
        using var repository = new ScratchFolder(withGit: true);
        var result = ReportFixtures.Lint("FROM ubuntu\nRUN apt-get install -y curl\n");
        var curl = result.Diagnostics.Single(d => d.Code == "DL3008");
        var fix = new CodeFix("Pin curl", [new TextChange(new TextSpan(curl.Span.End, 0), "=8.5.0-2"), new TextChange(new TextSpan(16, 7), "install")], FixApplicability.Unsafe);
        result = result with { Diagnostics = [.. result.Diagnostics.Select(d => d == curl ? d with { Fix = fix } : d)] };

        var sarif = Run([new ReportedFile("Dockerfile", result)], repository.Path).GetProperty("results")[1];

        var fixJson = sarif.GetProperty("fixes")[0];
        Assert.That(fixJson.GetProperty("description").GetProperty("text").GetString(), Is.EqualTo("Pin curl."));
        var change = fixJson.GetProperty("artifactChanges")[0];
        Assert.That(change.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("Dockerfile"));
        var replacements = change.GetProperty("replacements").EnumerateArray().ToList();
        Assert.That(replacements, Has.Count.EqualTo(2));
        var first = replacements[0].GetProperty("deletedRegion");
        Assert.That((first.GetProperty("startLine").GetInt32(), first.GetProperty("startColumn").GetInt32(), first.GetProperty("endColumn").GetInt32()), Is.EqualTo((2, 5, 12)));
        Assert.That(replacements[0].GetProperty("insertedContent").GetProperty("text").GetString(), Is.EqualTo("install"));
        var second = replacements[1].GetProperty("deletedRegion");
        Assert.That((second.GetProperty("startColumn").GetInt32(), second.GetProperty("endColumn").GetInt32()), Is.EqualTo((28, 28)));
        Assert.That(replacements[1].GetProperty("insertedContent").GetProperty("text").GetString(), Is.EqualTo("=8.5.0-2"));
        Assert.That(fixJson.GetProperty("properties").GetProperty("applicability").GetString(), Is.EqualTo("Unsafe"));
    }

    [Test]
    public void Suppressed_findings_are_results_with_an_in_source_suppression()
    {
        using var repository = new ScratchFolder(withGit: true);
        var text = "# hadolint ignore=DL3006\nFROM ubuntu\n";
        var kept = Run([new ReportedFile("Dockerfile", ReportFixtures.Lint(text, keepSuppressed: true))], repository.Path);
        var dropped = Run([new ReportedFile("Dockerfile", ReportFixtures.Lint(text))], repository.Path);

        Assert.That(dropped.GetProperty("results").GetArrayLength(), Is.Zero);
        var result = kept.GetProperty("results").EnumerateArray().Single();
        Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("DL3006"));
        var suppression = result.GetProperty("suppressions").EnumerateArray().Single();
        Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("inSource"));
        Assert.That(suppression.GetProperty("status").GetString(), Is.EqualTo("accepted"));
        Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("# hadolint ignore=DL3006"));
        var region = suppression.GetProperty("location").GetProperty("physicalLocation").GetProperty("region");
        Assert.That((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()), Is.EqualTo((1, 1, 25)));
    }

    [Test]
    public void Levels_are_error_warning_and_note_for_info_and_style()
    {
        using var repository = new ScratchFolder(withGit: true);
        var result = ReportFixtures.Lint("FROM ubuntu\n");
        var diagnostic = result.Diagnostics[0];
        result = result with
        {
            Diagnostics =
            [
                diagnostic with { Severity = Microsoft.CodeAnalysis.DiagnosticSeverity.Error },
                diagnostic with { Severity = Microsoft.CodeAnalysis.DiagnosticSeverity.Info },
                diagnostic with { Severity = Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden },
            ],
        };

        var levels = Run([new ReportedFile("Dockerfile", result)], repository.Path).GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("level").GetString(), r.GetProperty("properties").GetProperty("dflintSeverity").GetString()));

        Assert.That(levels, Is.EqualTo(new[] { ("error", "error"), ("note", "info"), ("note", "style") }));
    }

    [Test]
    public void A_rule_missing_from_the_options_is_added_to_the_table()
    {
        using var repository = new ScratchFolder(withGit: true);
        var result = ReportFixtures.Lint("FROM ubuntu\n");
        using var stream = new MemoryStream();
        new SarifFormat().Write(stream, [new ReportedFile("Dockerfile", result)], ReportFixtures.Options(repository.Path) with { Rules = [] });

        var run = JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("runs")[0];
        Assert.That(run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString(), Is.EqualTo("DL3006"));
        Assert.That(run.GetProperty("results")[0].GetProperty("ruleIndex").GetInt32(), Is.Zero);
    }
}

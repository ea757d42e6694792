using System.Text.Json;
using System.Xml.Linq;
using Dflint.Reporting;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Reporting;

/// <summary>The details of each format that a whole report does not pin down: ranges, escaping, column bases.</summary>
public sealed class TextFormatsTests
{
    [TestCase("FROM abc\n", 5, 3, "1.6-8")]
    [TestCase("FROM abc\n", 5, 0, "1.6")]
    [TestCase("FROM abc\n", 5, 1, "1.6-6")]
    [TestCase("\tFROM x\n", 6, 1, "1.14-14")]
    [TestCase("a\tb\n", 2, 1, "1.9-9")]
    [TestCase("\u65e5\u672cx\n", 2, 1, "1.5-5")]
    [TestCase("\u65e5\u672cx\n", 0, 2, "1.1-4")]
    [TestCase("e\u0301x\n", 2, 1, "1.2-2")]
    [TestCase("a\U0001F600b\n", 1, 2, "1.2-3")]
    [TestCase("a\U0001F600b\n", 3, 1, "1.4-4")]
    [TestCase("RUN a \\\n  b\n", 4, 7, "1.5-2.3")]
    public void Gnu_ranges_use_display_columns_and_an_inclusive_end(string text, int start, int length, string expected)
    {
        Assert.That(GnuFormat.Range(SourceText.From(text), new TextSpan(start, length)), Is.EqualTo(expected));
    }

    [Test]
    public void Gnu_lines_name_severity_and_code()
    {
        var output = ReportFixtures.Render(new GnuFormat(), [new ReportedFile("api/Dockerfile", ReportFixtures.Lint("FROM ubuntu\n"))], Path.GetTempPath());

        Assert.That(output, Is.EqualTo("api/Dockerfile:1.6-11: warning: image 'ubuntu' has no tag: pin a version, as in 'ubuntu:<version>' [DL3006]\n"));
    }

    [Test]
    public void GitHub_escapes_data_and_properties_as_the_runner_reads_them()
    {
        Assert.That(GitHubFormat.EscapeData("50% done\r\nnext: a,b"), Is.EqualTo("50%25 done%0D%0Anext: a,b"));
        Assert.That(GitHubFormat.EscapeProperty("dir:x,y/100%.Dockerfile"), Is.EqualTo("dir%3Ax%2Cy/100%25.Dockerfile"));
    }

    [Test]
    public void GitHub_commands_are_relative_to_the_repository_and_drop_the_end_column_across_lines()
    {
        using var repository = new ScratchFolder(withGit: true);
        var working = Directory.CreateDirectory(Path.Combine(repository.Path, "a,b")).FullName;
        var result = ReportFixtures.Lint("FROM ubuntu:1\nENV A=1 \\\n  B=2\n");

        var output = ReportFixtures.Render(new GitHubFormat(), [new ReportedFile("Dockerfile", result)], working);

        Assert.That(output, Is.EqualTo("::error file=a%2Cb/Dockerfile,line=2,col=1,endLine=3,title=DF9101 secret-in-env::ENV A, B holds a secret\n"));
    }

    [Test]
    public void Checkstyle_replaces_what_XML_cannot_carry()
    {
        Assert.That(CheckstyleFormat.XmlSafe("a\u0001b\uDCE9c\U0001F600d\te"), Is.EqualTo("a\uFFFDb\uFFFDc\U0001F600d\te"));
        Assert.That(CheckstyleFormat.XmlSafe("plain"), Is.SameAs("plain"));
    }

    [Test]
    public void Checkstyle_lists_every_file_with_its_errors()
    {
        var files = new[]
        {
            new ReportedFile("clean/Dockerfile", ReportFixtures.Lint("FROM ubuntu:1\n")),
            new ReportedFile("Dockerfile", ReportFixtures.Lint("FROM ubuntu\nRUN apt-get install -y \"a<b&c\"\n")),
        };

        var xml = XDocument.Parse(ReportFixtures.Render(new CheckstyleFormat(), files, Path.GetTempPath()));

        Assert.That(xml.Root!.Attribute("version")!.Value, Is.EqualTo("4.3"));
        Assert.That(xml.Root.Elements("file").Select(f => f.Attribute("name")!.Value), Is.EqualTo(new[] { "clean/Dockerfile", "Dockerfile" }));
        var errors = xml.Root.Elements("file").Last().Elements("error").ToList();
        Assert.That(errors.Select(e => e.Attribute("source")!.Value), Is.EqualTo(new[] { "dflint.DL3006", "dflint.DL3008" }));
        Assert.That(errors[1].Attribute("message")!.Value, Is.EqualTo("package 'a<b&c' is not pinned in apt-get install: use a<b&c=<version>"));
        Assert.That((errors[1].Attribute("line")!.Value, errors[1].Attribute("column")!.Value, errors[1].Attribute("severity")!.Value), Is.EqualTo(("2", "24", "warning")));
    }

    [Test]
    public void SonarQube_columns_are_zero_based_and_an_empty_span_marks_its_line()
    {
        var result = ReportFixtures.Lint("FROM ubuntu\n");
        result = result with { Diagnostics = [result.Diagnostics[0], result.Diagnostics[0] with { Span = new TextSpan(5, 0) }] };

        var json = JsonDocument.Parse(ReportFixtures.Render(new SonarQubeFormat(), [new ReportedFile("Dockerfile", result)], Path.GetTempPath())).RootElement;

        var ranges = json.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("primaryLocation").GetProperty("textRange")).ToList();
        Assert.That(ranges[0].GetProperty("startColumn").GetInt32(), Is.EqualTo(5));
        Assert.That(ranges[0].GetProperty("endColumn").GetInt32(), Is.EqualTo(11));
        Assert.That(ranges[1].TryGetProperty("startColumn", out _), Is.False);
        Assert.That(ranges[1].GetProperty("startLine").GetInt32(), Is.EqualTo(1));
        var rule = json.GetProperty("rules").EnumerateArray().Single();
        Assert.That(rule.GetProperty("id").GetString(), Is.EqualTo("DL3006"));
        Assert.That(rule.GetProperty("engineId").GetString(), Is.EqualTo("dflint"));
        Assert.That(rule.GetProperty("impacts")[0].GetProperty("severity").GetString(), Is.EqualTo("MEDIUM"));
    }

    [Test]
    public void Code_Climate_categories_follow_the_rule_category()
    {
        var security = ReportFixtures.Lint("FROM ubuntu:1\nENV A=1\n").Diagnostics.Single();
        var packages = ReportFixtures.Lint("FROM ubuntu:1\nRUN apt-get install -y curl\n").Diagnostics.Single();

        Assert.That(CodeQuality.Categories(security), Is.EqualTo(new[] { "Security" }));
        Assert.That(CodeQuality.Categories(packages), Is.EqualTo(new[] { "Bug Risk" }));
        Assert.That(CodeQuality.Categories(packages with { Severity = Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden }), Is.EqualTo(new[] { "Bug Risk", "Style" }));
    }
}

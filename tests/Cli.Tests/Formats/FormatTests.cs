using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Dflint.Cli.Tests.Formats;

/// <summary>Every <c>--format</c> over the same repository through the real CLI, each checked against its specification's shape.</summary>
public sealed class FormatTests
{
    private static readonly string[] s_formats = ["text", "concise", "json", "sarif", "checkstyle", "codeclimate", "gitlab", "gnu", "github", "sonarqube"];

    /// <summary>The number of findings in the sample repository, as the JSON report counts them.</summary>
    private static int ExpectedCount(string folder)
    {
        var run = DflintProcess.Run(folder, "--format", "json", ".");
        using var json = JsonDocument.Parse(run.StdoutBytes);
        var count = json.RootElement.GetProperty("diagnostics").GetArrayLength();
        Assert.That(count, Is.GreaterThan(10), "several rules fire in the sample");
        return count;
    }

    [Test]
    public void The_format_list_is_the_documented_one()
    {
        using var folder = new TempFolder();
        var help = DflintProcess.Run(folder.Path, "--help");

        foreach (var format in s_formats) Assert.That(help.Stdout, Does.Contain(format + ":"), format);
    }

    [TestCaseSource(nameof(s_formats))]
    public void Every_format_reports_the_same_run_with_the_same_exit_code_and_no_whole_secret(string format)
    {
        using var repository = new SampleRepository();

        var run = DflintProcess.Run(repository.Path, "--format", format, ".");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        Assert.That(run.Stdout, Does.Not.Contain(SampleRepository.SecretTail));
        Assert.That(run.StdoutBytes, Is.Not.Empty);
    }

    /// <summary>A small XSD for checkstyle 4.3 as its writers and readers use it (checkstyle itself publishes none).</summary>
    private const string CheckstyleSchema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="checkstyle">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="file" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="error" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:attribute name="line" type="xs:positiveInteger" use="required" />
                          <xs:attribute name="column" type="xs:positiveInteger" />
                          <xs:attribute name="severity" use="required">
                            <xs:simpleType>
                              <xs:restriction base="xs:string">
                                <xs:enumeration value="error" />
                                <xs:enumeration value="warning" />
                                <xs:enumeration value="info" />
                                <xs:enumeration value="ignore" />
                              </xs:restriction>
                            </xs:simpleType>
                          </xs:attribute>
                          <xs:attribute name="message" type="xs:string" use="required" />
                          <xs:attribute name="source" type="xs:string" use="required" />
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                    <xs:attribute name="name" type="xs:string" use="required" />
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="version" type="xs:string" use="required" />
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """;

    [Test]
    public void Checkstyle_is_valid_XML_against_the_checkstyle_schema()
    {
        using var repository = new SampleRepository();
        var run = DflintProcess.Run(repository.Path, "--format", "checkstyle", ".");

        var schemas = new XmlSchemaSet();
        schemas.Add(null, XmlReader.Create(new StringReader(CheckstyleSchema)));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(run.StdoutBytes), settings))
        {
            while (reader.Read())
            {
            }
        }
        Assert.That(problems, Is.Empty, run.Stdout);

        var xml = XDocument.Load(new MemoryStream(run.StdoutBytes));
        Assert.That(xml.Root!.Attribute("version")!.Value, Is.EqualTo("4.3"));
        Assert.That(xml.Root.Elements("file").Select(f => f.Attribute("name")!.Value), Is.EqualTo(new[] { "Dockerfile", "odd/bad.Dockerfile", "services/web app/Dockerfile" }));
        var errors = xml.Descendants("error").ToList();
        Assert.That(errors, Has.Count.EqualTo(ExpectedCount(repository.Path)));
        Assert.That(errors.Select(e => e.Attribute("source")!.Value), Has.All.Match("^dflint\\.[A-Z]{2}\\d{4}$"));
        var messages = errors.Select(e => e.Attribute("message")!.Value).ToList();
        Assert.That(messages, Has.Some.Contains("'a<b&c\"d'"), "XML's special characters survive escaping");
        Assert.That(messages, Has.Some.Contains("caf\uFFFD").And.Some.Contains("cu\uFFFDrl"), "what XML cannot hold is replaced");
        Assert.That(messages, Has.Some.Contains("x\U0001F600y"));
    }

    private static readonly HashSet<string> s_codeClimateCategories = ["Bug Risk", "Clarity", "Compatibility", "Complexity", "Duplication", "Performance", "Security", "Style"];

    private static readonly HashSet<string> s_codeQualitySeverities = ["info", "minor", "major", "critical", "blocker"];

    /// <summary>Code Climate's issue, as its specification lists the fields; GitLab's required subset when <paramref name="gitlab"/>.</summary>
    private static List<string> CodeQualityProblems(JsonElement root, bool gitlab)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Array) return ["the report is not an array"];
        HashSet<string> allowed = gitlab
            ? ["description", "check_name", "fingerprint", "severity", "location"]
            : ["type", "check_name", "description", "content", "categories", "location", "other_locations", "trace", "remediation_points", "severity", "fingerprint"];
        var fingerprints = new HashSet<string>();
        var index = 0;
        foreach (var issue in root.EnumerateArray())
        {
            void Problem(string text) => problems.Add($"[{index}] {text}");
            foreach (var property in issue.EnumerateObject())
            {
                if (!allowed.Contains(property.Name)) Problem("unexpected field " + property.Name);
            }
            string? String(JsonElement element, string name) =>
                element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            int Number(JsonElement element, string name) =>
                element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : -1;

            if (!gitlab && String(issue, "type") != "issue") Problem("type is not 'issue'");
            if (string.IsNullOrEmpty(String(issue, "check_name"))) Problem("no check_name");
            var description = String(issue, "description");
            if (string.IsNullOrEmpty(description) || description.Contains('\n') || description.Contains('\r')) Problem("description missing or not one line");
            if (!s_codeQualitySeverities.Contains(String(issue, "severity") ?? "")) Problem("bad severity");
            var fingerprint = String(issue, "fingerprint");
            if (fingerprint is null || !fingerprints.Add(fingerprint)) Problem("fingerprint missing or repeated");
            if (!gitlab)
            {
                if (!issue.TryGetProperty("categories", out var categories) || categories.GetArrayLength() == 0
                    || categories.EnumerateArray().Any(c => !s_codeClimateCategories.Contains(c.GetString() ?? "")))
                {
                    Problem("categories missing or unknown");
                }
                if (issue.TryGetProperty("content", out var content) && String(content, "body") is null) Problem("content without body");
            }
            if (!issue.TryGetProperty("location", out var location))
            {
                Problem("no location");
                continue;
            }
            var path = String(location, "path");
            if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Contains('\\')) Problem("path is not relative with forward slashes: " + path);
            if (gitlab)
            {
                if (!location.TryGetProperty("lines", out var lines) || Number(lines, "begin") < 1 || Number(lines, "end") < Number(lines, "begin")) Problem("bad lines");
            }
            else if (location.TryGetProperty("positions", out var positions) && positions.TryGetProperty("begin", out var begin) && positions.TryGetProperty("end", out var end))
            {
                if (Number(begin, "line") < 1 || Number(begin, "column") < 1 || Number(end, "line") < Number(begin, "line") || Number(end, "column") < 1) Problem("bad positions");
            }
            else
            {
                Problem("no positions");
            }
            index++;
        }
        return problems;
    }

    [TestCase("codeclimate")]
    [TestCase("gitlab")]
    public void Code_quality_reports_follow_their_specification(string format)
    {
        using var repository = new SampleRepository();
        var run = DflintProcess.Run(repository.Path, "--format", format, ".");

        using var json = JsonDocument.Parse(run.StdoutBytes);
        Assert.That(CodeQualityProblems(json.RootElement, gitlab: format == "gitlab"), Is.Empty, run.Stdout);
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(ExpectedCount(repository.Path)));
        var paths = json.RootElement.EnumerateArray().Select(i => i.GetProperty("location").GetProperty("path").GetString()).Distinct();
        Assert.That(paths, Is.EquivalentTo(new[] { "Dockerfile", "odd/bad.Dockerfile", "services/web app/Dockerfile" }));
    }

    [Test]
    public void Fingerprints_survive_an_edit_above_the_finding()
    {
        using var repository = new SampleRepository();
        var before = DflintProcess.Run(repository.Path, "--format", "gitlab", ".");
        File.WriteAllText(Path.Combine(repository.Path, "Dockerfile"), "# a new comment line\n\n" + SampleRepository.MainDockerfile);
        var after = DflintProcess.Run(repository.Path, "--format", "gitlab", ".");

        static string[] Fingerprints(DflintRun run) =>
            [.. JsonDocument.Parse(run.StdoutBytes).RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()!)];
        static int[] Lines(DflintRun run) =>
            [.. JsonDocument.Parse(run.StdoutBytes).RootElement.EnumerateArray().Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32())];
        Assert.That(Fingerprints(after), Is.EqualTo(Fingerprints(before)));
        Assert.That(Lines(after), Is.Not.EqualTo(Lines(before)));
    }

    [Test]
    public void Gnu_lines_have_GNU_ranges()
    {
        using var repository = new SampleRepository();
        var run = DflintProcess.Run(repository.Path, "--format", "gnu", ".");

        var lines = run.StdoutLines;
        var findings = lines.SkipLast(1).ToList();
        Assert.That(findings, Has.Count.EqualTo(ExpectedCount(repository.Path)));
        Assert.That(findings, Has.All.Match(@"^[^:]+:\d+\.\d+(-(\d+\.)?\d+)?: (error|warning|info|note): .+ \[[A-Z]{2}\d{4}\]$"));
        Assert.That(lines[^1], Does.StartWith("Found "));
        // The sudo after a wide text: 日本 and the emoji take two columns each.
        Assert.That(findings, Has.Some.StartsWith("Dockerfile:6.35-38: error: "));
        Assert.That(findings, Has.Some.StartsWith("services/web app/Dockerfile:2.17-23: warning: "));
    }

    [Test]
    public void GitHub_commands_are_well_formed_with_repository_paths()
    {
        using var repository = new SampleRepository();
        var run = DflintProcess.Run(Path.Combine(repository.Path, "services"), "--format", "github", ".");
        var all = DflintProcess.Run(repository.Path, "--format", "github", ".");

        Assert.That(all.StdoutLines, Has.Length.EqualTo(ExpectedCount(repository.Path)));
        Assert.That(all.StdoutLines, Has.All.Match(@"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+(,endColumn=\d+)?,title=[A-Z]{2}\d{4} [a-z0-9-]+::[^\r\n]+$"));
        Assert.That(run.StdoutLines, Has.All.Contains("file=services/web app/Dockerfile,"));
        Assert.That(all.StdoutLines, Has.Some.Contains("cu\u0001rl"), "data needs no escaping beyond %, CR and LF");
    }

    private static readonly HashSet<string> s_cleanCodeAttributes =
        ["FORMATTED", "CONVENTIONAL", "IDENTIFIABLE", "CLEAR", "LOGICAL", "COMPLETE", "EFFICIENT", "FOCUSED", "DISTINCT", "MODULAR", "TESTED", "LAWFUL", "TRUSTWORTHY", "RESPECTFUL"];

    [Test]
    public void SonarQube_issues_fit_the_generic_import_format_and_the_lines_they_point_at()
    {
        using var repository = new SampleRepository();
        var run = DflintProcess.Run(repository.Path, "--format", "sonarqube", ".");

        using var json = JsonDocument.Parse(run.StdoutBytes);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        Assert.That(ruleIds, Has.Count.EqualTo(rules.Count));
        foreach (var rule in rules)
        {
            foreach (var field in new[] { "name", "description", "engineId" }) Assert.That(rule.GetProperty(field).GetString(), Is.Not.Empty);
            Assert.That(s_cleanCodeAttributes, Does.Contain(rule.GetProperty("cleanCodeAttribute").GetString()));
            var impact = rule.GetProperty("impacts").EnumerateArray().Single();
            Assert.That(impact.GetProperty("softwareQuality").GetString(), Is.AnyOf("SECURITY", "RELIABILITY", "MAINTAINABILITY"));
            Assert.That(impact.GetProperty("severity").GetString(), Is.AnyOf("HIGH", "MEDIUM", "LOW"));
        }
        var issues = json.RootElement.GetProperty("issues").EnumerateArray().ToList();
        Assert.That(issues, Has.Count.EqualTo(ExpectedCount(repository.Path)));
        foreach (var issue in issues)
        {
            Assert.That(ruleIds, Does.Contain(issue.GetProperty("ruleId").GetString()));
            var location = issue.GetProperty("primaryLocation");
            Assert.That(location.GetProperty("message").GetString(), Is.Not.Empty);
            var file = File.ReadAllText(Path.Combine(repository.Path, location.GetProperty("filePath").GetString()!));
            // Sonar's own line split, and its rule that a range starts before it ends and stays inside its lines.
            var lines = file.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
            var range = location.GetProperty("textRange");
            var startLine = range.GetProperty("startLine").GetInt32();
            var endLine = range.GetProperty("endLine").GetInt32();
            Assert.That(startLine, Is.InRange(1, lines.Length));
            Assert.That(endLine, Is.InRange(startLine, lines.Length));
            var startColumn = range.GetProperty("startColumn").GetInt32();
            var endColumn = range.GetProperty("endColumn").GetInt32();
            Assert.That(startColumn, Is.InRange(0, lines[startLine - 1].Length));
            Assert.That(endColumn, Is.InRange(0, lines[endLine - 1].Length));
            Assert.That((endLine, endColumn), Is.Not.EqualTo((startLine, startColumn)));
        }
        var sudo = issues.Single(i => i.GetProperty("ruleId").GetString() == "DL3004").GetProperty("primaryLocation").GetProperty("textRange");
        var line6 = SampleRepository.MainDockerfile.Split('\n')[5];
        Assert.That(sudo.GetProperty("startColumn").GetInt32(), Is.EqualTo(line6.IndexOf("sudo", StringComparison.Ordinal)));
    }

    [Test]
    public void Suppressed_findings_appear_only_when_asked_and_never_count()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "# dflint ignore=DL3006\nFROM ubuntu\nUSER app\n");

        var plain = DflintProcess.Run(folder.Path, "--format", "json", ".");
        var kept = DflintProcess.Run(folder.Path, "--format", "json", "--include-suppressed", ".");
        var text = DflintProcess.Run(folder.Path, "--include-suppressed", ".");

        Assert.That(plain.ExitCode, Is.Zero, plain.Stderr);
        Assert.That(kept.ExitCode, Is.Zero, kept.Stderr);
        using var plainJson = JsonDocument.Parse(plain.StdoutBytes);
        using var keptJson = JsonDocument.Parse(kept.StdoutBytes);
        Assert.That(plainJson.RootElement.TryGetProperty("suppressed", out _), Is.False);
        var suppressed = keptJson.RootElement.GetProperty("suppressed").EnumerateArray().Single();
        Assert.That(suppressed.GetProperty("code").GetString(), Is.EqualTo("DL3006"));
        Assert.That(suppressed.GetProperty("suppressedBy").GetString(), Is.EqualTo("# dflint ignore=DL3006"));
        Assert.That(keptJson.RootElement.GetProperty("diagnostics").GetArrayLength(), Is.Zero);
        Assert.That(keptJson.RootElement.GetProperty("summary").ToString(), Is.EqualTo(plainJson.RootElement.GetProperty("summary").ToString()));
        Assert.That(text.Stdout, Is.EqualTo("All checks passed: 1 file.\n"));
    }

    [Test]
    public void Output_to_a_file_works_for_structured_formats()
    {
        using var repository = new SampleRepository();
        using var scratch = new TempFolder();
        var target = Path.Combine(scratch.Path, "report.xml");

        var run = DflintProcess.Run(repository.Path, "--format", "checkstyle", "-o", target, ".");

        Assert.That(run.Stdout, Is.Empty);
        Assert.That(XDocument.Load(target).Descendants("error").Count(), Is.EqualTo(ExpectedCount(repository.Path)));
    }

    [Test]
    public void Every_structured_format_has_a_section_in_the_docs()
    {
        var docs = File.ReadAllText(Path.Combine(SarifValidator.RepositoryRoot(), "docs", "OUTPUT-FORMATS.md"));

        foreach (var format in s_formats) Assert.That(Regex.IsMatch(docs, $"^## `{format}`", RegexOptions.Multiline), Is.True, format);
    }
}

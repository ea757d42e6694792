using System.Text.Json;
using Dflint.Context;

namespace Dflint.Tests.Context;

/// <summary>
/// The <c>.dockerignore</c> matcher against the case table in <c>dockerignore-cases.json</c>. Every expectation in
/// that table was also checked against Docker's own code (BuildKit's ignore-file reader and moby's patternmatcher,
/// walking each path folder by folder as the context sender does) with <c>reference/main.go</c>; see its header.
/// </summary>
public sealed class DockerIgnoreTests
{
    private static readonly JsonElement s_table = LoadTable();

    private static JsonElement LoadTable()
    {
        var path = Path.Combine(Snapshot.RepositoryRoot, "tests", "Analyzer.Tests", "Context", "dockerignore-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    public static IEnumerable<TestCaseData> IgnoreCases() =>
        s_table.GetProperty("ignore").EnumerateArray().SelectMany(c => c.GetProperty("paths").EnumerateObject().Select(p =>
            new TestCaseData(c.GetProperty("ignore").GetString()!, p.Name, p.Value.GetBoolean())
                .SetName($"{c.GetProperty("name").GetString()}: {Escape(p.Name)}")));

    public static IEnumerable<TestCaseData> RejectedCases() =>
        s_table.GetProperty("rejected").EnumerateArray().Select(c =>
            new TestCaseData(c.GetProperty("ignore").GetString()!).SetName(c.GetProperty("name").GetString()!));

    public static IEnumerable<TestCaseData> GlobCases() =>
        s_table.GetProperty("globs").EnumerateArray().SelectMany(c => c.GetProperty("names").EnumerateObject().Select(n =>
            new TestCaseData(c.GetProperty("pattern").GetString()!, n.Name, n.Value.GetBoolean())
                .SetName($"glob {Escape(c.GetProperty("pattern").GetString()!)} on {Escape(n.Name)}")));

    private static string Escape(string text) => "'" + text.Replace("\uFEFF", "<BOM>", StringComparison.Ordinal) + "'";

    [TestCaseSource(nameof(IgnoreCases))]
    public void Excludes_as_docker_does(string ignoreFile, string path, bool excluded)
    {
        var ignore = DockerIgnore.Parse(ignoreFile);
        Assert.That(ignore.Problems, Is.Empty);
        Assert.That(ignore.IsExcluded(path), Is.EqualTo(excluded));
    }

    [TestCaseSource(nameof(RejectedCases))]
    public void Reports_patterns_docker_rejects(string ignoreFile)
    {
        var ignore = DockerIgnore.Parse(ignoreFile);
        Assert.That(ignore.Problems, Has.Length.EqualTo(1));
        Assert.That(ignore.Problems[0].Line, Is.EqualTo(1));
        Assert.That(ignore.Patterns, Is.Empty);
    }

    [TestCaseSource(nameof(GlobCases))]
    public void Copy_wildcards_match_as_filepath_match_does(string pattern, string name, bool matches)
    {
        var program = GoGlob.Compile(pattern);
        Assert.That(program is not null && program.IsMatch(name), Is.EqualTo(matches));
    }

    [Test]
    public void Reading_keeps_line_numbers_and_cleaned_text()
    {
        var ignore = DockerIgnore.Parse("\uFEFF# header\n\n./build/\r\n!  /build/keep.txt \n**/*.tmp\n");
        Assert.That(ignore.Patterns.Select(p => (p.ToString(), p.Line)), Is.EqualTo(new[]
        {
            ("build", 3), ("!build/keep.txt", 4), ("**/*.tmp", 5),
        }));
        Assert.That(ignore.HasExceptions, Is.True);
    }

    [Test]
    public void Match_names_the_deciding_pattern()
    {
        var ignore = DockerIgnore.Parse("docs\n*.md\n!docs/api\n");
        var match = ignore.Match("docs/guide.md");
        Assert.That(match.IsExcluded, Is.True);
        Assert.That(match.Pattern!.Line, Is.EqualTo(1), "the folder matched first, and its match carries down");
        match = ignore.Match("docs/api/index.md");
        Assert.That((match.IsExcluded, match.Pattern!.Line), Is.EqualTo((false, 3)));
        Assert.That(ignore.Match("src/app.cs"), Is.EqualTo(default(DockerIgnoreMatch)));
    }

    [Test]
    public void Paths_are_cleaned_before_matching()
    {
        var ignore = DockerIgnore.Parse("secrets\n");
        Assert.That(ignore.IsExcluded("./secrets/key"), Is.True);
        Assert.That(ignore.IsExcluded("a/../secrets"), Is.True);
        Assert.That(ignore.IsExcluded("../secrets"), Is.False);
    }

    [Test]
    public void Patterns_docker_garbles_are_skipped_with_a_reason()
    {
        var ignore = DockerIgnore.Parse("ok\nbad[*]\nworse\\d\nposix[[:alpha:]]\n");
        Assert.That(ignore.Patterns.Select(p => p.Text), Is.EqualTo(new[] { "ok" }));
        Assert.That(ignore.Problems.Select(p => p.Line), Is.EqualTo(new[] { 2, 3, 4 }));
        Assert.That(ignore.Problems[1].Message, Does.Contain("'d'"));
    }

    [Test]
    public void Copy_exclude_flags_use_the_matcher_without_the_file_reader()
    {
        var exclude = DockerIgnore.FromPatterns(["*.pem", "!public.pem"]);
        Assert.That(exclude.IsExcluded("key.pem"), Is.True);
        Assert.That(exclude.IsExcluded("public.pem"), Is.False);
        Assert.That(exclude.Patterns.All(p => p.Line == 0), Is.True);
    }

    [TestCase("node_modules", "node_modules", false, TestName = "no exceptions: an excluded folder holds nothing")]
    [TestCase("docs\n!docs/api", "docs", true, TestName = "a literal exception below the folder")]
    [TestCase("docs\n!other/api", "docs", false, TestName = "a literal exception elsewhere")]
    [TestCase("docs\n!docs/api/**", "docs", true, TestName = "a trailing double star is trimmed first")]
    [TestCase("docs\n!**/keep", "docs", true, TestName = "a wildcard exception may match anywhere")]
    public void May_include_below_mirrors_the_sender_shortcut(string ignoreFile, string folder, bool expected) =>
        Assert.That(DockerIgnore.Parse(ignoreFile).MayIncludeBelow(folder), Is.EqualTo(expected));

    [TestCase("", ".")]
    [TestCase(".", ".")]
    [TestCase("a/b/", "a/b")]
    [TestCase("a//b", "a/b")]
    [TestCase("./a/./b", "a/b")]
    [TestCase("a/../b", "b")]
    [TestCase("a/../../b", "../b")]
    [TestCase("../../a", "../../a")]
    [TestCase("/", "/")]
    [TestCase("/../a", "/a")]
    [TestCase("//a//", "/a")]
    [TestCase("a/..", ".")]
    [TestCase("...", "...")]
    [TestCase(".a/..b", ".a/..b")]
    public void Clean_follows_go(string path, string expected) => Assert.That(GoPath.Clean(path), Is.EqualTo(expected));

    [TestCase("/app/src", "app/src")]
    [TestCase("./", ".")]
    [TestCase("../../etc/passwd", "etc/passwd")]
    [TestCase("/", ".")]
    public void Copy_sources_stay_inside_the_context(string source, string expected) =>
        Assert.That(GoPath.InContext(source), Is.EqualTo(expected));
}

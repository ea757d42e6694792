using System.Text;
using Dflint.Analysis;
using Dflint.Reporting;
using Dflint.Syntax;
using Dflint.Text;

namespace Dflint.Tests.Rules;

/// <summary>
/// Runs every fixture in <c>rules/*/fixtures/</c> with its folder's rule selected: the file must round-trip,
/// <c>pass_*</c> files must raise nothing from the rule, <c>fail_*</c> files at least one finding, and the
/// findings must match the reviewed snapshot beside the fixture (<c>*.verified.txt</c>).
/// </summary>
public sealed class RuleFixtureTests
{
    internal static string RulesDirectory => Path.Combine(Snapshot.RepositoryRoot, "rules");

    public static IEnumerable<TestCaseData> Fixtures() =>
        Directory.GetDirectories(RulesDirectory)
            .Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.Exists(Path.Combine(folder, "fixtures"))
                ? Directory.GetFiles(Path.Combine(folder, "fixtures"), "*.Dockerfile").Order(StringComparer.Ordinal)
                : Enumerable.Empty<string>())
            .Select(path => new TestCaseData(Path.GetRelativePath(RulesDirectory, path)).SetName(Path.GetRelativePath(RulesDirectory, path)));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture(string relativePath)
    {
        var path = Path.Combine(RulesDirectory, relativePath);
        var folder = relativePath.Split(Path.DirectorySeparatorChar)[0];
        var code = folder.Split('-')[0];
        var rule = RuleRegistry.Default.Find(code);
        Assert.That(rule, Is.Not.Null, $"no rule has the code of folder {folder}");
        Assert.That(rule!.Folder, Is.EqualTo(folder), "the folder is named CODE-name after its rule");

        var bytes = File.ReadAllBytes(path);
        var tree = DockerfileSyntaxTree.Parse(DockerfileText.Decode(bytes), Path.GetFileName(path));
        Assert.That(DockerfileText.Encode(tree.Root.ToFullString()), Is.EqualTo(bytes));

        var result = DockerfileLinter.Lint(tree, FixtureSettings.For(path, rule));
        var findings = result.Diagnostics.Where(d => d.Rule == rule).ToList();
        var name = Path.GetFileName(path);
        if (name.StartsWith("pass", StringComparison.Ordinal))
        {
            Assert.That(findings, Is.Empty, "a pass_ fixture must not raise its rule");
        }
        else if (name.StartsWith("fail", StringComparison.Ordinal))
        {
            Assert.That(findings, Is.Not.Empty, "a fail_ fixture must raise its rule");
        }
        else
        {
            Assert.Fail("fixture names start with pass_ or fail_");
        }

        var snapshot = new StringBuilder();
        foreach (var finding in findings)
        {
            SourceSnippet.Write(snapshot, name, tree.Text, finding, color: false, result.SensitiveSpans);
            snapshot.Append('\n');
        }
        if (findings.Count == 0) snapshot.Append("(no findings)\n");
        Snapshot.Verify(Path.ChangeExtension(path, ".verified.txt"), snapshot.ToString());
    }
}

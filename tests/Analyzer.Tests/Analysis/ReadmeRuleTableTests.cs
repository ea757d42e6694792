using System.Text;
using Dflint.Analysis;

namespace Dflint.Tests.Analysis;

/// <summary>
/// The README's rule table is generated from the registry: the test fails when they differ, and
/// DFLINT_UPDATE_SNAPSHOTS=1 rewrites the table between its markers.
/// </summary>
public sealed class ReadmeRuleTableTests
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    [Test]
    public void Readme_lists_every_rule()
    {
        var path = Path.Combine(Snapshot.RepositoryRoot, "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "README.md needs the rule table markers");

        var expected = Start + "\n" + Table() + End;
        var actual = readme[start..(end + End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("DFLINT_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, readme[..start] + expected + readme[(end + End.Length)..]);
            return;
        }
        Assert.That(actual, Is.EqualTo(expected), "regenerate with DFLINT_UPDATE_SNAPSHOTS=1");
    }

    private static string Table()
    {
        var builder = new StringBuilder();
        builder.Append("| Code | Name | Severity | What it finds | Fix |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleRegistry.Default.Rules)
        {
            if (rule.Category is Dflint.Syntax.SyntaxDiagnostics.Category || rule.Category is EngineRules.Category && rule != EngineRules.UnknownRuleCode) continue;
            var severity = SeverityNames.Of(rule.DefaultSeverity) + (rule.IsEnabledByDefault ? "" : " (off by default)");
            var fix = rule.Fix == FixAvailability.None ? "" : "yes";
            builder.Append($"| [{rule.Code}](rules/{rule.Folder}/rule.md) | `{rule.Name}` | {severity} | {rule.Title} | {fix} |\n");
        }
        return builder.ToString();
    }
}

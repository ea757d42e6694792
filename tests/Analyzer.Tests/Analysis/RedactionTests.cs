using System.Collections.Immutable;
using System.Text;
using Dflint.Analysis;
using Dflint.Reporting;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Analysis;

public sealed class RedactionTests
{
    private sealed class SecretMarker : DockerfileAnalyzer
    {
        public static readonly RuleDescriptor Rule = new("DF9003", "marks-secrets", "Test rule", "secret {0}", "Test", DiagnosticSeverity.Error);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterInstructionAction<EnvInstructionSyntax>(c =>
            {
                foreach (var pair in c.Instruction.Pairs)
                {
                    c.MarkSensitive(pair.ValueToken.Span);
                    c.Report(Rule, pair.KeyToken.Span, Redaction.Redact(pair.Value));
                }
            });
    }

    [TestCase("AKIAIOSFODNN7EXAMPLE", "AKIA***")]
    [TestCase("abcdef", "abc***")]
    [TestCase("ab", "a***")]
    [TestCase("", "***")]
    public void Redact_shows_a_short_prefix(string secret, string expected) => Assert.That(Redaction.Redact(secret), Is.EqualTo(expected));

    [Test]
    public void Apply_redacts_overlapping_spans_inside_a_text()
    {
        var spans = ImmutableArray.Create(new TextSpan(12, 8), new TextSpan(14, 2), new TextSpan(30, 10));

        Assert.That(Redaction.Apply("xx token=abcdefgh rest", 3, spans), Is.EqualTo("xx token=abcd*** rest"));
    }

    [Test]
    public void Snippets_show_marked_secrets_redacted_with_carets_still_under_the_span()
    {
        var tree = DockerfileSyntaxTree.Parse("FROM a:1\nENV TOKEN=ghp_0123456789abcdefghij OTHER=1\n", "Dockerfile");
        var registry = new RuleRegistry([new SecretMarker()]);
        var result = DockerfileLinter.Lint(tree, new LintSettings { Selection = RuleSelection.Create(registry, new SelectionSettings { Select = ["DF9003"] }) });
        var output = new StringBuilder();
        SourceSnippet.Write(output, "Dockerfile", tree.Text, result.Diagnostics[1], color: false, result.SensitiveSpans);

        Assert.That(output.ToString(), Does.Not.Contain("0123456789"));
        Assert.That(output.ToString(), Is.EqualTo(
            "Dockerfile:2:36: error[DF9003] secret ***\n" +
            "  |\n" +
            "2 | ENV TOKEN=ghp_*** OTHER=***\n" +
            "  |                   ^^^^^\n" +
            "  = help: https://github.com/dflint/dflint/blob/main/rules/DF9003-marks-secrets/rule.md\n"));
    }

    [Test]
    public void Secrets_are_redacted_even_when_the_secret_rules_are_turned_off()
    {
        var tree = DockerfileSyntaxTree.Parse("FROM debian:12\nRUN curl -u deploy:Zq8vN3rT5wXy2LpK https://example.com/x && apt-get install -y curl\nUSER app\n", "Dockerfile");
        var selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { Select = ["DL3008"] });
        var result = DockerfileLinter.Lint(tree, new LintSettings { Selection = selection });
        var output = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics) SourceSnippet.Write(output, "Dockerfile", tree.Text, diagnostic, color: false, result.SensitiveSpans);

        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "DL3008" }));
        Assert.That(result.SensitiveSpans, Is.Not.Empty, "the secret rules ran although they are not selected");
        Assert.That(output.ToString(), Does.Contain("curl -u "));
        Assert.That(output.ToString(), Does.Not.Contain("Zq8vN3rT5wXy2LpK"));
    }
}

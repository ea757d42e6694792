using System.Collections.Immutable;
using System.Text;
using Dflint.Analysis;
using Dflint.Reporting;
using Dflint.Rules;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Tests.Reporting;

/// <summary>Findings to render: real lint results over small files, with a test rule that marks ENV values as secrets.</summary>
internal static class ReportFixtures
{
    public const string GitHubToken = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";

    public const string AwsKey = "AKIAIOSFODNN7EXAMPLE";

    /// <summary>Parts of the secrets that a redacted form never shows.</summary>
    public static readonly string[] SecretTails = ["0123456789abcdefghij", "IOSFODNN7EXAMPLE"];

    /// <summary>Reports every ENV instruction (so its line, secret included, is the snippet) and marks each value secret.</summary>
    public sealed class SecretEnvAnalyzer : DockerfileAnalyzer
    {
        public static readonly RuleDescriptor Rule = new("DF9101", "secret-in-env", "Secret in ENV", "ENV {0} holds a secret", RuleCategories.Security, DiagnosticSeverity.Error);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterInstructionAction<EnvInstructionSyntax>(c =>
            {
                foreach (var pair in c.Instruction.Pairs) c.MarkSensitive(pair.ValueToken.Span);
                c.Report(Rule, c.Instruction.Span, string.Join(", ", c.Instruction.Pairs.Select(p => p.Key)));
            });
    }

    public static RuleRegistry Registry { get; } = new([new SecretEnvAnalyzer(), new DL3006TagImageVersion(), new DL3008AptGetPinVersions()]);

    public static LintResult Lint(string text, string path = "Dockerfile", bool keepSuppressed = false) =>
        DockerfileLinter.Lint(DockerfileSyntaxTree.Parse(text, path), new LintSettings
        {
            Selection = RuleSelection.Create(Registry, new SelectionSettings()),
            RethrowAnalyzerExceptions = true,
            KeepSuppressed = keepSuppressed,
        });

    public static ReportOptions Options(string workingDirectory) => new("1.2.3", Color: false, workingDirectory, Registry.Rules);

    public static string Render(ReportFormat format, IReadOnlyList<ReportedFile> files, string workingDirectory)
    {
        using var stream = new MemoryStream();
        format.Write(stream, files, Options(workingDirectory));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static IEnumerable<TestCaseData> AllFormats() => ReportFormats.All.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));
}

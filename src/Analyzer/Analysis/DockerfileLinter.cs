using System.Diagnostics;
using Dflint.Semantics;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;
using SemanticModel = Dflint.Semantics.SemanticModel;

namespace Dflint.Analysis;

/// <summary>
/// The findings for one file, in deterministic order (position, then code), and the spans of secrets found in it,
/// which every output must show redacted (<see cref="Redaction"/>).
/// </summary>
public sealed record LintResult(DockerfileSyntaxTree Tree, ImmutableArray<LintDiagnostic> Diagnostics, ImmutableArray<TextSpan> SensitiveSpans)
{
    public string Path => Tree.FilePath ?? "";

    public int Count(DiagnosticSeverity severity) => Diagnostics.Count(d => d.Severity == severity);

    /// <summary>
    /// Findings that a comment or directive in the file suppresses, each with its <see cref="LintDiagnostic.Suppression"/>;
    /// empty unless <see cref="LintSettings.KeepSuppressed"/>. They count for nothing: not in summaries, not in thresholds.
    /// </summary>
    public ImmutableArray<LintDiagnostic> Suppressed { get; init; } = [];
}

/// <summary>What a lint run needs besides the file.</summary>
public sealed record LintSettings
{
    public static readonly LintSettings Default = new();

    public RuleSelection? Selection { get; init; }

    public AnalyzerOptions Options { get; init; } = AnalyzerOptions.Default;

    /// <summary>Tests set this so a failing rule fails the test instead of becoming DF0001.</summary>
    public bool RethrowAnalyzerExceptions { get; init; }

    /// <summary>When set, time spent in each analyzer is added to it.</summary>
    public AnalyzerTimings? Timings { get; init; }

    /// <summary>Keep suppressed findings in <see cref="LintResult.Suppressed"/> (for reports that carry them, like SARIF) instead of dropping them.</summary>
    public bool KeepSuppressed { get; init; }
}

/// <summary>Time per analyzer across a run, for <c>--timings</c>.</summary>
public sealed class AnalyzerTimings
{
    private readonly Dictionary<DockerfileAnalyzer, long> _ticks = [];

    internal void Add(DockerfileAnalyzer analyzer, long ticks)
    {
        lock (_ticks) _ticks[analyzer] = _ticks.GetValueOrDefault(analyzer) + ticks;
    }

    public ImmutableArray<(DockerfileAnalyzer Analyzer, TimeSpan Elapsed)> Snapshot()
    {
        lock (_ticks)
        {
            return [.. _ticks.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value))).OrderByDescending(p => p.Item2)];
        }
    }
}

/// <summary>Runs the rules over a file: syntax diagnostics, then every analyzer in one walk, then suppressions and severities.</summary>
public static partial class DockerfileLinter
{
    /// <param name="bytes">The file as read; decoded losslessly so offsets match what the parser saw.</param>
    /// <param name="path">The path shown in messages; it is not opened.</param>
    /// <param name="settings">Rules, severities and options; the defaults when null.</param>
    public static LintResult Lint(ReadOnlySpan<byte> bytes, string path, LintSettings? settings = null) =>
        Lint(DockerfileSyntaxTree.Parse(SourceText.From(Text.DockerfileText.Decode(bytes)), path), settings);

    public static LintResult Lint(DockerfileSyntaxTree tree, LintSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        settings ??= LintSettings.Default;
        var selection = settings.Selection ?? RuleSelection.Default(RuleRegistry.Default);
        var registry = selection.Registry;
        var model = SemanticModel.Create(tree);
        var suppressions = Suppressions.Read(tree, registry);
        var file = new FileAnalysis(tree, model, settings.Options, selection, suppressions);

        foreach (var diagnostic in tree.GetDiagnostics())
        {
            file.Report(SyntaxRules.For(diagnostic), diagnostic.Span, diagnostic.Message, null);
        }
        foreach (var code in suppressions.Codes.Concat(suppressions.SkippedChecks))
        {
            if (code.Rule is null) file.Report(EngineRules.UnknownRuleCode, code.Span, EngineRules.UnknownRuleCode.FormatMessage([code.Text]), null);
        }

        new Walker(file, registry.Actions, settings).Run();

        var diagnostics = new List<LintDiagnostic>();
        var suppressed = new List<LintDiagnostic>();
        foreach (var report in file.Reports)
        {
            var diagnostic = new LintDiagnostic(report.Rule, report.Span, report.Message, SeverityOf(report.Rule, selection, suppressions), report.Fix);
            if (suppressions.SuppressedAt(report.Rule, report.Span) is not { } at) diagnostics.Add(diagnostic);
            else if (settings.KeepSuppressed) suppressed.Add(diagnostic with { Suppression = SuppressionAt(tree.Text, at) });
        }
        return new LintResult(tree, Sorted(diagnostics), file.SensitiveSpans) { Suppressed = Sorted(suppressed) };
    }

    private static ImmutableArray<LintDiagnostic> Sorted(List<LintDiagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal)];

    /// <summary>The whole comment or directive line naming the code at <paramref name="at"/>: the reason as the author wrote it.</summary>
    private static LintSuppression SuppressionAt(SourceText text, TextSpan at)
    {
        var line = text.Lines.GetLineFromPosition(at.Start).Span;
        var start = line.Start;
        var end = line.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var span = TextSpan.FromBounds(start, end);
        return new LintSuppression(span, text.ToString(span));
    }

    private static DiagnosticSeverity SeverityOf(RuleDescriptor rule, RuleSelection selection, Suppressions suppressions) =>
        suppressions.ChecksAreErrors && !rule.Aliases.IsEmpty ? DiagnosticSeverity.Error : selection.SeverityOf(rule);

    private sealed partial class Walker(FileAnalysis file, AnalyzerActions actions, LintSettings settings)
    {
        public void Run()
        {
            var model = file.Model;
            var stageIndex = -1;
            foreach (var instruction in file.Tree.Instructions)
            {
                if (instruction is FromInstructionSyntax && stageIndex >= 0) RunStageActions(model.Stages[stageIndex]);
                if (instruction is FromInstructionSyntax) stageIndex++;
                RunInstructionActions(instruction, onbuild: false);
                if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger }) RunInstructionActions(trigger, onbuild: true);
                RunShellActions(instruction);
            }
            if (stageIndex >= 0) RunStageActions(model.Stages[stageIndex]);
            foreach (var action in actions.File)
            {
                Invoke(action.Analyzer, default, () => action.Action(new FileContext(file)));
            }
        }

        private void RunInstructionActions(InstructionSyntax instruction, bool onbuild)
        {
            foreach (var action in actions.InstructionActionsFor(instruction.GetType()))
            {
                if (action.Kinds is { } kinds && !kinds.Contains(instruction.Kind)) continue;
                Invoke(action.Analyzer, instruction.Span, () => action.Action(instruction, file, onbuild));
            }
        }

        private void RunStageActions(Stage stage)
        {
            foreach (var action in actions.Stage)
            {
                Invoke(action.Analyzer, stage.From.Span, () => action.Action(new StageContext(stage, file)));
            }
        }

        private void Invoke(DockerfileAnalyzer analyzer, TextSpan span, Action callback)
        {
            if (!file.IsActive(analyzer)) return;
            file.Current = analyzer;
            var started = settings.Timings is null ? 0 : Stopwatch.GetTimestamp();
            try
            {
                callback();
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !settings.RethrowAnalyzerExceptions)
            {
                file.Crash(analyzer, exception, span);
            }
            finally
            {
                file.Current = null;
                settings.Timings?.Add(analyzer, Stopwatch.GetTimestamp() - started);
            }
        }
    }
}

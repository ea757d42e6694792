using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Analysis;

/// <summary>The state of one file's analysis: what callbacks see, and the findings they report.</summary>
internal sealed class FileAnalysis(DockerfileSyntaxTree tree, SemanticModel model, AnalyzerOptions options, RuleSelection selection, Suppressions suppressions)
{
    private readonly Dictionary<RunInstructionSyntax, ImmutableArray<ShellScript>> _scripts = [];

    /// <summary>
    /// The shell scripts a RUN runs, parsed once per file: none from shell form or heredocs under a non-POSIX
    /// SHELL (or after <c># hadolint shell=</c>), while exec form names its program itself and is always read.
    /// </summary>
    public ImmutableArray<ShellScript> GetShellScripts(RunInstructionSyntax run)
    {
        if (_scripts.TryGetValue(run, out var cached)) return cached;
        var topLevel = run.Parent as OnbuildInstructionSyntax as InstructionSyntax ?? run;
        var posix = Model.GetState(topLevel).Shell.IsPosix
            && !(suppressions.NonPosixShellFrom is { } from && from.Contains(topLevel.SpanStart));
        var scripts = ShellScript.ForInstruction(run, Tree.EscapeChar);
        if (!posix) scripts = [.. scripts.Where(s => s.Source.Kind is ShellSourceKind.ExecFormShellC or ShellSourceKind.ExecForm)];
        _scripts[run] = scripts;
        return scripts;
    }

    private readonly List<PendingReport> _reports = [];
    private readonly HashSet<DockerfileAnalyzer> _crashed = [];
    private readonly List<TextSpan> _sensitive = [];

    public DockerfileSyntaxTree Tree { get; } = tree;

    public SemanticModel Model { get; } = model;

    public AnalyzerOptions Options { get; } = options;

    public DockerfileAnalyzer? Current { get; set; }

    public bool IsEnabled(RuleDescriptor rule) => selection.IsEnabled(rule);

    private readonly Dictionary<DockerfileAnalyzer, bool> _active = [];

    /// <summary>
    /// Whether the analyzer's callbacks run on this file: one of its rules is enabled (or it marks secrets, which
    /// must happen whatever is enabled) and it has not failed. Decided once per analyzer and file.
    /// </summary>
    public bool IsActive(DockerfileAnalyzer analyzer)
    {
        if (_crashed.Contains(analyzer)) return false;
        if (!_active.TryGetValue(analyzer, out var active))
        {
            active = analyzer.MarksSensitive || selection.Registry.RulesOf(analyzer).Any(selection.IsEnabled);
            _active[analyzer] = active;
        }
        return active;
    }

    public void Report(RuleDescriptor rule, TextSpan span, string message, CodeFix? fix)
    {
        if (!IsEnabled(rule)) return;
        if (span.End > Tree.Text.Length) throw new ArgumentOutOfRangeException(nameof(span), $"{rule.Code} reported a span past the end of the file.");
        _reports.Add(new PendingReport(Current, rule, span, message, fix));
    }

    /// <summary>Records a failed callback; the analyzer's findings for this file are dropped and it is not called again.</summary>
    public void Crash(DockerfileAnalyzer analyzer, Exception exception, TextSpan span)
    {
        if (!_crashed.Add(analyzer)) return;
        _reports.RemoveAll(r => r.Analyzer == analyzer);
        var rules = string.Join(", ", selection.Registry.RulesOf(analyzer).Select(r => r.ToString()));
        var previous = Current;
        Current = null;
        Report(EngineRules.RuleCrashed, span, EngineRules.RuleCrashed.FormatMessage([rules, exception.GetType().Name, exception.Message]), null);
        Current = previous;
    }

    /// <summary>Text that must never be printed in full (a secret); kept even when the finding about it is suppressed.</summary>
    public void MarkSensitive(TextSpan span)
    {
        if (span.End > Tree.Text.Length) throw new ArgumentOutOfRangeException(nameof(span));
        lock (_sensitive) _sensitive.Add(span);
    }

    public ImmutableArray<TextSpan> SensitiveSpans => [.. _sensitive.Distinct().OrderBy(s => s.Start).ThenBy(s => s.End)];

    public IReadOnlyList<PendingReport> Reports => _reports;

    /// <summary>A finding as reported, before suppressions and severities; a class, so collections of it share precompiled code.</summary>
    internal sealed record PendingReport(DockerfileAnalyzer? Analyzer, RuleDescriptor Rule, TextSpan Span, string Message, CodeFix? Fix);
}

using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>One file's findings as a report sees them: the path to show and the result.</summary>
public sealed record ReportedFile(string DisplayPath, LintResult Result);

/// <summary>Counts over a whole run, by severity.</summary>
public sealed record LintSummary(int Files, int FilesWithFindings, int Errors, int Warnings, int Info, int Style)
{
    public int Total => Errors + Warnings + Info + Style;

    public static LintSummary Of(IReadOnlyCollection<ReportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        int Count(DiagnosticSeverity severity) => files.Sum(f => f.Result.Count(severity));
        return new LintSummary(
            files.Count,
            files.Count(f => !f.Result.Diagnostics.IsEmpty),
            Count(DiagnosticSeverity.Error),
            Count(DiagnosticSeverity.Warning),
            Count(DiagnosticSeverity.Info),
            Count(DiagnosticSeverity.Hidden));
    }

    /// <summary>The closing line of text reports.</summary>
    public string Describe()
    {
        if (Total == 0) return $"All checks passed: {Plural(Files, "file")}.";
        var parts = new List<string> { Plural(Errors, "error"), Plural(Warnings, "warning") };
        if (Info > 0) parts.Add($"{Info} info");
        if (Style > 0) parts.Add($"{Style} style");
        return $"Found {Plural(Total, "problem")} ({string.Join(", ", parts)}) in {Plural(FilesWithFindings, "file")}.";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

/// <summary>When a run fails: the lowest severity that counts, or never.</summary>
public sealed record FailureThreshold(DiagnosticSeverity? Minimum)
{
    /// <summary>As hadolint: style findings alone do not fail a run.</summary>
    public static readonly FailureThreshold Default = new(DiagnosticSeverity.Info);

    public static readonly FailureThreshold Never = new((DiagnosticSeverity?)null);

    public bool IsReachedBy(LintDiagnostic diagnostic) => Minimum is { } minimum && diagnostic.Severity >= minimum;

    public static bool TryParse(string text, out FailureThreshold threshold)
    {
        threshold = (text ?? "").Trim().ToLowerInvariant() switch
        {
            "error" => new FailureThreshold(DiagnosticSeverity.Error),
            "warning" => new FailureThreshold(DiagnosticSeverity.Warning),
            "info" => new FailureThreshold(DiagnosticSeverity.Info),
            "style" => new FailureThreshold(DiagnosticSeverity.Hidden),
            "none" or "ignore" => Never,
            _ => null!,
        };
        return threshold is not null;
    }
}

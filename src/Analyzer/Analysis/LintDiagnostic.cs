using Microsoft.CodeAnalysis;

namespace Dflint.Analysis;

/// <summary>How safe it is to apply a fix without a person looking at it; ordered from least to most safe.</summary>
public enum FixApplicability
{
    /// <summary>Shown as a suggestion, never applied.</summary>
    DisplayOnly,

    /// <summary>May change what the image does; applied only on request.</summary>
    Unsafe,

    /// <summary>Keeps what the image does; applied by <c>--fix</c>.</summary>
    Safe,
}

/// <summary>A fix: text changes against the file the diagnostic was found in.</summary>
public sealed record CodeFix(string Title, ImmutableArray<TextChange> Edits, FixApplicability Applicability);

/// <summary>
/// What suppresses a finding: a comment or <c># check=</c> directive in the file itself (SARIF's <c>inSource</c>).
/// </summary>
/// <param name="Span">The line of the comment or directive, without surrounding whitespace.</param>
/// <param name="Justification">That line's text; it is source text, so shown only through <see cref="Redaction"/>.</param>
public sealed record LintSuppression(TextSpan Span, string Justification);

/// <summary>One finding: the rule, where, the message, the severity after configuration, and a fix when there is one.</summary>
public sealed record LintDiagnostic(RuleDescriptor Rule, TextSpan Span, string Message, DiagnosticSeverity Severity, CodeFix? Fix = null)
{
    public string Code => Rule.Code;

    /// <summary>Set only on the findings in <see cref="LintResult.Suppressed"/>.</summary>
    public LintSuppression? Suppression { get; init; }
}

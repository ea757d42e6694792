using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>A span as 1-based lines and UTF-16 columns; the end is exclusive (the column after the last character).</summary>
public readonly record struct LineRange(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static LineRange Of(SourceText text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.Lines.GetLinePosition(span.Start);
        var end = text.Lines.GetLinePosition(span.End);
        return new LineRange(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
    }
}

/// <summary>Text conversions the report formats share.</summary>
internal static class ReportText
{
    /// <summary>
    /// Indented, with quotes, <c>&lt;</c>, <c>&amp;</c> and non-ASCII text written as they are: these files are read by
    /// tools and people, never embedded in HTML. Control characters are still escaped, and a lone surrogate (a byte that
    /// was not UTF-8) becomes U+FFFD, as JSON's UTF-8 needs.
    /// </summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The lines a span touches, as one string with the file's own line breaks, secrets redacted; with the span
    /// where they start in the file.
    /// </summary>
    public static (TextSpan Span, string Text) Lines(LintResult result, TextSpan span)
    {
        var text = result.Tree.Text;
        var first = text.Lines.GetLineFromPosition(span.Start);
        var last = text.Lines.GetLineFromPosition(span.End);
        var lines = TextSpan.FromBounds(first.Start, last.End);
        return (lines, Redacted(result, lines));
    }

    /// <summary>The text of <paramref name="span"/> with every secret in it redacted.</summary>
    public static string Redacted(LintResult result, TextSpan span) =>
        Redaction.Apply(result.Tree.Text.ToString(span), span.Start, result.SensitiveSpans);

    /// <summary>One line: line breaks (which some formats cannot carry) become spaces.</summary>
    public static string SingleLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0) return text;
        return text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
    }

    /// <summary>A complete sentence, as SARIF asks of messages and descriptions: ends with a full stop.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    /// <summary><c>apt-get-pin-versions</c> as <c>AptGetPinVersions</c>: SARIF's convention for a rule's readable name.</summary>
    public static string PascalCase(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        foreach (var part in kebab.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }
        return builder.ToString();
    }

    /// <summary>The first paragraph of the rule page's "What it does", on one line; null for rules without a page.</summary>
    public static string? Summary(RuleDescriptor rule)
    {
        var page = RuleDocumentation.Get(rule);
        if (page is null) return null;
        var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim().Equals("## What it does", StringComparison.OrdinalIgnoreCase));
        if (start < 0) return null;
        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        var summary = string.Join(' ', paragraph.Select(l => l.Trim()));
        return summary.Length == 0 ? null : summary;
    }

    /// <summary>Severity words of formats with three levels: error, warning, and note for info and style.</summary>
    public static string ErrorWarningNote(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}

using System.Text;
using Dflint.Analysis;

namespace Dflint.Reporting;

/// <summary>
/// Renders a diagnostic the way rustc and ruff do: <c>path:line:col: severity[CODE] message</c>, then the
/// source line with the span underlined. Used by the CLI's text output and by the rule fixture snapshots.
/// </summary>
public static class SourceSnippet
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Blue = "\u001b[34m";

    public static string SeverityColor(Microsoft.CodeAnalysis.DiagnosticSeverity severity) => severity switch
    {
        Microsoft.CodeAnalysis.DiagnosticSeverity.Error => "\u001b[31m",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Warning => "\u001b[33m",
        Microsoft.CodeAnalysis.DiagnosticSeverity.Info => "\u001b[36m",
        _ => "\u001b[35m",
    };

    /// <param name="output">Where the rendering is appended.</param>
    /// <param name="path">The path shown before the position.</param>
    /// <param name="text">The file.</param>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="color">Whether to add ANSI colours.</param>
    /// <param name="sensitive">Secrets in the file (<see cref="LintResult.SensitiveSpans"/>): shown redacted in the source line.</param>
    public static void Write(StringBuilder output, string path, SourceText text, LintDiagnostic diagnostic, bool color, ImmutableArray<TextSpan> sensitive = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var start = text.Lines.GetLinePosition(diagnostic.Span.Start);
        var severity = SeverityNames.Of(diagnostic.Severity);
        string Paint(string value, string code) => color ? code + value + Reset : value;

        output.Append(Paint($"{path}:{start.Line + 1}:{start.Character + 1}:", Bold)).Append(' ')
            .Append(Paint($"{severity}[{diagnostic.Code}]", Bold + SeverityColor(diagnostic.Severity))).Append(' ')
            .Append(diagnostic.Message).Append('\n');

        var line = text.Lines[start.Line];
        var rawLine = text.ToString(line.Span);
        var lineText = Printable(Redaction.Apply(rawLine, line.Start, sensitive));
        var number = (start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        output.Append(Paint(gutter + " |", Blue)).Append('\n');
        output.Append(Paint(number + " |", Blue)).Append(' ').Append(lineText).Append('\n');

        var underlineEnd = Math.Min(diagnostic.Span.End, line.End);
        // Redaction shortens the line, so the carets are placed over the redacted text.
        var column = Redaction.Apply(rawLine[..start.Character], line.Start, sensitive).Length;
        var width = Math.Max(1, Redaction.Apply(rawLine[start.Character..Math.Max(start.Character, underlineEnd - line.Start)], diagnostic.Span.Start, sensitive).Length);
        var padding = new StringBuilder();
        // Tabs stay tabs so the carets line up under the characters they mark.
        for (var i = 0; i < column && i < lineText.Length; i++) padding.Append(lineText[i] == '\t' ? '\t' : ' ');
        var carets = new string('^', width) + (diagnostic.Span.End > line.End ? " ..." : "");
        output.Append(Paint(gutter + " |", Blue)).Append(' ').Append(padding).Append(Paint(carets, Bold + SeverityColor(diagnostic.Severity))).Append('\n');
        output.Append(Paint(gutter + " = help:", Blue)).Append(' ').Append(diagnostic.Rule.HelpLink).Append('\n');
    }

    /// <summary>Control characters would move the terminal's cursor; they are shown as spaces of the same width.</summary>
    private static string Printable(string line)
    {
        if (!line.Any(c => char.IsControl(c) && c != '\t')) return line;
        return string.Concat(line.Select(c => char.IsControl(c) && c != '\t' ? ' ' : c));
    }
}

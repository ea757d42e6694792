using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// The GNU Coding Standards' error format with the span as a range, which Emacs' compilation mode and other editors
/// jump to: <c>file:line.col-col: severity: message [CODE]</c>, or <c>file:line.col-line.col: ...</c> across lines.
/// Columns are display columns as the standard asks (tab stops every 8, wide characters 2, combining marks 0), and
/// the end column is the last column of the span (inclusive), as Bison prints it.
/// </summary>
public sealed class GnuFormat : ReportFormat
{
    public override string Name => "gnu";

    public override string Description => "GNU error format with ranges, for Emacs and other editors";

    public override bool PrintsSummary => true;

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Result.Diagnostics)
            {
                builder.Append(file.DisplayPath).Append(':').Append(Range(file.Result.Tree.Text, diagnostic.Span)).Append(": ")
                    .Append(Severity(diagnostic.Severity)).Append(": ")
                    .Append(ReportText.SingleLine(diagnostic.Message)).Append(" [").Append(diagnostic.Code).Append("]\n");
            }
        }
        WriteUtf8(output, builder.ToString());
    }

    /// <summary>Words GCC uses, which editors recognise: error, warning, info (dflint's info), note (dflint's style).</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "note",
    };

    /// <summary><c>line.col</c> for an empty span, <c>line.col-col</c> on one line, else <c>line.col-line.col</c>.</summary>
    public static string Range(SourceText text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.Lines.GetLinePosition(span.Start);
        var startColumn = DisplayColumn(text, start.Line, start.Character);
        var first = string.Create(CultureInfo.InvariantCulture, $"{start.Line + 1}.{startColumn}");
        if (span.IsEmpty) return first;
        var lastIndex = span.End - 1;
        // A character written as a surrogate pair has the column of its first half.
        var pair = lastIndex > span.Start && char.IsLowSurrogate(text[lastIndex]) && char.IsHighSurrogate(text[lastIndex - 1]);
        if (pair) lastIndex--;
        var last = text.Lines.GetLinePosition(lastIndex);
        var lastStart = DisplayColumn(text, last.Line, last.Character);
        // The last column the character covers; a zero-width one (a combining mark) covers the column it starts at.
        var endColumn = Math.Max(lastStart, DisplayColumn(text, last.Line, last.Character + (pair ? 2 : 1)) - 1);
        return last.Line == start.Line
            ? string.Create(CultureInfo.InvariantCulture, $"{first}-{endColumn}")
            : string.Create(CultureInfo.InvariantCulture, $"{first}-{last.Line + 1}.{endColumn}");
    }

    /// <summary>The 1-based display column where the character at <paramref name="character"/> of line <paramref name="line"/> starts.</summary>
    internal static int DisplayColumn(SourceText text, int line, int character)
    {
        var lineStart = text.Lines[line].Start;
        var lineEnd = text.Lines[line].EndIncludingLineBreak;
        var column = 0;
        for (var i = 0; i < character && lineStart + i < lineEnd; i++)
        {
            var c = text[lineStart + i];
            if (c == '\t')
            {
                column = (column / 8 + 1) * 8;
                continue;
            }
            var codePoint = (int)c;
            if (char.IsHighSurrogate(c) && i + 1 < character && char.IsLowSurrogate(text[lineStart + i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[lineStart + i + 1]);
                i++;
            }
            column += Width(codePoint);
        }
        return column + 1;
    }

    /// <summary>A small wcwidth: combining marks and format characters take no column, East Asian wide and emoji take two.</summary>
    internal static int Width(int codePoint)
    {
        if (codePoint < 0x300) return 1;
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format) return 0;
        return IsWide(codePoint) ? 2 : 1;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or 0x2329 or 0x232A or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE10 and <= 0xFE19) or (>= 0xFE30 and <= 0xFE6F) or (>= 0xFF00 and <= 0xFF60)
            or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F) or (>= 0x1F900 and <= 0x1F9FF)
            or (>= 0x20000 and <= 0x2FFFD) or (>= 0x30000 and <= 0x3FFFD);
}

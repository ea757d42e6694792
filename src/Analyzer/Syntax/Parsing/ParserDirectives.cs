namespace Dflint.Syntax.Parsing;

/// <summary>A parser directive from the top of the file: <c># syntax=</c>, <c># escape=</c> or <c># check=</c>.</summary>
public sealed record ParserDirective(string Name, string Value, TextSpan Span, TextSpan NameSpan, TextSpan ValueSpan);

/// <summary>
/// Reads the directive block: BuildKit looks at lines from the top until the first line that is not a
/// well-formed directive with a known name; only those lines are directives.
/// </summary>
internal static class ParserDirectiveScanner
{
    private static readonly string[] s_known = ["syntax", "escape", "check"];

    /// <summary>Matches <c>^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c> on a left-trimmed line.</summary>
    public static bool TryMatch(ReadOnlySpan<char> text, int start, int end, out TextSpan name, out TextSpan value)
    {
        name = value = default;
        var i = start;
        if (i >= end || text[i] != '#') return false;
        i++;
        while (i < end && IsGoSpace(text[i])) i++;
        var nameStart = i;
        if (i >= end || !char.IsAsciiLetter(text[i])) return false;
        while (i < end && char.IsAsciiLetterOrDigit(text[i])) i++;
        name = TextSpan.FromBounds(nameStart, i);
        while (i < end && IsGoSpace(text[i])) i++;
        if (i >= end || text[i] != '=') return false;
        i++;
        var afterEquals = i;
        while (i < end && IsGoSpace(text[i])) i++;
        var valueEnd = end;
        while (valueEnd > i && IsGoSpace(text[valueEnd - 1])) valueEnd--;
        if (valueEnd > i)
        {
            value = TextSpan.FromBounds(i, valueEnd);
            return true;
        }
        // Only blanks after '=': the lazy value group still takes the last blank, as the regex backtracks.
        if (end > afterEquals)
        {
            value = TextSpan.FromBounds(end - 1, end);
            return true;
        }
        return false;
    }

    public static bool IsKnown(string lowerName) => Array.IndexOf(s_known, lowerName) >= 0;

    /// <summary>Go's RE2 <c>\s</c>: ASCII space, tab, LF, FF and CR (no vertical tab).</summary>
    private static bool IsGoSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}

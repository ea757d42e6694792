using System.Text;

namespace Dflint.Syntax;

/// <summary>
/// Joins physical lines into the text BuildKit reads: a line ending in the escape character (not itself
/// escaped) continues on the next line; comment lines and whitespace-only lines inside a continuation are
/// dropped; line breaks and the continuation markers disappear.
/// </summary>
public static class LogicalText
{
    /// <summary>True when <paramref name="line"/> (without its line break) ends with a line continuation.</summary>
    public static bool EndsWithContinuation(ReadOnlySpan<char> line, char escape) => ContinuationStart(line, escape) >= 0;

    /// <summary>The index of the continuation escape character in <paramref name="line"/>, or -1.</summary>
    public static int ContinuationStart(ReadOnlySpan<char> line, char escape)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t') end--;
        if (end == 0 || line[end - 1] != escape) return -1;
        var escapeIndex = end - 1;
        // The escape must stand alone: BuildKit requires the character before it not to be the escape too.
        if (escapeIndex > 0 && line[escapeIndex - 1] == escape) return -1;
        return escapeIndex;
    }

    /// <summary>
    /// The value of a token that spans several physical lines. Text on one line is returned unchanged.
    /// </summary>
    public static string Join(string raw, char escape)
    {
        if (raw.IndexOf('\n') < 0) return raw;
        var builder = new StringBuilder(raw.Length);
        var start = 0;
        var first = true;
        while (start <= raw.Length)
        {
            var newline = raw.IndexOf('\n', start);
            var lineEnd = newline < 0 ? raw.Length : newline;
            var line = raw.AsSpan(start, lineEnd - start);
            if (newline >= 0) line = TrimCarriageReturns(line);
            if (!first && (IsComment(line) || IsBlank(line)) && newline >= 0)
            {
                start = newline + 1;
                continue;
            }
            if (newline >= 0)
            {
                var continuation = ContinuationStart(line, escape);
                if (continuation >= 0) line = line[..continuation];
            }
            builder.Append(line);
            if (newline < 0) break;
            start = newline + 1;
            first = false;
        }
        return builder.ToString();
    }

    internal static ReadOnlySpan<char> TrimCarriageReturns(ReadOnlySpan<char> line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == '\r') end--;
        return line[..end];
    }

    /// <summary>A whole-line comment: optional whitespace, then <c>#</c>.</summary>
    public static bool IsComment(ReadOnlySpan<char> line)
    {
        var i = 0;
        while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
        return i < line.Length && line[i] == '#';
    }

    public static bool IsBlank(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c)) return false;
        }
        return true;
    }
}

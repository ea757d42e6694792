namespace Dflint.Syntax.Parsing;

/// <summary>
/// Decides whether an argument is an exec-form array the way Go's encoding/json does: the whole text must be
/// one JSON array; only space, tab, CR and LF count as JSON whitespace.
/// </summary>
internal static class JsonArrayScanner
{
    internal enum Result
    {
        NotJson,
        StringArray,
        NonStringArray,
    }

    internal readonly record struct JsonToken(Syntax.SyntaxKind Kind, int Start, int End);

    /// <summary>Scans <paramref name="text"/>[start, end); on success fills <paramref name="tokens"/>.</summary>
    public static Result Scan(ReadOnlySpan<char> text, int start, int end, List<JsonToken> tokens)
    {
        tokens.Clear();
        var i = start;
        if (i >= end || text[i] != '[') return Result.NotJson;
        tokens.Add(new JsonToken(SyntaxKind.OpenBracketToken, i, i + 1));
        i++;
        SkipWhitespace(text, ref i, end);
        var allStrings = true;
        if (i < end && text[i] == ']')
        {
            tokens.Add(new JsonToken(SyntaxKind.CloseBracketToken, i, i + 1));
            i++;
        }
        else
        {
            while (true)
            {
                var valueStart = i;
                if (i < end && text[i] == '"')
                {
                    if (!SkipString(text, ref i, end)) return Result.NotJson;
                    tokens.Add(new JsonToken(SyntaxKind.JsonStringToken, valueStart, i));
                }
                else
                {
                    if (!SkipValue(text, ref i, end, depth: 0)) return Result.NotJson;
                    tokens.Add(new JsonToken(SyntaxKind.JsonValueToken, valueStart, i));
                    allStrings = false;
                }
                SkipWhitespace(text, ref i, end);
                if (i >= end) return Result.NotJson;
                if (text[i] == ',')
                {
                    tokens.Add(new JsonToken(SyntaxKind.CommaToken, i, i + 1));
                    i++;
                    SkipWhitespace(text, ref i, end);
                    continue;
                }
                if (text[i] == ']')
                {
                    tokens.Add(new JsonToken(SyntaxKind.CloseBracketToken, i, i + 1));
                    i++;
                    break;
                }
                return Result.NotJson;
            }
        }
        SkipWhitespace(text, ref i, end);
        if (i != end) return Result.NotJson;
        return allStrings ? Result.StringArray : Result.NonStringArray;
    }

    private static void SkipWhitespace(ReadOnlySpan<char> text, ref int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\r' or '\n') i++;
    }

    private static bool SkipString(ReadOnlySpan<char> text, ref int i, int end)
    {
        i++;
        while (i < end)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\')
            {
                if (i + 1 >= end) return false;
                var e = text[i + 1];
                if (e == 'u')
                {
                    if (i + 6 > end) return false;
                    for (var k = i + 2; k < i + 6; k++)
                    {
                        if (!char.IsAsciiHexDigit(text[k])) return false;
                    }
                    i += 6;
                    continue;
                }
                if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't')) return false;
                i += 2;
                continue;
            }
            i++;
        }
        return false;
    }

    private static bool SkipValue(ReadOnlySpan<char> text, ref int i, int end, int depth)
    {
        if (i >= end || depth > 1000) return false;
        var c = text[i];
        switch (c)
        {
            case '"':
                return SkipString(text, ref i, end);
            case '[':
            case '{':
                {
                    var close = c == '[' ? ']' : '}';
                    i++;
                    SkipWhitespace(text, ref i, end);
                    if (i < end && text[i] == close)
                    {
                        i++;
                        return true;
                    }
                    while (true)
                    {
                        if (c == '{')
                        {
                            if (i >= end || text[i] != '"' || !SkipString(text, ref i, end)) return false;
                            SkipWhitespace(text, ref i, end);
                            if (i >= end || text[i] != ':') return false;
                            i++;
                            SkipWhitespace(text, ref i, end);
                        }
                        if (!SkipValue(text, ref i, end, depth + 1)) return false;
                        SkipWhitespace(text, ref i, end);
                        if (i >= end) return false;
                        if (text[i] == ',')
                        {
                            i++;
                            SkipWhitespace(text, ref i, end);
                            continue;
                        }
                        if (text[i] == close)
                        {
                            i++;
                            return true;
                        }
                        return false;
                    }
                }
            case 't':
                return SkipLiteral(text, ref i, end, "true");
            case 'f':
                return SkipLiteral(text, ref i, end, "false");
            case 'n':
                return SkipLiteral(text, ref i, end, "null");
            default:
                return SkipNumber(text, ref i, end);
        }
    }

    private static bool SkipLiteral(ReadOnlySpan<char> text, ref int i, int end, string literal)
    {
        if (end - i < literal.Length || !text.Slice(i, literal.Length).SequenceEqual(literal)) return false;
        i += literal.Length;
        return true;
    }

    private static bool SkipNumber(ReadOnlySpan<char> text, ref int i, int end)
    {
        var j = i;
        if (j < end && text[j] == '-') j++;
        if (j >= end) return false;
        if (text[j] == '0')
        {
            j++;
        }
        else if (text[j] is >= '1' and <= '9')
        {
            while (j < end && char.IsAsciiDigit(text[j])) j++;
        }
        else
        {
            return false;
        }
        if (j < end && text[j] == '.')
        {
            j++;
            if (j >= end || !char.IsAsciiDigit(text[j])) return false;
            while (j < end && char.IsAsciiDigit(text[j])) j++;
        }
        if (j < end && text[j] is 'e' or 'E')
        {
            j++;
            if (j < end && text[j] is '+' or '-') j++;
            if (j >= end || !char.IsAsciiDigit(text[j])) return false;
            while (j < end && char.IsAsciiDigit(text[j])) j++;
        }
        i = j;
        return true;
    }
}

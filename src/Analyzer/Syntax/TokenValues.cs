using System.Globalization;
using System.Text;

namespace Dflint.Syntax;

internal static class TokenValues
{
    public static string GetValueText(SyntaxKind kind, string text, char escape)
    {
        if (kind == SyntaxKind.HeredocBodyToken) return text;
        var logical = LogicalText.Join(text, escape);
        return kind switch
        {
            SyntaxKind.JsonStringToken => DecodeJsonString(logical) ?? logical,
            SyntaxKind.FlagNameToken or SyntaxKind.FlagValueToken => UnquoteFlagWord(logical),
            _ => logical,
        };
    }

    /// <summary>
    /// Flag words lose their quotes and backslash escapes (always a backslash, whatever the escape
    /// directive says), as BuildKit's flag scanner reads them.
    /// </summary>
    public static string UnquoteFlagWord(string word)
    {
        if (word.AsSpan().IndexOfAny('"', '\'', '\\') < 0) return word;
        var builder = new StringBuilder(word.Length);
        var quote = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
                continue;
            }
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
                continue;
            }
            if (c == '\\')
            {
                if (i + 1 == word.Length) break;
                c = word[++i];
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Decodes a JSON string literal (with its quotes); null when it is not one.</summary>
    public static string? DecodeJsonString(ReadOnlySpan<char> literal)
    {
        if (literal.Length < 2 || literal[0] != '"' || literal[^1] != '"') return null;
        var body = literal[1..^1];
        if (body.IndexOf('\\') < 0) return body.ToString();
        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (++i >= body.Length) return null;
            switch (body[i])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (i + 4 >= body.Length) return null;
                    if (!int.TryParse(body.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)) return null;
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: return null;
            }
        }
        return builder.ToString();
    }
}

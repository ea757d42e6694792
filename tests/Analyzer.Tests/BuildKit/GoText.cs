using System.Globalization;
using System.Text;

namespace Dflint.Tests.BuildKit;

/// <summary>
/// Helpers that make .NET behave like Go on Go strings.
/// </summary>
/// <remarks>
/// BuildKit works on UTF-8 bytes. To mirror it exactly, the reference parser keeps every
/// piece of text as a "byte string": a .NET string in which each char holds one byte
/// (0..255) of the UTF-8 encoding. Byte-indexed Go code (extractBuilderFlags,
/// parseHealthConfig, slicing) then maps one-to-one onto char indexing, and rune-based Go
/// code decodes UTF-8 explicitly through <see cref="DecodeRune"/>, which follows
/// utf8.DecodeRuneInString (an invalid byte decodes as U+FFFD with width 1).
/// Only at the public surface are byte strings turned back into ordinary .NET strings.
/// </remarks>
internal static class GoText
{
    public const int RuneError = 0xFFFD;

    /// <summary>The UTF-8 bytes of <paramref name="text"/> as a byte string. Lone surrogates become U+FFFD.</summary>
    public static string FromDotNet(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
    }

    /// <summary>A byte string back to a .NET string; each invalid byte becomes one U+FFFD, as Go's range loop sees it.</summary>
    public static string ToDotNet(string bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        for (var pos = 0; pos < bytes.Length;)
        {
            var (r, w) = DecodeRune(bytes, pos);
            sb.Append(char.ConvertFromUtf32(r));
            pos += w;
        }

        return sb.ToString();
    }

    /// <summary>utf8.DecodeRuneInString over a byte string.</summary>
    public static (int Rune, int Width) DecodeRune(string s, int pos)
    {
        if (pos >= s.Length)
        {
            return (RuneError, 0);
        }

        int b0 = s[pos];
        if (b0 < 0x80)
        {
            return (b0, 1);
        }

        int need;
        int min;
        int r;
        if (b0 >= 0xC2 && b0 <= 0xDF)
        {
            need = 1;
            min = 0x80;
            r = b0 & 0x1F;
        }
        else if (b0 >= 0xE0 && b0 <= 0xEF)
        {
            need = 2;
            min = 0x800;
            r = b0 & 0x0F;
        }
        else if (b0 >= 0xF0 && b0 <= 0xF4)
        {
            need = 3;
            min = 0x10000;
            r = b0 & 0x07;
        }
        else
        {
            return (RuneError, 1);
        }

        for (var k = 1; k <= need; k++)
        {
            if (pos + k >= s.Length)
            {
                return (RuneError, 1);
            }

            int b = s[pos + k];
            if (b < 0x80 || b > 0xBF)
            {
                return (RuneError, 1);
            }

            r = (r << 6) | (b & 0x3F);
        }

        if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        {
            return (RuneError, 1);
        }

        return (r, need + 1);
    }

    /// <summary>utf8.EncodeRune / string(rune) onto a byte-string builder. Invalid runes become U+FFFD.</summary>
    public static void AppendRune(StringBuilder sb, int r)
    {
        if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        {
            r = RuneError;
        }

        if (r < 0x80)
        {
            sb.Append((char)r);
        }
        else if (r < 0x800)
        {
            sb.Append((char)(0xC0 | (r >> 6)));
            sb.Append((char)(0x80 | (r & 0x3F)));
        }
        else if (r < 0x10000)
        {
            sb.Append((char)(0xE0 | (r >> 12)));
            sb.Append((char)(0x80 | ((r >> 6) & 0x3F)));
            sb.Append((char)(0x80 | (r & 0x3F)));
        }
        else
        {
            sb.Append((char)(0xF0 | (r >> 18)));
            sb.Append((char)(0x80 | ((r >> 12) & 0x3F)));
            sb.Append((char)(0x80 | ((r >> 6) & 0x3F)));
            sb.Append((char)(0x80 | (r & 0x3F)));
        }
    }

    public static string RuneToString(int r)
    {
        var sb = new StringBuilder(4);
        AppendRune(sb, r);
        return sb.ToString();
    }

    /// <summary>
    /// Go's unicode.IsSpace. Written out instead of char.IsWhiteSpace so that the set is
    /// exactly Go's (Latin-1 space characters plus the Unicode White_Space property).
    /// </summary>
    public static bool IsSpace(int r) => r switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 => true,
        0x1680 or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        >= 0x2000 and <= 0x200A => true,
        _ => false,
    };

    /// <summary>bytes.TrimLeftFunc(s, unicode.IsSpace).</summary>
    public static string TrimLeftSpace(string s)
    {
        var pos = 0;
        while (pos < s.Length)
        {
            var (r, w) = DecodeRune(s, pos);
            if (!IsSpace(r) || (r == RuneError && w == 1))
            {
                break;
            }

            pos += w;
        }

        return s[pos..];
    }

    /// <summary>strings.TrimSpace: trims unicode.IsSpace runes at both ends.</summary>
    public static string TrimSpace(string s)
    {
        s = TrimLeftSpace(s);
        var end = s.Length;
        while (end > 0)
        {
            // Find the start of the last rune the way utf8.DecodeLastRuneInString does.
            var start = end - 1;
            while (start > 0 && end - start < 4 && (s[start] & 0xC0) == 0x80)
            {
                start--;
            }

            var (r, w) = DecodeRune(s, start);
            if (start + w != end)
            {
                // s[end-1] is not the end of a valid rune: it is an invalid byte.
                break;
            }

            if (!IsSpace(r) || (r == RuneError && w == 1))
            {
                break;
            }

            end = start;
        }

        return s[..end];
    }

    /// <summary>strings.ToLower: unicode lower-casing per rune; invalid bytes become U+FFFD.</summary>
    public static string ToLower(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var pos = 0; pos < s.Length;)
        {
            var (r, w) = DecodeRune(s, pos);
            pos += w;
            if (r < 0x80)
            {
                sb.Append(r is >= 'A' and <= 'Z' ? (char)(r + 32) : (char)r);
                continue;
            }

            AppendRune(sb, Rune.ToLowerInvariant(new Rune(r)).Value);
        }

        return sb.ToString();
    }

    /// <summary>Go's regexp.Split for a pattern that cannot match the empty string.</summary>
    public static List<string> RegexSplit(string s, Func<string, int, (int Start, int End)?> findNext, int n)
    {
        var result = new List<string>();
        if (n == 0)
        {
            return result;
        }

        if (s.Length == 0)
        {
            result.Add(string.Empty);
            return result;
        }

        var beg = 0;
        var end = 0;
        var searchFrom = 0;
        var found = 0;
        while (true)
        {
            if (n > 0 && found >= n)
            {
                break;
            }

            var m = findNext(s, searchFrom);
            if (m is null)
            {
                break;
            }

            found++;
            if (n > 0 && result.Count == n - 1)
            {
                break;
            }

            end = m.Value.Start;
            if (m.Value.End != 0)
            {
                result.Add(s[beg..end]);
            }

            beg = m.Value.End;
            searchFrom = m.Value.End;
        }

        if (end != s.Length)
        {
            result.Add(s[beg..]);
        }

        return result;
    }

    /// <summary>Finds the next run of <c>[\t\v\f\r ]+</c> (BuildKit's reWhitespace).</summary>
    public static (int Start, int End)? FindWhitespaceRun(string s, int from)
    {
        for (var i = from; i < s.Length; i++)
        {
            if (IsReWhitespace(s[i]))
            {
                var j = i;
                while (j < s.Length && IsReWhitespace(s[j]))
                {
                    j++;
                }

                return (i, j);
            }
        }

        return null;
    }

    private static bool IsReWhitespace(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ';

    /// <summary>strconv.Quote over a byte string, returned as a byte string (for error messages).</summary>
    public static string QuoteBytes(string s) => FromDotNet(Quote(s));

    /// <summary>strconv.Quote over a byte string, returned as a .NET string.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (var pos = 0; pos < s.Length;)
        {
            var (r, w) = DecodeRune(s, pos);
            if (w == 1 && r == RuneError)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)s[pos]:x2}");
                pos++;
                continue;
            }

            pos += w;
            if (r == '"' || r == '\\')
            {
                sb.Append('\\').Append((char)r);
                continue;
            }

            if (IsPrint(r))
            {
                sb.Append(char.ConvertFromUtf32(r));
                continue;
            }

            switch (r)
            {
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }

            if (r < ' ' || r == 0x7F)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{r:x2}");
            }
            else if (r < 0x10000)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{r:x4}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\U{r:x8}");
            }
        }

        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>
    /// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    /// .NET's Unicode tables may be a different version from Go's; only rarely used
    /// code points can differ.
    /// </summary>
    public static bool IsPrint(int r)
    {
        if (r == ' ')
        {
            return true;
        }

        var cat = Rune.GetUnicodeCategory(new Rune(r));
        return cat switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }

    /// <summary>Go's unicode.IsLetter.</summary>
    public static bool IsLetter(int r) => r is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) && Rune.IsLetter(new Rune(r));

    /// <summary>Go's unicode.IsDigit (category Nd).</summary>
    public static bool IsDigit(int r) => r is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) && Rune.IsDigit(new Rune(r));
}

using System.Globalization;
using System.Text;

namespace Dflint.Tests.BuildKit;

/// <summary>
/// Naive model of <c>json.Unmarshal(text, &amp;[]interface{})</c> as BuildKit's parseJSON uses it.
/// </summary>
/// <remarks>
/// BuildKit switched from a streaming <c>json.NewDecoder(...).Decode</c> (which silently
/// ignored anything after the closing bracket) to <c>json.Unmarshal</c> in moby/buildkit
/// PR #5107 (mid 2024). This model follows the newer behaviour: the whole text (after the
/// caller's left trim) must be one JSON value followed only by JSON whitespace.
/// Go first checks that the whole input is valid JSON, then decodes; while decoding a
/// number that does not fit a float64 it records an error but keeps going, and that error
/// wins over the "not a string" check done later by BuildKit.
/// </remarks>
internal static class GoJsonArray
{
    public enum Outcome
    {
        /// <summary>Valid array whose elements are all strings.</summary>
        Strings,

        /// <summary>Any error other than "element is not a string" (syntax, type, range...).</summary>
        Invalid,

        /// <summary>Decoded fine, but some element is not a string.</summary>
        NotAllStrings,
    }

    private const int MaxDepth = 10000;

    /// <summary>Decodes a byte string. Values are byte strings (valid UTF-8).</summary>
    public static Outcome Decode(string input, out List<string> values)
    {
        values = [];
        var p = new JsonReader(input);
        p.SkipWs();
        if (!p.Value(0))
        {
            return Outcome.Invalid;
        }

        p.SkipWs();
        if (p.Pos != input.Length)
        {
            return Outcome.Invalid;
        }

        // Valid JSON. Now decode the top-level value into []interface{}.
        var d = new JsonReader(input);
        d.SkipWs();
        if (d.Peek() != '[')
        {
            // An object, string, number... does not fit a slice. (Callers only pass text that starts with '['.)
            return Outcome.Invalid;
        }

        d.Pos++;
        var rangeError = false;
        var allStrings = true;
        d.SkipWs();
        if (d.Peek() == ']')
        {
            return Outcome.Strings;
        }

        while (true)
        {
            d.SkipWs();
            var c = d.Peek();
            if (c == '"')
            {
                values.Add(d.ReadString());
            }
            else
            {
                allStrings = false;
                var start = d.Pos;
                d.Value(0);
                var token = input[start..d.Pos];
                if (c is '-' or (>= '0' and <= '9'))
                {
                    var f = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (double.IsInfinity(f))
                    {
                        rangeError = true;
                    }
                }
                else
                {
                    // Nested arrays/objects may hold out-of-range numbers too.
                    rangeError |= ContainsOutOfRangeNumber(token);
                }
            }

            d.SkipWs();
            if (d.Peek() == ',')
            {
                d.Pos++;
                continue;
            }

            break;
        }

        if (rangeError)
        {
            return Outcome.Invalid;
        }

        return allStrings ? Outcome.Strings : Outcome.NotAllStrings;
    }

    private static bool ContainsOutOfRangeNumber(string token)
    {
        var r = new JsonReader(token);
        var found = false;
        r.OnNumber = n =>
        {
            if (double.IsInfinity(double.Parse(n, NumberStyles.Float, CultureInfo.InvariantCulture)))
            {
                found = true;
            }
        };
        r.Value(0);
        return found;
    }

    private sealed class JsonReader(string s)
    {
        public int Pos;

        public Action<string>? OnNumber;

        public int Peek() => Pos < s.Length ? s[Pos] : -1;

        public void SkipWs()
        {
            while (Pos < s.Length && s[Pos] is ' ' or '\t' or '\n' or '\r')
            {
                Pos++;
            }
        }

        public bool Value(int depth)
        {
            switch (Peek())
            {
                case '[':
                    return Composite(depth, ']', isObject: false);
                case '{':
                    return Composite(depth, '}', isObject: true);
                case '"':
                    return SkipString();
                case 't':
                    return Literal("true");
                case 'f':
                    return Literal("false");
                case 'n':
                    return Literal("null");
                default:
                    return Number();
            }
        }

        private bool Composite(int depth, char close, bool isObject)
        {
            if (depth + 1 > MaxDepth)
            {
                return false;
            }

            Pos++;
            SkipWs();
            if (Peek() == close)
            {
                Pos++;
                return true;
            }

            while (true)
            {
                SkipWs();
                if (isObject)
                {
                    if (Peek() != '"' || !SkipString())
                    {
                        return false;
                    }

                    SkipWs();
                    if (Peek() != ':')
                    {
                        return false;
                    }

                    Pos++;
                    SkipWs();
                }

                if (!Value(depth + 1))
                {
                    return false;
                }

                SkipWs();
                if (Peek() == ',')
                {
                    Pos++;
                    continue;
                }

                if (Peek() == close)
                {
                    Pos++;
                    return true;
                }

                return false;
            }
        }

        private bool Literal(string word)
        {
            if (Pos + word.Length <= s.Length && string.CompareOrdinal(s, Pos, word, 0, word.Length) == 0)
            {
                Pos += word.Length;
                return true;
            }

            return false;
        }

        private bool Number()
        {
            var start = Pos;
            if (Peek() == '-')
            {
                Pos++;
            }

            if (Peek() == '0')
            {
                Pos++;
            }
            else if (Peek() is >= '1' and <= '9')
            {
                while (Peek() is >= '0' and <= '9')
                {
                    Pos++;
                }
            }
            else
            {
                return false;
            }

            if (Peek() == '.')
            {
                Pos++;
                if (Peek() is not (>= '0' and <= '9'))
                {
                    return false;
                }

                while (Peek() is >= '0' and <= '9')
                {
                    Pos++;
                }
            }

            if (Peek() is 'e' or 'E')
            {
                Pos++;
                if (Peek() is '+' or '-')
                {
                    Pos++;
                }

                if (Peek() is not (>= '0' and <= '9'))
                {
                    return false;
                }

                while (Peek() is >= '0' and <= '9')
                {
                    Pos++;
                }
            }

            OnNumber?.Invoke(s[start..Pos]);
            return true;
        }

        private bool SkipString()
        {
            Pos++;
            while (Pos < s.Length)
            {
                var c = s[Pos];
                if (c == '"')
                {
                    Pos++;
                    return true;
                }

                if (c < 0x20)
                {
                    return false;
                }

                if (c == '\\')
                {
                    Pos++;
                    if (Pos >= s.Length)
                    {
                        return false;
                    }

                    var e = s[Pos];
                    if (e == 'u')
                    {
                        for (var k = 1; k <= 4; k++)
                        {
                            if (Pos + k >= s.Length || !Uri.IsHexDigit(s[Pos + k]))
                            {
                                return false;
                            }
                        }

                        Pos += 5;
                        continue;
                    }

                    if (e is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                    {
                        return false;
                    }
                }

                Pos++;
            }

            return false;
        }

        private int Hex4(int at)
        {
            if (at + 6 > s.Length || s[at] != '\\' || s[at + 1] != 'u')
            {
                return -1;
            }

            var v = 0;
            for (var k = 2; k < 6; k++)
            {
                if (!Uri.IsHexDigit(s[at + k]))
                {
                    return -1;
                }

                v = (v * 16) + Convert.ToInt32(s[at + k].ToString(), 16);
            }

            return v;
        }

        /// <summary>Decodes an already validated string the way encoding/json's unquote does.</summary>
        public string ReadString()
        {
            var sb = new StringBuilder();
            Pos++;
            while (true)
            {
                var c = s[Pos];
                if (c == '"')
                {
                    Pos++;
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    var e = s[Pos + 1];
                    switch (e)
                    {
                        case 'u':
                            var rr = Hex4(Pos);
                            Pos += 6;
                            if (rr is >= 0xD800 and <= 0xDFFF)
                            {
                                var rr1 = Hex4(Pos);
                                if (rr is <= 0xDBFF && rr1 is >= 0xDC00 and <= 0xDFFF)
                                {
                                    Pos += 6;
                                    GoText.AppendRune(sb, 0x10000 + ((rr - 0xD800) << 10) + (rr1 - 0xDC00));
                                    continue;
                                }

                                rr = GoText.RuneError;
                            }

                            GoText.AppendRune(sb, rr);
                            continue;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        default: sb.Append(e); break;
                    }

                    Pos += 2;
                    continue;
                }

                var (r, w) = GoText.DecodeRune(s, Pos);
                GoText.AppendRune(sb, r);
                Pos += w;
            }
        }
    }
}

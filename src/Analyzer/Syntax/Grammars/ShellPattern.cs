using System.Text;

namespace Dflint.Syntax.Grammars;

/// <summary>
/// The wildcard patterns BuildKit accepts in <c>${VAR#p}</c>, <c>${VAR%p}</c> and <c>${VAR/p/r}</c>:
/// <c>*</c>, <c>?</c> and backslash escapes, no bracket expressions. BuildKit compiles them to Go
/// regular expressions; matching them directly with a state-set simulation keeps the cost at
/// O(value × pattern) instead of depending on a backtracking regex engine.
/// </summary>
internal static class ShellPattern
{
    private const int Any = -2;
    private const int Star = -3;

    /// <summary>Tokens are code points, or <see cref="Any"/> / <see cref="Star"/>.</summary>
    public static bool TryParse(string pattern, out int[] tokens, out string? error)
    {
        var points = ToCodePoints(pattern);
        var list = new List<int>(points.Length);
        for (var i = 0; i < points.Length; i++)
        {
            var tok = points[i];
            switch (tok)
            {
                case '*':
                    list.Add(Star);
                    continue;
                case '?':
                    list.Add(Any);
                    continue;
                case '\\':
                    var peek = i + 1 < points.Length ? points[i + 1] : -1;
                    // Inside ${} the closing brace and the slash have to be escaped, and BuildKit
                    // drops that escape rather than treating it as part of the pattern.
                    if (peek is '}' or '/')
                    {
                        continue;
                    }

                    i++;
                    if (peek is not ('*' or '?' or '\\'))
                    {
                        tokens = [];
                        error = peek < 0 ? "invalid escape '\\' at end of pattern" : $"invalid escape '\\{char.ConvertFromUtf32(peek)}'";
                        return false;
                    }

                    list.Add(peek);
                    continue;
                default:
                    list.Add(tok);
                    continue;
            }
        }

        tokens = [.. list];
        error = null;
        return true;
    }

    /// <summary>
    /// Reverses a raw pattern while keeping each <c>\x</c> pair in order, the same way BuildKit
    /// turns a suffix match into a prefix match on reversed text.
    /// </summary>
    public static string ReverseRaw(string pattern)
    {
        var points = ToCodePoints(pattern);
        var output = new int[points.Length];
        var last = points.Length - 1;
        for (var i = 0; i <= last;)
        {
            var outIndex = last - i;
            if (points[i] == '\\' && i != last)
            {
                output[outIndex - 1] = '\\';
                output[outIndex] = points[i + 1];
                i += 2;
            }
            else
            {
                output[outIndex] = points[i];
                i++;
            }
        }

        return FromCodePoints(output, 0, output.Length);
    }

    /// <summary>End of the shortest or longest match anchored at the start of <paramref name="value"/>, or -1.</summary>
    public static int MatchPrefix(int[] tokens, int[] value, bool longest)
    {
        var m = tokens.Length;
        var current = new bool[m + 1];
        var next = new bool[m + 1];
        current[0] = true;
        CloseOverStars(tokens, current);
        var result = -1;
        for (var i = 0; ; i++)
        {
            if (current[m])
            {
                result = i;
                if (!longest)
                {
                    return result;
                }
            }

            if (i == value.Length)
            {
                return result;
            }

            Array.Clear(next);
            var alive = false;
            var c = value[i];
            for (var k = 0; k < m; k++)
            {
                if (!current[k])
                {
                    continue;
                }

                var t = tokens[k];
                // Go's '.' does not match a newline, and BuildKit's '*' and '?' are built from it.
                if (t == Star && c != '\n')
                {
                    next[k] = alive = true;
                }
                else if ((t == Any && c != '\n') || t == c)
                {
                    next[k + 1] = alive = true;
                }
            }

            if (!alive)
            {
                return result;
            }

            CloseOverStars(tokens, next);
            (current, next) = (next, current);
        }
    }

    /// <summary>
    /// Leftmost match at or after <paramref name="from"/>, longest among those starting there,
    /// which is what Go's leftmost-first search yields for all-greedy wildcard patterns.
    /// </summary>
    public static (int Start, int End) FindFirst(int[] tokens, int[] value, int from)
    {
        var m = tokens.Length;
        var current = new int[m + 1];
        var next = new int[m + 1];
        Array.Fill(current, -1);
        int bestStart = -1, bestEnd = -1;
        for (var i = from; ; i++)
        {
            if (bestStart < 0 && current[0] < 0)
            {
                current[0] = i;
            }

            for (var k = 0; k < m; k++)
            {
                if (current[k] >= 0 && tokens[k] == Star && (current[k + 1] < 0 || current[k] < current[k + 1]))
                {
                    current[k + 1] = current[k];
                }
            }

            var start = current[m];
            if (start >= 0 && (bestStart < 0 || start < bestStart || (start == bestStart && i > bestEnd)))
            {
                bestStart = start;
                bestEnd = i;
            }

            if (bestStart >= 0)
            {
                for (var k = 0; k <= m; k++)
                {
                    if (current[k] > bestStart)
                    {
                        current[k] = -1;
                    }
                }
            }

            if (i == value.Length)
            {
                break;
            }

            Array.Fill(next, -1);
            var alive = false;
            var c = value[i];
            for (var k = 0; k < m; k++)
            {
                var s = current[k];
                if (s < 0)
                {
                    continue;
                }

                var t = tokens[k];
                var target = -1;
                if (t == Star && c != '\n')
                {
                    target = k;
                }
                else if ((t == Any && c != '\n') || t == c)
                {
                    target = k + 1;
                }

                if (target >= 0 && (next[target] < 0 || s < next[target]))
                {
                    next[target] = s;
                    alive = true;
                }
            }

            if (!alive && bestStart >= 0)
            {
                break;
            }

            (current, next) = (next, current);
        }

        return (bestStart, bestEnd);
    }

    public static int[] ToCodePoints(string text)
    {
        var result = new int[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result[count++] = char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else
            {
                result[count++] = char.IsSurrogate(c) ? 0xFFFD : c;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    public static string FromCodePoints(int[] points, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            AppendCodePoint(builder, points[i]);
        }

        return builder.ToString();
    }

    public static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    private static void CloseOverStars(int[] tokens, bool[] states)
    {
        for (var k = 0; k < tokens.Length; k++)
        {
            if (states[k] && tokens[k] == Star)
            {
                states[k + 1] = true;
            }
        }
    }
}

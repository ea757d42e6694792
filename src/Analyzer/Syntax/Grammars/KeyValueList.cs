using System.Text;

namespace Dflint.Syntax.Grammars;

/// <summary>One field of a <see cref="KeyValueList"/>: <c>key=value</c>, or a bare <c>key</c> (then <see cref="Value"/> is null).</summary>
public sealed record KeyValueEntry(string Key, string? Value, TextSpan KeySpan, TextSpan? ValueSpan, TextSpan Span)
{
    /// <summary>BuildKit lower-cases keys before matching them.</summary>
    public string NormalizedKey => Key.ToLowerInvariant();
}

public sealed record KeyValueError(string Message, int Position)
{
    public override string ToString() => $"{Message} (at position {Position})";
}

/// <summary>
/// A BuildKit flag value such as <c>type=cache,target=/root/.cache,ro</c>. BuildKit reads these with
/// Go's encoding/csv (one record, ',' separated, RFC 4180 quoting without lazy quotes) and then
/// splits each field at its first '='. The scanner is hand-written rather than built with Sprache
/// because reproducing Go's exact quote errors and mapping unquoted text back to source spans is
/// simpler that way. Spans and error positions are offsets into the parsed text.
/// </summary>
public sealed class KeyValueList
{
    private KeyValueList(ImmutableArray<KeyValueEntry> entries, ImmutableArray<KeyValueError> errors)
    {
        Entries = entries;
        Errors = errors;
    }

    public ImmutableArray<KeyValueEntry> Entries { get; }

    public ImmutableArray<KeyValueError> Errors { get; }

    public bool HasErrors => !Errors.IsEmpty;

    /// <summary>The last entry with this key (case-insensitive), which is the one BuildKit ends up using.</summary>
    public KeyValueEntry? Find(string key)
    {
        for (var i = Entries.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return Entries[i];
            }
        }

        return null;
    }

    public IEnumerable<KeyValueEntry> FindAll(string key) =>
        Entries.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    public static KeyValueList Parse(string? text) => new Scanner(text ?? string.Empty).Run();

    private sealed class Scanner(string text)
    {
        private readonly ImmutableArray<KeyValueEntry>.Builder _entries = ImmutableArray.CreateBuilder<KeyValueEntry>();
        private readonly ImmutableArray<KeyValueError>.Builder _errors = ImmutableArray.CreateBuilder<KeyValueError>();

        public KeyValueList Run()
        {
            var pos = 0;
            // Go's csv reader skips blank lines before the first record.
            while (pos < text.Length && (text[pos] == '\n' || (text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n')))
            {
                pos += text[pos] == '\r' ? 2 : 1;
            }

            if (pos == text.Length)
            {
                _errors.Add(new KeyValueError("value is empty", pos));
                return Finish();
            }

            while (true)
            {
                if (pos == text.Length)
                {
                    // A trailing ',' leaves one more, empty, field, as in Go.
                    AddEntry(string.Empty, pos, pos, null);
                    return Finish();
                }

                var end = text[pos] == '"' ? ScanQuoted(pos) : ScanUnquoted(pos);
                if (end < 0 || end == text.Length)
                {
                    return Finish();
                }

                if (text[end] == ',')
                {
                    pos = end + 1;
                    continue;
                }

                // The field ended at a line break: BuildKit reads a single record and drops the rest.
                var rest = end + 1;
                while (rest < text.Length && text[rest] is '\n' or '\r')
                {
                    rest++;
                }

                if (rest < text.Length)
                {
                    _errors.Add(new KeyValueError("text after a line break is ignored by BuildKit", rest));
                }

                return Finish();
            }
        }

        private KeyValueList Finish() => new(_entries.ToImmutable(), _errors.ToImmutable());

        /// <summary>Returns the index of the ',' or '\n' ending the field, the text length, or -1 after an error.</summary>
        private int ScanUnquoted(int start)
        {
            var end = text.IndexOfAny([',', '\n'], start);
            if (end < 0)
            {
                end = text.Length;
            }

            var fieldEnd = end < text.Length && text[end] == '\n' && end > start && text[end - 1] == '\r' ? end - 1 : end;
            var quote = text.IndexOf('"', start, fieldEnd - start);
            if (quote >= 0)
            {
                _errors.Add(new KeyValueError("bare '\"' in a non-quoted field; quote the whole field instead, e.g. \"key=a,b\"", quote));
                return -1;
            }

            AddEntry(text[start..fieldEnd], start, fieldEnd, null);
            return end;
        }

        private int ScanQuoted(int start)
        {
            var builder = new StringBuilder();
            var map = new List<int>();
            var i = start + 1;
            while (true)
            {
                if (i >= text.Length)
                {
                    _errors.Add(new KeyValueError($"missing closing '\"' for the quoted field starting at position {start}", text.Length));
                    return -1;
                }

                var c = text[i];
                if (c != '"')
                {
                    builder.Append(c);
                    map.Add(i);
                    i++;
                    continue;
                }

                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (next == '"')
                {
                    builder.Append('"');
                    map.Add(i);
                    i += 2;
                    continue;
                }

                var atLineEnd = i + 1 == text.Length || next == '\n' || (next == '\r' && i + 2 < text.Length && text[i + 2] == '\n');
                if (next != ',' && !atLineEnd)
                {
                    _errors.Add(new KeyValueError("extraneous or missing '\"' in quoted field", i));
                    return -1;
                }

                AddEntry(builder.ToString(), start, i + 1, map);
                return next == '\r' ? i + 2 : i + 1;
            }
        }

        /// <param name="field">The field with quoting removed.</param>
        /// <param name="rawStart">Start of the field in the source, including any opening quote.</param>
        /// <param name="rawEnd">End of the field in the source, including any closing quote.</param>
        /// <param name="map">Source index of each character of <paramref name="field"/>; null when unquoted.</param>
        private void AddEntry(string field, int rawStart, int rawEnd, List<int>? map)
        {
            if (field.Length == 0)
            {
                _errors.Add(new KeyValueError("empty field", rawStart));
                return;
            }

            var contentStart = map is null ? rawStart : rawStart + 1;
            int Source(int index) => map is null ? contentStart + index : map[index];
            // Inside quotes a '"' always comes from a doubled '""', which is two source characters wide.
            int SourceEnd(int index) => Source(index) + (map is not null && field[index] == '"' ? 2 : 1);
            TextSpan Range(int from, int to) => from < to
                ? TextSpan.FromBounds(Source(from), SourceEnd(to - 1))
                : new TextSpan(from == 0 ? contentStart : SourceEnd(from - 1), 0);

            var eq = field.IndexOf('=');
            var entry = eq < 0
                ? new KeyValueEntry(field, null, Range(0, field.Length), null, TextSpan.FromBounds(rawStart, rawEnd))
                : new KeyValueEntry(field[..eq], field[(eq + 1)..], Range(0, eq), Range(eq + 1, field.Length), TextSpan.FromBounds(rawStart, rawEnd));
            if (eq == 0)
            {
                _errors.Add(new KeyValueError("missing key before '='", entry.KeySpan.Start));
            }

            _entries.Add(entry);
        }
    }
}

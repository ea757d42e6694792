using System.Text;

namespace Dflint.Semantics.Shell;

/// <summary>
/// A string that was cut, joined or decoded out of a Dockerfile (a shell command with its line
/// continuations removed, a JSON string with its escapes decoded), with the file position of every
/// character, so that anything found in the string can be reported and edited where it is written.
/// </summary>
/// <remarks>
/// The map is a sorted array of segments. A segment is either a run of characters copied one to one
/// from the file, or a single character written with several file characters (<c>\"</c> in JSON,
/// <c>\$</c> in a shell word). Lookups are a binary search, so the map costs one entry per
/// discontinuity rather than one per character.
/// </remarks>
public sealed class MappedText
{
    private readonly Segment[] _segments;
    private readonly int _endOffset;

    private MappedText(string text, Segment[] segments, int endOffset)
    {
        Text = text;
        _segments = segments;
        _endOffset = endOffset;
    }

    /// <summary>The logical text.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>The file span from the first character to the end of the last one.</summary>
    public TextSpan FileSpan => ToFileSpan(0, Text.Length);

    internal int SegmentCount => _segments.Length;

    /// <summary>A text copied unchanged from the file, starting at <paramref name="fileStart"/>.</summary>
    public static MappedText FromContiguous(string text, int fileStart)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(fileStart);
        var segments = text.Length == 0 ? [] : new[] { new Segment(0, fileStart, text.Length, text.Length) };
        return new MappedText(text, segments, fileStart + text.Length);
    }

    /// <summary>
    /// The file offset of the character at <paramref name="logicalIndex"/>; <see cref="Length"/> maps to the
    /// end of the last character.
    /// </summary>
    public int ToFileOffset(int logicalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(logicalIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(logicalIndex, Text.Length);
        if (logicalIndex == Text.Length) return _endOffset;
        ref readonly var segment = ref _segments[FindSegment(logicalIndex)];
        return segment.IsOneToOne ? segment.FileStart + (logicalIndex - segment.LogicalStart) : segment.FileStart;
    }

    /// <summary>
    /// The file span from the start of the first character to the end of the last one. An empty span sits
    /// just after the character before it (where an empty value after <c>NAME=</c> belongs), not before the
    /// next one, which a line continuation may have moved to another line.
    /// </summary>
    public TextSpan ToFileSpan(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Text.Length);
        if (length == 0) return new TextSpan(start == 0 ? ToFileOffset(0) : ToFileEnd(start - 1), 0);
        return TextSpan.FromBounds(ToFileOffset(start), ToFileEnd(start + length - 1));
    }

    /// <summary>The characters from <paramref name="start"/>, each keeping its file position.</summary>
    internal MappedText Slice(int start, int length)
    {
        var builder = new Builder(ToFileSpan(start, length).Start);
        builder.AppendSlice(this, start, length);
        return builder.ToMappedText();
    }

    /// <summary>The file offset just after the character at <paramref name="logicalIndex"/>.</summary>
    internal int ToFileEnd(int logicalIndex)
    {
        ref readonly var segment = ref _segments[FindSegment(logicalIndex)];
        return segment.IsOneToOne ? segment.FileStart + (logicalIndex - segment.LogicalStart) + 1 : segment.FileStart + segment.FileLength;
    }

    /// <summary>The segments, as (logical start, file start, length, file length); for tests and debugging.</summary>
    internal IEnumerable<(int LogicalStart, int FileStart, int Length, int FileLength)> Segments =>
        _segments.Select(s => (s.LogicalStart, s.FileStart, s.Length, s.FileLength));

    public override string ToString() => Text;

    private int FindSegment(int logicalIndex)
    {
        int low = 0, high = _segments.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (_segments[middle].LogicalStart <= logicalIndex) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    /// <summary>
    /// <paramref name="Length"/> characters from <paramref name="LogicalStart"/>: one to one from
    /// <paramref name="FileStart"/> when <paramref name="FileLength"/> equals the length, else one character
    /// written with <paramref name="FileLength"/> file characters.
    /// </summary>
    private readonly record struct Segment(int LogicalStart, int FileStart, int Length, int FileLength)
    {
        public bool IsOneToOne => Length == FileLength;
    }

    /// <summary>Builds a <see cref="MappedText"/> one character or one run at a time, merging adjacent runs.</summary>
    internal sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly List<Segment> _segments = [];
        private int _endOffset;

        /// <param name="anchor">The file offset an empty result maps to.</param>
        public Builder(int anchor)
        {
            _endOffset = anchor;
        }

        /// <summary>Characters copied one to one from the file starting at <paramref name="fileStart"/>.</summary>
        public void AppendRun(ReadOnlySpan<char> chars, int fileStart)
        {
            if (chars.IsEmpty) return;
            if (_segments.Count > 0 && _segments[^1] is { IsOneToOne: true } last && last.FileStart + last.Length == fileStart)
            {
                _segments[^1] = last with { Length = last.Length + chars.Length, FileLength = last.FileLength + chars.Length };
            }
            else
            {
                _segments.Add(new Segment(_text.Length, fileStart, chars.Length, chars.Length));
            }
            _text.Append(chars);
            _endOffset = fileStart + chars.Length;
        }

        /// <summary>One character written in the file as the characters from <paramref name="fileStart"/> to <paramref name="fileEnd"/>.</summary>
        public void Append(char c, int fileStart, int fileEnd)
        {
            if (fileEnd - fileStart == 1)
            {
                AppendRun([c], fileStart);
                return;
            }
            _segments.Add(new Segment(_text.Length, fileStart, 1, Math.Max(1, fileEnd - fileStart)));
            _text.Append(c);
            _endOffset = Math.Max(fileEnd, fileStart + 1);
        }

        /// <summary>The number of characters appended so far.</summary>
        public int Length => _text.Length;

        /// <summary>
        /// The characters of <paramref name="source"/> from <paramref name="start"/>, each keeping its file position:
        /// for a part of a text that was already mapped (a word of an exec-form array, its decoded strings).
        /// </summary>
        public void AppendSlice(MappedText source, int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, source.Length);
            var end = start + length;
            var index = start;
            while (index < end)
            {
                ref readonly var segment = ref source._segments[source.FindSegment(index)];
                if (!segment.IsOneToOne)
                {
                    Append(source.Text[index], segment.FileStart, segment.FileStart + segment.FileLength);
                    index++;
                    continue;
                }
                var runEnd = Math.Min(end, segment.LogicalStart + segment.Length);
                AppendRun(source.Text.AsSpan(index, runEnd - index), segment.FileStart + (index - segment.LogicalStart));
                index = runEnd;
            }
        }

        public MappedText ToMappedText() => new(_text.ToString(), [.. _segments], _endOffset);
    }
}

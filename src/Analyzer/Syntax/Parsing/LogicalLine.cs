namespace Dflint.Syntax.Parsing;

/// <summary>
/// One instruction's text as BuildKit reads it (continuations joined), held in a reused buffer, with the
/// map from each logical character back to its position in the file.
/// </summary>
internal sealed class LogicalLine
{
    private char[] _buffer = new char[128];
    private Segment[] _segments = new Segment[8];

    public int Length { get; private set; }

    public int SegmentCount { get; private set; }

    public ReadOnlySpan<char> Span => _buffer.AsSpan(0, Length);

    public char this[int index] => _buffer[index];

    public ref readonly Segment GetSegment(int index) => ref _segments[index];

    public void Clear()
    {
        Length = 0;
        SegmentCount = 0;
    }

    public void Append(ReadOnlySpan<char> text, int sourceStart, int length)
    {
        if (Length + length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        if (SegmentCount == _segments.Length) Array.Resize(ref _segments, _segments.Length * 2);
        text.Slice(sourceStart, length).CopyTo(_buffer.AsSpan(Length));
        _segments[SegmentCount++] = new Segment(Length, sourceStart, length);
        Length += length;
    }

    /// <summary>The file position of the logical character at <paramref name="logical"/>.</summary>
    public int ToSourceStart(int logical)
    {
        var index = FindSegment(logical, preferEarlier: false);
        ref readonly var segment = ref _segments[index];
        return segment.SourceStart + (logical - segment.LogicalStart);
    }

    /// <summary>The file position just after the logical character before <paramref name="logicalEnd"/>.</summary>
    public int ToSourceEnd(int logicalEnd)
    {
        var index = FindSegment(logicalEnd, preferEarlier: true);
        ref readonly var segment = ref _segments[index];
        return segment.SourceStart + (logicalEnd - segment.LogicalStart);
    }

    /// <summary>
    /// For a start: the segment holding <paramref name="logical"/>. For an end: the non-empty segment holding the
    /// character before it. Binary search, so an instruction with thousands of continuation lines stays linear.
    /// </summary>
    private int FindSegment(int logical, bool preferEarlier)
    {
        // The last segment whose start is <= logical (or < logical for an end position).
        int low = 0, high = SegmentCount - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var start = _segments[middle].LogicalStart;
            if (preferEarlier ? start < logical : start <= logical)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        if (found < 0) found = 0;
        // Empty segments (lines that were only a continuation marker) share their start with a neighbour.
        while (found > 0 && _segments[found].Length == 0) found--;
        if (!preferEarlier)
        {
            var segment = _segments[found];
            if (logical >= segment.LogicalStart + segment.Length)
            {
                for (var i = found + 1; i < SegmentCount; i++)
                {
                    if (_segments[i].Length > 0 && logical < _segments[i].LogicalStart + _segments[i].Length) return i;
                }
            }
        }
        return found;
    }

    internal readonly record struct Segment(int LogicalStart, int SourceStart, int Length);
}

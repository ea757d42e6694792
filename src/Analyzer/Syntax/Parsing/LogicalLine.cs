namespace Dflint.Syntax.Parsing;

/// <summary>
/// One instruction's text as BuildKit reads it (continuations joined), held in a reused buffer, with the
/// map from each logical character back to its position in the file.
/// </summary>
internal sealed class LogicalLine
{
    private char[] _buffer = new char[256];
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

    public void Append(string text, int sourceStart, int length)
    {
        if (Length + length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + length));
        if (SegmentCount == _segments.Length) Array.Resize(ref _segments, _segments.Length * 2);
        text.CopyTo(sourceStart, _buffer, Length, length);
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

    private int FindSegment(int logical, bool preferEarlier)
    {
        // Segments are few (one per physical line), so a linear scan beats a binary search here.
        var last = SegmentCount - 1;
        for (var i = 0; i < SegmentCount; i++)
        {
            ref readonly var segment = ref _segments[i];
            var end = segment.LogicalStart + segment.Length;
            if (preferEarlier ? logical <= end && segment.Length > 0 : logical < end) return i;
        }
        // Past the end (an empty logical line, or a position at the very end): the last non-empty segment.
        for (var i = last; i >= 0; i--)
        {
            if (_segments[i].Length > 0 || i == 0) return i;
        }
        return 0;
    }

    internal readonly record struct Segment(int LogicalStart, int SourceStart, int Length);
}

using Dflint.Syntax.Green;

namespace Dflint.Syntax.Parsing;

/// <summary>
/// Classifies the characters between two tokens. By construction these are only what BuildKit drops:
/// whitespace, line breaks, continuations, comment and directive lines, and the byte-order mark.
/// </summary>
internal sealed class TriviaScanner
{
    private readonly ReadOnlyMemory<char> _text;
    private readonly int _length;
    private readonly char _escape;
    private readonly IReadOnlyList<TextSpan> _directives;
    private GreenTrivia[] _items = new GreenTrivia[16];
    private int _count;

    public TriviaScanner(ReadOnlyMemory<char> text, char escape, IReadOnlyList<TextSpan> directives)
    {
        _text = text;
        _length = text.Length;
        _escape = escape;
        _directives = directives;
    }

    /// <summary>Scans [start, end) into the internal buffer.</summary>
    public void Scan(int start, int end)
    {
        _count = 0;
        var i = start;
        while (i < end)
        {
            var c = T[i];
            int length;
            SyntaxKind kind;
            if (c == '\uFEFF' && i == 0)
            {
                kind = SyntaxKind.ByteOrderMarkTrivia;
                length = 1;
            }
            else if ((length = EndOfLineLength(i, end)) > 0)
            {
                kind = SyntaxKind.EndOfLineTrivia;
            }
            else if (c == '#' && IsAtLineStart(i))
            {
                kind = IsDirective(i) ? SyntaxKind.ParserDirectiveTrivia : SyntaxKind.CommentTrivia;
                length = ContentEnd(i, end) - i;
            }
            else if (c == _escape && ContinuationLength(i, end) is > 0 and var continuation)
            {
                kind = SyntaxKind.LineContinuationTrivia;
                length = continuation;
            }
            else if (char.IsWhiteSpace(c))
            {
                kind = SyntaxKind.WhitespaceTrivia;
                length = 1;
                while (i + length < end && char.IsWhiteSpace(T[i + length]) && EndOfLineLength(i + length, end) == 0) length++;
            }
            else
            {
                kind = SyntaxKind.SkippedTextTrivia;
                length = 1;
                while (i + length < end && !char.IsWhiteSpace(T[i + length])) length++;
            }
            Add(GreenTrivia.Create(kind, length));
            i += length;
        }
    }

    private ReadOnlySpan<char> T => _text.Span;

    public int Count => _count;

    public GreenTrivia this[int index] => _items[index];

    /// <summary>How many scanned items belong to the token before the gap: up to and including the first line break.</summary>
    public int TrailingCount()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_items[i].Kind is SyntaxKind.EndOfLineTrivia or SyntaxKind.LineContinuationTrivia) return i + 1;
        }
        return _count;
    }

    public GreenNode? Build(int from, int to)
    {
        var count = to - from;
        if (count <= 0) return null;
        if (count == 1) return _items[from];
        return new GreenTriviaList(_items[from..to]);
    }

    private void Add(GreenTrivia trivia)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = trivia;
    }

    /// <summary>A line break is a run of CRs followed by LF, or CRs at the end of the file.</summary>
    private int EndOfLineLength(int i, int end)
    {
        var j = i;
        while (j < end && T[j] == '\r') j++;
        if (j < end && T[j] == '\n') return j + 1 - i;
        if (j > i && j == _length) return j - i;
        return 0;
    }

    private int ContentEnd(int i, int end)
    {
        var j = i;
        while (j < end && T[j] != '\n') j++;
        if (j == _length || T[j] == '\n')
        {
            while (j > i && T[j - 1] == '\r') j--;
        }
        return j;
    }

    private int ContinuationLength(int i, int end)
    {
        // An escape preceded by another escape does not continue the line (BuildKit's rule).
        if (i > 0 && T[i - 1] == _escape) return 0;
        var j = i + 1;
        while (j < end && T[j] is ' ' or '\t') j++;
        var eol = EndOfLineLength(j, end);
        if (eol > 0) return j + eol - i;
        return j == _length ? j - i : 0;
    }

    private bool IsAtLineStart(int i)
    {
        var j = i - 1;
        while (j >= 0 && T[j] != '\n' && char.IsWhiteSpace(T[j])) j--;
        return j < 0 || T[j] == '\n' || (j == 0 && T[0] == '\uFEFF');
    }

    private bool IsDirective(int i)
    {
        foreach (var span in _directives)
        {
            if (span.Start == i) return true;
        }
        return false;
    }
}

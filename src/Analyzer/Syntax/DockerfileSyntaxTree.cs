using Dflint.Syntax.Green;
using Dflint.Syntax.Parsing;

namespace Dflint.Syntax;

/// <summary>A parsed Dockerfile: the text, the tree over it, and the parser directives that governed parsing.</summary>
public sealed class DockerfileSyntaxTree
{
    private readonly GreenNode _green;
    private DockerfileSyntax? _root;

    private DockerfileSyntaxTree(SourceText text, ParseResult result, string? filePath)
    {
        Text = text;
        _green = result.Root;
        EscapeChar = result.EscapeChar;
        Directives = result.Directives;
        FilePath = filePath;
    }

    public SourceText Text { get; }

    public string? FilePath { get; }

    /// <summary>The escape character: <c>\</c>, or a backtick when <c># escape=`</c> says so.</summary>
    public char EscapeChar { get; }

    public ImmutableArray<ParserDirective> Directives { get; }

    public DockerfileSyntax Root
    {
        get
        {
            if (_root is null) Interlocked.CompareExchange(ref _root, new DockerfileSyntax(_green, this), null);
            return _root;
        }
    }

    internal GreenNode GreenRoot => _green;

    public SyntaxList<InstructionSyntax> Instructions => Root.Instructions;

    public static DockerfileSyntaxTree Parse(SourceText text, string? filePath = null) =>
        new(text, DockerfileParser.Parse(text.ToString().AsMemory()), filePath);

    public static DockerfileSyntaxTree Parse(string text, string? filePath = null) => Parse(SourceText.From(text), filePath);

    /// <summary>Syntax errors and warnings in source order.</summary>
    public ImmutableArray<SyntaxDiagnostic> GetDiagnostics() =>
        [.. Root.GetDiagnostics().OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal)];

    public DockerfileSyntaxTree WithChanges(IEnumerable<TextChange> changes) => WithChangedText(Text.WithChanges(changes));

    /// <summary>
    /// The tree of <paramref name="newText"/>, reusing every instruction of this tree that the edit did not
    /// touch. Edits in the first instruction (where parser directives live) reparse the whole file.
    /// </summary>
    public DockerfileSyntaxTree WithChangedText(SourceText newText)
    {
        var ranges = newText.GetChangeRanges(Text);
        if (ranges.Count == 0) return new DockerfileSyntaxTree(newText, new ParseResult(_green, EscapeChar, Directives), FilePath);
        var changeStart = ranges[0].Span.Start;
        var changeOldEnd = ranges[^1].Span.End;
        var delta = 0;
        foreach (var range in ranges) delta += range.NewLength - range.Span.Length;

        var list = _green.GetSlot(0)!;
        var count = list.SlotCount;
        var offsets = new int[count + 1];
        for (var i = 0; i < count; i++) offsets[i + 1] = offsets[i] + list.GetSlot(i)!.FullWidth;
        if (count < 2 || changeStart < offsets[1]) return Parse(newText, FilePath);

        var index = Array.BinarySearch(offsets, 0, count, changeStart);
        if (index < 0) index = ~index - 1;
        if (offsets[index] == changeStart) index--;
        if (index < 1) return Parse(newText, FilePath);

        int StopAt(int newPosition)
        {
            var oldPosition = newPosition - delta;
            if (oldPosition < changeOldEnd) return -1;
            var found = Array.BinarySearch(offsets, 0, count, oldPosition);
            return found >= 0 ? found : -1;
        }

        // A changed text is a chain of pieces: copying it into a pooled buffer costs a memcpy, where
        // ToString() would allocate the whole file again (on the large-object heap for big files) per keystroke.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(newText.Length);
        try
        {
            newText.CopyTo(0, buffer, 0, newText.Length);
            var result = DockerfileParser.Reparse(buffer.AsMemory(0, newText.Length), _green, index, offsets[index], StopAt, count);
            return new DockerfileSyntaxTree(newText, result, FilePath);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }
}

using Dflint.Syntax.Green;
using Microsoft.CodeAnalysis;

namespace Dflint.Syntax.Parsing;

/// <summary>
/// The hand-written parser. Per instruction it joins the physical lines into BuildKit's logical line,
/// splits that line with BuildKit's own rules into tokens, maps each token back to the file, and gives every
/// character between tokens to trivia. Nothing is dropped: token and trivia widths add up to the file length.
/// </summary>
internal sealed partial class DockerfileParser
{
    private readonly ReadOnlyMemory<char> _text;
    private readonly int _length;
    private readonly List<TextSpan> _directiveSpans = [];
    private readonly List<ParserDirective> _directives = [];
    private readonly List<GreenDiagnostic> _fileDiagnostics = [];
    private readonly LogicalLine _line = new();
    private readonly TriviaScanner _trivia;
    private readonly List<RawToken> _tokens = [];
    private readonly List<PendingDiagnostic> _diagnostics = [];
    private readonly List<JsonArrayScanner.JsonToken> _json = [];
    private readonly Shape _shape = new();
    private readonly Shape _triggerShape = new();
    private GreenToken[] _greens = [];
    private char _escape = '\\';

    private DockerfileParser(ReadOnlyMemory<char> text)
    {
        _text = text;
        _length = text.Length;
        ReadDirectives();
        _trivia = new TriviaScanner(text, _escape, _directiveSpans);
    }

    /// <summary>The text being parsed: a string's memory for full parses, a pooled copy for reparses.</summary>
    private ReadOnlySpan<char> T => _text.Span;

    public static ParseResult Parse(ReadOnlyMemory<char> text)
    {
        var parser = new DockerfileParser(text);
        // Real files average 30-60 characters per instruction; sizing up front avoids regrowing the list.
        var instructions = new List<GreenNode>(Math.Max(4, text.Length / 48));
        var end = parser.ParseInstructions(0, instructions, stopAt: null);
        return parser.Finish(instructions, end);
    }

    /// <summary>
    /// Reparses after an edit: instructions before <paramref name="reparseStart"/> are taken from the old tree,
    /// new ones are parsed until one ends on an old instruction boundary past the edit, and the rest are reused.
    /// </summary>
    public static ParseResult Reparse(ReadOnlyMemory<char> newText, GreenNode oldRoot, int reparseIndex, int reparseStart, Func<int, int> oldBoundaryIndexAfterEdit, int oldInstructionCount)
    {
        var parser = new DockerfileParser(newText);
        var oldList = oldRoot.GetSlot(0)!;
        var instructions = new List<GreenNode>(oldInstructionCount + 4);
        for (var i = 0; i < reparseIndex; i++) instructions.Add(oldList.GetSlot(i)!);
        var end = parser.ParseInstructions(reparseStart, instructions, oldBoundaryIndexAfterEdit, out var resumeIndex);
        if (resumeIndex >= 0)
        {
            for (var i = resumeIndex; i < oldInstructionCount; i++) instructions.Add(oldList.GetSlot(i)!);
            end = -1;
        }
        return parser.Finish(instructions, end, oldRoot.GetSlot(1) as GreenToken);
    }

    private int ParseInstructions(int position, List<GreenNode> instructions, Func<int, int>? stopAt) =>
        ParseInstructions(position, instructions, stopAt, out _);

    /// <summary>Parses from a line start; returns where the trailing trivia begins, or stops on a reusable boundary.</summary>
    private int ParseInstructions(int position, List<GreenNode> instructions, Func<int, int>? stopAt, out int resumeIndex)
    {
        resumeIndex = -1;
        var fullStart = position;
        while (position < _length)
        {
            var next = NextLine(position, out var contentEnd);
            var first = FirstContentChar(position, contentEnd);
            if (first == contentEnd || T[first] == '#')
            {
                position = next;
                continue;
            }
            instructions.Add(ParseInstruction(fullStart, first, contentEnd, next, out position));
            fullStart = position;
            if (stopAt is not null)
            {
                var index = stopAt(position);
                if (index >= 0)
                {
                    resumeIndex = index;
                    return position;
                }
            }
        }
        return fullStart;
    }

    private ParseResult Finish(List<GreenNode> instructions, int trailingStart, GreenToken? oldEndOfFile = null)
    {
        GreenToken endOfFile;
        if (trailingStart < 0)
        {
            endOfFile = oldEndOfFile!;
        }
        else
        {
            _trivia.Scan(trailingStart, _length);
            endOfFile = new GreenToken(SyntaxKind.EndOfFileToken, 0, _trivia.Build(0, _trivia.Count), null);
        }
        if (instructions.Count == 0)
        {
            _fileDiagnostics.Add(new GreenDiagnostic(SyntaxDiagnostics.NoInstructions, _length, 0, []));
        }
        var list = new GreenSyntaxNode(SyntaxKind.List, [.. instructions]);
        var root = new GreenSyntaxNode(SyntaxKind.Dockerfile, [list, endOfFile], _fileDiagnostics.Count == 0 ? default : [.. _fileDiagnostics]);
        return new ParseResult(root, _escape, [.. _directives]);
    }

    private void ReadDirectives()
    {
        var position = 0;
        HashSet<string>? seen = null;
        while (position < _length)
        {
            var next = NextLine(position, out var contentEnd);
            var start = FirstContentChar(position, contentEnd);
            if (!ParserDirectiveScanner.TryMatch(T, start, contentEnd, out var nameSpan, out var valueSpan)) break;
            var name = T.Slice(nameSpan.Start, nameSpan.Length).ToString().ToLowerInvariant();
            if (!ParserDirectiveScanner.IsKnown(name)) break;
            var lineSpan = TextSpan.FromBounds(start, contentEnd);
            var value = T.Slice(valueSpan.Start, valueSpan.Length).ToString();
            _directiveSpans.Add(lineSpan);
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(name))
            {
                _fileDiagnostics.Add(new GreenDiagnostic(SyntaxDiagnostics.DuplicateParserDirective, lineSpan.Start, lineSpan.Length, [name]));
            }
            else
            {
                _directives.Add(new ParserDirective(name, value, lineSpan, nameSpan, valueSpan));
                if (name == "escape")
                {
                    if (value is "\\" or "`")
                    {
                        _escape = value[0];
                    }
                    else
                    {
                        _fileDiagnostics.Add(new GreenDiagnostic(SyntaxDiagnostics.InvalidParserDirective, valueSpan.Start, valueSpan.Length,
                            [$"invalid escape token '{value}' does not match ` or \\"]));
                    }
                }
            }
            position = next;
        }
    }

    /// <summary>
    /// The start of the line after <paramref name="lineStart"/>, and where this line's content ends: before
    /// the LF and any CRs that precede it (BuildKit's trimNewline). One scan gives both.
    /// </summary>
    private int NextLine(int lineStart, out int contentEnd)
    {
        var index = T[lineStart..].IndexOf('\n');
        var newline = index < 0 ? _length : lineStart + index;
        contentEnd = newline;
        while (contentEnd > lineStart && T[contentEnd - 1] == '\r') contentEnd--;
        return index < 0 ? _length : newline + 1;
    }

    /// <summary>The first character of a line after the BOM (first line only) and leading whitespace, as BuildKit trims it.</summary>
    private int FirstContentChar(int lineStart, int contentEnd)
    {
        var first = lineStart == 0 && _length > 0 && T[0] == '\uFEFF' ? 1 : lineStart;
        while (first < contentEnd && char.IsWhiteSpace(T[first])) first++;
        return first;
    }

    internal readonly record struct RawToken(SyntaxKind Kind, int Start, int End, bool IsMissing);

    private readonly record struct PendingDiagnostic(DiagnosticDescriptor Descriptor, int Start, int End, string[] Arguments);
}

internal sealed record ParseResult(GreenNode Root, char EscapeChar, ImmutableArray<ParserDirective> Directives);

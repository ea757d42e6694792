using System.Diagnostics;

namespace Dflint.Syntax.Green;

[Flags]
internal enum GreenFlags : byte
{
    None = 0,
    ContainsDiagnostics = 1,
    IsMissing = 2,
    ContainsSkippedText = 4,
}

/// <summary>
/// The immutable, position-free half of the tree. Green nodes store kinds and widths, never text:
/// the <see cref="Microsoft.CodeAnalysis.Text.SourceText"/> is the one copy of the characters, and a green
/// node is valid under any text whose characters in its range are the same, which is exactly when the
/// incremental parser reuses it.
/// </summary>
[DebuggerDisplay("{Kind} ({FullWidth})")]
internal abstract class GreenNode
{
    protected GreenNode(SyntaxKind kind, int fullWidth, GreenFlags flags)
    {
        Kind = kind;
        FullWidth = fullWidth;
        Flags = flags;
    }

    public SyntaxKind Kind { get; }

    public int FullWidth { get; }

    public GreenFlags Flags { get; }

    public bool ContainsDiagnostics => (Flags & GreenFlags.ContainsDiagnostics) != 0;

    public bool IsMissing => (Flags & GreenFlags.IsMissing) != 0;

    public virtual int SlotCount => 0;

    public virtual GreenNode? GetSlot(int index) => null;

    public virtual int LeadingTriviaWidth
    {
        get
        {
            for (var i = 0; i < SlotCount; i++)
            {
                var slot = GetSlot(i);
                if (slot is { FullWidth: > 0 }) return slot.LeadingTriviaWidth;
            }
            return 0;
        }
    }

    public virtual int TrailingTriviaWidth
    {
        get
        {
            for (var i = SlotCount - 1; i >= 0; i--)
            {
                var slot = GetSlot(i);
                if (slot is { FullWidth: > 0 }) return slot.TrailingTriviaWidth;
            }
            return 0;
        }
    }

    public int Width => FullWidth - LeadingTriviaWidth - TrailingTriviaWidth;

    public virtual ImmutableArray<GreenDiagnostic> Diagnostics => ImmutableArray<GreenDiagnostic>.Empty;

    protected static int SumWidths(ReadOnlySpan<GreenNode?> children)
    {
        var sum = 0;
        foreach (var child in children) sum += child?.FullWidth ?? 0;
        return sum;
    }

    /// <summary>What a parent inherits from its children: everything but being missing itself.</summary>
    protected static GreenFlags CombineChildFlags(ReadOnlySpan<GreenNode?> children)
    {
        var flags = GreenFlags.None;
        foreach (var child in children)
        {
            if (child is not null) flags |= child.Flags & ~GreenFlags.IsMissing;
        }
        return flags;
    }

    public int GetSlotOffset(int index)
    {
        var offset = 0;
        for (var i = 0; i < index; i++) offset += GetSlot(i)?.FullWidth ?? 0;
        return offset;
    }
}

/// <summary>A syntax error or warning found while parsing, relative to the start of the node that owns it.</summary>
internal readonly record struct GreenDiagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, int Offset, int Length, string[] Arguments);

internal sealed class GreenTrivia : GreenNode
{
    private static readonly GreenTrivia[] s_whitespace = CreateCache(SyntaxKind.WhitespaceTrivia, 64);
    private static readonly GreenTrivia[] s_endOfLine = CreateCache(SyntaxKind.EndOfLineTrivia, 4);
    private static readonly GreenTrivia[] s_continuation = CreateCache(SyntaxKind.LineContinuationTrivia, 16);

    private GreenTrivia(SyntaxKind kind, int width)
        : base(kind, width, kind == SyntaxKind.SkippedTextTrivia ? GreenFlags.ContainsSkippedText : GreenFlags.None)
    {
    }

    public override int LeadingTriviaWidth => 0;

    public override int TrailingTriviaWidth => 0;

    /// <summary>Trivia carry no text, so equal kinds and widths can share one instance.</summary>
    public static GreenTrivia Create(SyntaxKind kind, int width)
    {
        var cache = kind switch
        {
            SyntaxKind.WhitespaceTrivia => s_whitespace,
            SyntaxKind.EndOfLineTrivia => s_endOfLine,
            SyntaxKind.LineContinuationTrivia => s_continuation,
            _ => null,
        };
        return cache is not null && width < cache.Length ? cache[width] : new GreenTrivia(kind, width);
    }

    private static GreenTrivia[] CreateCache(SyntaxKind kind, int size)
    {
        var cache = new GreenTrivia[size];
        for (var i = 0; i < size; i++) cache[i] = new GreenTrivia(kind, i);
        return cache;
    }
}

/// <summary>Two or more trivia before or after one token.</summary>
internal sealed class GreenTriviaList : GreenNode
{
    private readonly GreenTrivia[] _items;

    public GreenTriviaList(GreenTrivia[] items)
        : base(SyntaxKind.List, SumWidths(items), CombineChildFlags(items))
    {
        _items = items;
    }

    public override int SlotCount => _items.Length;

    public override GreenNode GetSlot(int index) => _items[index];

    public override int LeadingTriviaWidth => 0;

    public override int TrailingTriviaWidth => 0;
}

internal sealed class GreenToken : GreenNode
{
    public GreenToken(SyntaxKind kind, int width, GreenNode? leading, GreenNode? trailing, bool isMissing = false)
        : base(kind, (leading?.FullWidth ?? 0) + width + (trailing?.FullWidth ?? 0),
            (isMissing ? GreenFlags.IsMissing : GreenFlags.None) | (leading?.Flags ?? 0) | (trailing?.Flags ?? 0))
    {
        TextWidth = width;
        Leading = leading;
        Trailing = trailing;
    }

    public int TextWidth { get; }

    /// <summary>A single <see cref="GreenTrivia"/>, a <see cref="GreenTriviaList"/>, or null.</summary>
    public GreenNode? Leading { get; }

    public GreenNode? Trailing { get; }

    public override int LeadingTriviaWidth => Leading?.FullWidth ?? 0;

    public override int TrailingTriviaWidth => Trailing?.FullWidth ?? 0;
}

/// <summary>A node with a fixed number of slots (an instruction, a flag, ...) or a list (kind <see cref="SyntaxKind.List"/>).</summary>
internal class GreenSyntaxNode : GreenNode
{
    private readonly GreenNode?[] _slots;
    private readonly ImmutableArray<GreenDiagnostic> _diagnostics;

    public GreenSyntaxNode(SyntaxKind kind, GreenNode?[] slots, ImmutableArray<GreenDiagnostic> diagnostics = default)
        : base(kind, SumWidths(slots), CombineChildFlags(slots) | (diagnostics.IsDefaultOrEmpty ? GreenFlags.None : GreenFlags.ContainsDiagnostics))
    {
        _slots = slots;
        _diagnostics = diagnostics.IsDefault ? ImmutableArray<GreenDiagnostic>.Empty : diagnostics;
    }

    public override int SlotCount => _slots.Length;

    public override GreenNode? GetSlot(int index) => _slots[index];

    public override ImmutableArray<GreenDiagnostic> Diagnostics => _diagnostics;
}

/// <summary>A heredoc body and terminator, with what its <c>&lt;&lt;</c> marker said about them.</summary>
internal sealed class GreenHeredoc : GreenSyntaxNode
{
    public GreenHeredoc(GreenNode?[] slots, string name, bool chomp, bool expand, ulong fileDescriptor, ImmutableArray<GreenDiagnostic> diagnostics = default)
        : base(SyntaxKind.Heredoc, slots, diagnostics)
    {
        Name = name;
        Chomp = chomp;
        Expand = expand;
        FileDescriptor = fileDescriptor;
    }

    /// <summary>
    /// The delimiter after quote removal. The one piece of text a green node keeps: it is derived from the
    /// marker, not a span of the file, and an unterminated heredoc has no terminator to read it from.
    /// </summary>
    public string Name { get; }

    public bool Chomp { get; }

    public bool Expand { get; }

    public ulong FileDescriptor { get; }
}

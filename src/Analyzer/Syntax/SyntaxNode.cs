using System.Text;
using Dflint.Syntax.Green;

namespace Dflint.Syntax;

/// <summary>
/// The red view of a green node: adds the parent and the absolute position. Children are created on first
/// access and cached, so walking a tree costs only what is walked.
/// </summary>
public abstract class SyntaxNode
{
    private readonly DockerfileSyntaxTree? _tree;
    private SyntaxNode?[]? _children;

    private protected SyntaxNode(GreenNode green, SyntaxNode? parent, int position)
    {
        Green = green;
        Parent = parent;
        Position = position;
    }

    private protected SyntaxNode(GreenNode green, DockerfileSyntaxTree tree)
    {
        Green = green;
        _tree = tree;
    }

    internal GreenNode Green { get; }

    public SyntaxNode? Parent { get; }

    /// <summary>The start of the node including its leading trivia.</summary>
    public int Position { get; }

    public SyntaxKind Kind => Green.Kind;

    public DockerfileSyntaxTree SyntaxTree
    {
        get
        {
            var node = this;
            while (node.Parent is not null) node = node.Parent;
            return node._tree ?? throw new InvalidOperationException("A syntax node without a tree.");
        }
    }

    public TextSpan FullSpan => new(Position, Green.FullWidth);

    public int SpanStart => Position + Green.LeadingTriviaWidth;

    /// <summary>The node without the leading trivia of its first token and the trailing trivia of its last.</summary>
    public TextSpan Span => new(SpanStart, Green.Width);

    public bool ContainsDiagnostics => Green.ContainsDiagnostics;

    internal int SlotCount => Green.SlotCount;

    public override string ToString() => SyntaxTree.Text.ToString(Span);

    /// <summary>Rebuilds the text from the tokens and trivia under this node.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Green.FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    public void WriteTo(StringBuilder builder)
    {
        var text = SyntaxTree.Text;
        foreach (var token in DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia) Append(builder, text, trivia.Span);
            Append(builder, text, token.Span);
            foreach (var trivia in token.TrailingTrivia) Append(builder, text, trivia.Span);
        }
    }

    private static void Append(StringBuilder builder, SourceText text, TextSpan span)
    {
        if (span.Length == 0) return;
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(span.Length);
        text.CopyTo(span.Start, buffer, 0, span.Length);
        builder.Append(buffer, 0, span.Length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
    }

    public IEnumerable<SyntaxNodeOrToken> ChildNodesAndTokens()
    {
        var position = Position;
        for (var i = 0; i < Green.SlotCount; i++)
        {
            var slot = Green.GetSlot(i);
            if (slot is null) continue;
            if (slot is GreenToken token)
            {
                yield return new SyntaxToken(this, token, position, i);
            }
            else if (slot.Kind == SyntaxKind.List && this is not SyntaxListNode)
            {
                // Lists are an implementation detail of slots: their elements are the node's children.
                var list = GetRed(i)!;
                foreach (var child in list.ChildNodesAndTokens()) yield return child;
            }
            else
            {
                yield return GetRed(i)!;
            }
            position += slot.FullWidth;
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (var child in ChildNodesAndTokens())
        {
            if (child.AsNode() is { } node) yield return node;
        }
    }

    public IEnumerable<SyntaxNode> DescendantNodes()
    {
        foreach (var child in ChildNodes())
        {
            yield return child;
            foreach (var descendant in child.DescendantNodes()) yield return descendant;
        }
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in ChildNodesAndTokens())
        {
            if (child.IsToken)
            {
                yield return child.AsToken();
            }
            else
            {
                foreach (var token in child.AsNode()!.DescendantTokens()) yield return token;
            }
        }
    }

    public IEnumerable<SyntaxTrivia> DescendantTrivia()
    {
        foreach (var token in DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia) yield return trivia;
            foreach (var trivia in token.TrailingTrivia) yield return trivia;
        }
    }

    public IEnumerable<SyntaxNode> AncestorsAndSelf()
    {
        for (var node = this; node is not null; node = node.Parent) yield return node;
    }

    public TNode? FirstAncestorOrSelf<TNode>()
        where TNode : SyntaxNode
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (node is TNode typed) return typed;
        }
        return null;
    }

    public SyntaxToken GetFirstToken()
    {
        foreach (var token in DescendantTokens()) return token;
        return default;
    }

    public SyntaxToken GetLastToken()
    {
        SyntaxToken last = default;
        foreach (var token in DescendantTokens()) last = token;
        return last;
    }

    /// <summary>The token whose full span contains <paramref name="position"/> (the end-of-file token past the end).</summary>
    public SyntaxToken FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxNode? next = null;
            foreach (var child in node.ChildNodesAndTokens())
            {
                if (position < child.FullSpan.End)
                {
                    if (child.IsToken) return child.AsToken();
                    next = child.AsNode();
                    break;
                }
            }
            if (next is null) return node.GetLastToken();
            node = next;
        }
    }

    /// <summary>Syntax errors and warnings under this node, in source order.</summary>
    public IEnumerable<SyntaxDiagnostic> GetDiagnostics()
    {
        if (!ContainsDiagnostics) yield break;
        foreach (var diagnostic in Green.Diagnostics)
        {
            yield return SyntaxDiagnostic.Create(diagnostic, Position);
        }
        foreach (var child in ChildNodes())
        {
            foreach (var diagnostic in child.GetDiagnostics()) yield return diagnostic;
        }
    }

    internal SyntaxNode? GetRed(int slot)
    {
        var children = _children;
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new SyntaxNode?[Green.SlotCount], null);
            children = _children;
        }
        var existing = Volatile.Read(ref children[slot]);
        if (existing is not null) return existing;
        var green = Green.GetSlot(slot);
        if (green is null || green is GreenToken) return null;
        var created = SyntaxNodeFactory.Create(green, this, GetChildPosition(slot));
        return Interlocked.CompareExchange(ref children[slot], created, null) ?? created;
    }

    internal SyntaxToken GetToken(int slot)
    {
        var green = Green.GetSlot(slot) as GreenToken;
        return green is null ? default : new SyntaxToken(this, green, GetChildPosition(slot), slot);
    }

    internal virtual int GetChildPosition(int slot) => Position + Green.GetSlotOffset(slot);

    internal TNode? GetNode<TNode>(int slot)
        where TNode : SyntaxNode => GetRed(slot) as TNode;

    internal SyntaxList<TNode> GetList<TNode>(int slot)
        where TNode : SyntaxNode => new(GetRed(slot) as SyntaxListNode);

    internal SyntaxTokenList GetTokenList(int slot) => new(GetRed(slot) as SyntaxListNode);
}

/// <summary>A list slot; exposed to users through <see cref="SyntaxList{TNode}"/> and <see cref="SyntaxTokenList"/>.</summary>
internal sealed class SyntaxListNode : SyntaxNode
{
    private int[]? _offsets;

    internal SyntaxListNode(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary>Long lists (the instructions of a file) index their children in O(1) after one pass.</summary>
    internal override int GetChildPosition(int slot)
    {
        if (Green.SlotCount <= 8) return base.GetChildPosition(slot);
        var offsets = _offsets;
        if (offsets is null)
        {
            offsets = new int[Green.SlotCount];
            var offset = 0;
            for (var i = 0; i < offsets.Length; i++)
            {
                offsets[i] = offset;
                offset += Green.GetSlot(i)?.FullWidth ?? 0;
            }
            _offsets = offsets;
        }
        return Position + offsets[slot];
    }
}

public readonly struct SyntaxNodeOrToken
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    private SyntaxNodeOrToken(SyntaxNode? node, SyntaxToken token)
    {
        _node = node;
        _token = token;
    }

    public bool IsToken => _node is null;

    public bool IsNode => _node is not null;

    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;

    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;

    public TextSpan Span => _node?.Span ?? _token.Span;

    public SyntaxNode? AsNode() => _node;

    public SyntaxToken AsToken() => _token;

    public static implicit operator SyntaxNodeOrToken(SyntaxNode node) => new(node, default);

    public static implicit operator SyntaxNodeOrToken(SyntaxToken token) => new(null, token);

    public override string ToString() => _node?.ToString() ?? _token.ToString();
}

using Dflint.Syntax.Green;

namespace Dflint.Syntax;

/// <summary>A token: its text is read from the tree's <see cref="SourceText"/> on demand.</summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxNode parent, GreenToken green, int position, int index)
    {
        Parent = parent;
        Green = green;
        Position = position;
        Index = index;
    }

    public SyntaxNode? Parent { get; }

    internal GreenToken? Green { get; }

    /// <summary>The start of the token including its leading trivia.</summary>
    public int Position { get; }

    internal int Index { get; }

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    /// <summary>False for the default value, which stands for an absent optional token.</summary>
    public bool Exists => Green is not null;

    public bool IsMissing => Green?.IsMissing ?? false;

    public int SpanStart => Position + (Green?.LeadingTriviaWidth ?? 0);

    public TextSpan Span => new(SpanStart, Green?.TextWidth ?? 0);

    public TextSpan FullSpan => new(Position, Green?.FullWidth ?? 0);

    public DockerfileSyntaxTree? SyntaxTree => Parent?.SyntaxTree;

    /// <summary>The characters of the token as written in the file.</summary>
    public string Text => Green is null || Green.TextWidth == 0 ? "" : Parent!.SyntaxTree.Text.ToString(Span);

    /// <summary>
    /// The token's value as BuildKit reads it: line continuations (and the comment and empty lines inside
    /// them) removed, JSON strings decoded, flag quotes removed. Quotes of shell words are kept, as BuildKit
    /// keeps them until it expands the word.
    /// </summary>
    public string ValueText
    {
        get
        {
            if (Green is null) return "";
            var tree = Parent!.SyntaxTree;
            var text = Text;
            return TokenValues.GetValueText(Kind, text, tree.EscapeChar);
        }
    }

    public SyntaxTriviaList LeadingTrivia => new(this, Green?.Leading, Position);

    public SyntaxTriviaList TrailingTrivia => new(this, Green?.Trailing, Position + (Green is null ? 0 : Green.LeadingTriviaWidth + Green.TextWidth));

    public bool HasLeadingTrivia => Green?.Leading is not null;

    public bool HasTrailingTrivia => Green?.Trailing is not null;

    public override string ToString() => Text;

    public string ToFullString() => Green is null ? "" : Parent!.SyntaxTree.Text.ToString(FullSpan);

    public bool Equals(SyntaxToken other) => ReferenceEquals(Parent, other.Parent) && ReferenceEquals(Green, other.Green) && Position == other.Position && Index == other.Index;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Parent, Green, Position, Index);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}

public readonly struct SyntaxTrivia
{
    internal SyntaxTrivia(SyntaxToken token, GreenNode green, int position)
    {
        Token = token;
        Green = green;
        Position = position;
    }

    public SyntaxToken Token { get; }

    internal GreenNode Green { get; }

    public int Position { get; }

    public SyntaxKind Kind => Green.Kind;

    public TextSpan Span => new(Position, Green.FullWidth);

    public TextSpan FullSpan => Span;

    public override string ToString() => Green.FullWidth == 0 ? "" : Token.Parent!.SyntaxTree.Text.ToString(Span);
}

public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly SyntaxToken _token;
    private readonly GreenNode? _green;
    private readonly int _position;

    internal SyntaxTriviaList(SyntaxToken token, GreenNode? green, int position)
    {
        _token = token;
        _green = green;
        _position = position;
    }

    public int Count => _green switch
    {
        null => 0,
        GreenTriviaList list => list.SlotCount,
        _ => 1,
    };

    public TextSpan FullSpan => new(_position, _green?.FullWidth ?? 0);

    public SyntaxTrivia this[int index]
    {
        get
        {
            if (_green is GreenTriviaList list)
            {
                return new SyntaxTrivia(_token, list.GetSlot(index), _position + list.GetSlotOffset(index));
            }
            if (_green is null || index != 0) throw new ArgumentOutOfRangeException(nameof(index));
            return new SyntaxTrivia(_token, _green, _position);
        }
    }

    public IEnumerator<SyntaxTrivia> GetEnumerator()
    {
        if (_green is GreenTriviaList list)
        {
            var position = _position;
            for (var i = 0; i < list.SlotCount; i++)
            {
                var item = list.GetSlot(i);
                yield return new SyntaxTrivia(_token, item, position);
                position += item.FullWidth;
            }
        }
        else if (_green is not null)
        {
            yield return new SyntaxTrivia(_token, _green, _position);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _green is null ? "" : _token.Parent!.SyntaxTree.Text.ToString(FullSpan);
}

/// <summary>A list of nodes held in one slot of their parent.</summary>
public readonly struct SyntaxList<TNode> : IReadOnlyList<TNode>
    where TNode : SyntaxNode
{
    private readonly SyntaxNode? _list;

    internal SyntaxList(SyntaxNode? list) => _list = list;

    public int Count => _list?.SlotCount ?? 0;

    public TNode this[int index] => (TNode)(_list ?? throw new ArgumentOutOfRangeException(nameof(index))).GetRed(index)!;

    public IEnumerator<TNode> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A list of tokens held in one slot of their parent.</summary>
public readonly struct SyntaxTokenList : IReadOnlyList<SyntaxToken>
{
    private readonly SyntaxNode? _list;

    internal SyntaxTokenList(SyntaxNode? list) => _list = list;

    public int Count => _list?.SlotCount ?? 0;

    public SyntaxToken this[int index] => (_list ?? throw new ArgumentOutOfRangeException(nameof(index))).GetToken(index);

    public IEnumerator<SyntaxToken> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

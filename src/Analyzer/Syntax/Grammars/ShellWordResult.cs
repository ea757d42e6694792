namespace Dflint.Syntax.Grammars;

/// <summary>A failure reported by <see cref="ShellWordProcessor"/>; <paramref name="Position"/> is an offset into the input.</summary>
public sealed record ShellWordError(string Message, int Position)
{
    public override string ToString() => $"{Message} (at position {Position})";
}

/// <summary>
/// Outcome of expanding one Dockerfile word. On failure <see cref="Value"/> is empty and
/// <see cref="Words"/> is empty, mirroring BuildKit, but the matched/unmatched names collected
/// before the failure are kept because rules still want to report them.
/// </summary>
public sealed record ShellWordResult(
    string Value,
    ImmutableArray<string> Words,
    ImmutableArray<string> Matched,
    ImmutableArray<string> Unmatched,
    ShellWordError? Error)
{
    public bool Success => Error is null;
}

/// <summary>
/// One <c>$NAME</c> or <c>${NAME...}</c> occurrence. <see cref="Operator"/> is empty for the plain
/// forms, otherwise the modifier as written (<c>:-</c>, <c>-</c>, <c>:+</c>, <c>##</c>, <c>//</c>, ...);
/// <see cref="Operand"/> is the raw text after the operator (null for the plain forms).
/// </summary>
public sealed record VariableReference(
    string Name,
    string Operator,
    string? Operand,
    bool IsBraced,
    TextSpan Span,
    TextSpan NameSpan);

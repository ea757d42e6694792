namespace Dflint.Semantics.Shell;

/// <summary>A shell word: a command name, an argument, a redirection target or an assignment value.</summary>
public sealed class ShellWord
{
    internal ShellWord(MappedText source, int logicalStart, string text, string value, bool hasExpansion, bool isQuoted)
    {
        Source = source;
        LogicalStart = logicalStart;
        Text = text;
        Value = value;
        HasExpansion = hasExpansion;
        IsQuoted = isQuoted;
        Span = source.ToFileSpan(logicalStart, text.Length);
    }

    /// <summary>The word as written in its script, quotes and escapes included.</summary>
    public string Text { get; }

    /// <summary>
    /// The word after quote and backslash removal, with expansions left as written:
    /// <c>"${HOME}/x"</c> gives <c>${HOME}/x</c>, <c>'a b'</c> gives <c>a b</c>.
    /// </summary>
    public string Value { get; }

    /// <summary>
    /// True when the shell would expand part of the word: a <c>$</c> parameter, <c>$(...)</c>, <c>$((...))</c>,
    /// backticks or <c>&lt;(...)</c>, outside single quotes.
    /// </summary>
    public bool HasExpansion { get; }

    /// <summary>True when the word contains quotes or backslash escapes.</summary>
    public bool IsQuoted { get; }

    /// <summary>True when <see cref="Value"/> is what the command receives.</summary>
    public bool IsLiteral => !HasExpansion;

    /// <summary>The file span from the word's first character to its last (a continuation inside stays inside).</summary>
    public TextSpan Span { get; }

    /// <summary>The offset of the word in its script's text.</summary>
    public int LogicalStart { get; }

    public int LogicalEnd => LogicalStart + Text.Length;

    /// <summary>The script text the word was read from.</summary>
    public MappedText Source { get; }

    public override string ToString() => Text;
}

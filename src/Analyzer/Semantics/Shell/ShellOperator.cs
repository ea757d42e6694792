namespace Dflint.Semantics.Shell;

/// <summary>What joins a command to its neighbour in a list.</summary>
public enum ShellOperator
{
    /// <summary>Nothing: the start or end of a list (after <c>then</c>, before <c>fi</c>, the end of the script).</summary>
    None,

    /// <summary><c>&amp;&amp;</c></summary>
    And,

    /// <summary><c>||</c></summary>
    Or,

    /// <summary><c>;</c>, also <c>;;</c>, <c>;&amp;</c> and <c>;;&amp;</c> ending a case branch.</summary>
    Semicolon,

    /// <summary><c>|</c> or <c>|&amp;</c></summary>
    Pipe,

    /// <summary><c>&amp;</c></summary>
    Background,

    /// <summary>A line break.</summary>
    Newline,
}

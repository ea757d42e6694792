namespace Dflint.Semantics.Shell;

/// <summary>A redirection such as <c>&gt; file</c>, <c>2&gt;&amp;1</c> or <c>&lt;&lt;EOF</c>.</summary>
public sealed class ShellRedirection
{
    internal ShellRedirection(string @operator, int? fileDescriptor, ShellWord? target, TextSpan span)
    {
        Operator = @operator;
        FileDescriptor = fileDescriptor;
        Target = target;
        Span = span;
    }

    /// <summary>The operator without its file descriptor: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;&amp;</c>, <c>&lt;&lt;-</c>, <c>&amp;&gt;</c>...</summary>
    public string Operator { get; }

    /// <summary>The number written before the operator (<c>2</c> in <c>2&gt;&amp;1</c>), or null.</summary>
    public int? FileDescriptor { get; }

    /// <summary>The file, descriptor or heredoc delimiter; null when the script ends before it.</summary>
    public ShellWord? Target { get; }

    /// <summary>From the file descriptor (or operator) to the end of the target.</summary>
    public TextSpan Span { get; }

    /// <summary><c>&lt;&lt;</c> or <c>&lt;&lt;-</c>.</summary>
    public bool IsHeredoc => Operator is "<<" or "<<-";

    /// <summary>
    /// For a heredoc whose body is in the same script (a heredoc inside a heredoc body or an <c>sh -c</c>
    /// string), the body's file span without the terminator line; null otherwise.
    /// </summary>
    public TextSpan? HeredocBodySpan { get; internal set; }

    public override string ToString() => FileDescriptor + Operator + Target?.Text;
}

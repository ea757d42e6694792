namespace Dflint.Semantics.Shell;

/// <summary>A <c>NAME=value</c> word before a command's name (or a command of assignments only).</summary>
public sealed class ShellAssignment
{
    internal ShellAssignment(ShellWord word, string name, ShellWord value, bool isAppend)
    {
        Word = word;
        Name = name;
        Value = value;
        IsAppend = isAppend;
    }

    /// <summary>The whole <c>NAME=value</c> word.</summary>
    public ShellWord Word { get; }

    public string Name { get; }

    /// <summary>The part after <c>=</c>; an empty word for <c>NAME=</c>.</summary>
    public ShellWord Value { get; }

    /// <summary><c>NAME+=value</c> (bash).</summary>
    public bool IsAppend { get; }

    public TextSpan Span => Word.Span;

    public override string ToString() => Word.Text;
}

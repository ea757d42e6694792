using System.Text;

namespace Dflint.Tests.BuildKit;

/// <summary>One heredoc attached to an instruction, as BuildKit's parser records it.</summary>
/// <param name="Name">The terminator word, with quotes and escapes processed.</param>
/// <param name="FileDescriptor">The digits before <c>&lt;&lt;</c> (0 when none; saturates at <see cref="ulong.MaxValue"/>).</param>
/// <param name="Expand">False when any part of the terminator word was quoted.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>.</param>
/// <param name="Content">The body lines exactly as read, line endings included, leading tabs not removed.</param>
public sealed record BuildKitHeredoc(string Name, ulong FileDescriptor, bool Expand, bool Chomp, string Content);

/// <summary>The "empty continuation line" warning.</summary>
/// <param name="Short">BuildKit's short text: <c>Empty continuation line found in: </c> plus the joined line.</param>
/// <param name="Line">The joined logical line the warning is about.</param>
/// <param name="Location">The line number BuildKit attaches (the last line read for the instruction's continuation).</param>
public sealed record BuildKitWarning(string Short, string Line, int Location);

/// <summary>The first (and only) error BuildKit's parser reports.</summary>
/// <param name="Message">The error text, without location.</param>
/// <param name="StartLine">First line of the error range, as BuildKit computes it (see remarks on the parser).</param>
/// <param name="EndLine">Last line of the error range (never less than <paramref name="StartLine"/>).</param>
public sealed record BuildKitError(string Message, int StartLine, int EndLine);

/// <summary>One instruction node (a child of BuildKit's root node), or the sub-command of ONBUILD.</summary>
public sealed class BuildKitNode
{
    internal BuildKitNode(string rawValue)
    {
        RawValue = rawValue;
    }

    /// <summary>The instruction keyword as written (BuildKit lower-cases it only for dispatch and Dump).</summary>
    public string Value => GoText.ToDotNet(RawValue);

    /// <summary>The joined logical line (for the ONBUILD child: the text after ONBUILD).</summary>
    public string Original => GoText.ToDotNet(RawOriginal);

    /// <summary>The builder flags as extractBuilderFlags returns them.</summary>
    public IReadOnlyList<string> Flags => RawFlags.Select(GoText.ToDotNet).ToList();

    /// <summary>
    /// The argument values of the Next chain. For ONBUILD with a sub-command this is empty
    /// and <see cref="SubCommand"/> is set. Unknown instructions have one empty value.
    /// </summary>
    public IReadOnlyList<string> Next => RawNext.Select(GoText.ToDotNet).ToList();

    /// <summary>ONBUILD's child instruction node, if any.</summary>
    public BuildKitNode? SubCommand { get; internal set; }

    /// <summary>The <c>json</c> attribute.</summary>
    public bool IsJson { get; internal set; }

    /// <summary>Heredocs, in order. For ONBUILD they are attached here, not to the sub-command.</summary>
    public IReadOnlyList<BuildKitHeredoc> Heredocs => RawHeredocs;

    /// <summary>1-based first line of the instruction (0 for an ONBUILD child).</summary>
    public int StartLine { get; internal set; }

    /// <summary>1-based last line, heredoc bodies included (0 for an ONBUILD child).</summary>
    public int EndLine { get; internal set; }

    /// <summary>The comments collected before the instruction (see the parser remarks for the odd rules).</summary>
    public IReadOnlyList<string> PrevComment => RawPrevComment.Select(GoText.ToDotNet).ToList();

    private static readonly char[] GoSpaceChars =
        ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004',
         '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];

    internal string RawValue { get; }

    internal string RawOriginal { get; set; } = string.Empty;

    internal List<string> RawFlags { get; set; } = [];

    internal List<string> RawNext { get; set; } = [];

    internal List<BuildKitHeredoc> RawHeredocs { get; } = [];

    internal List<string> RawPrevComment { get; set; } = [];

    /// <summary>The s-expression BuildKit's Node.Dump prints for this node (without the surrounding parentheses).</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        sb.Append(GoText.ToDotNet(GoText.ToLower(RawValue)));
        if (RawFlags.Count > 0)
        {
            sb.Append(" [").Append(string.Join(" ", RawFlags.Select(GoText.Quote))).Append(']');
        }

        if (SubCommand is not null)
        {
            // ONBUILD's Next node holds the child in Children: it dumps as "(child)\n", trimmed.
            sb.Append(' ').Append('(').Append(SubCommand.Dump()).Append(')');
        }

        foreach (var v in RawNext)
        {
            sb.Append(' ').Append(GoText.Quote(v));
        }

        // Go's strings.TrimSpace on the (already decoded) text; all Go space runes are in the BMP.
        return sb.ToString().Trim(GoSpaceChars);
    }
}

/// <summary>The result of <see cref="BuildKitReferenceParser.Parse"/>.</summary>
public sealed class BuildKitParseResult
{
    internal BuildKitParseResult(char escapeToken, List<BuildKitWarning> warnings, List<BuildKitNode> nodes, BuildKitError? error)
    {
        EscapeToken = escapeToken;
        Warnings = warnings;
        Instructions = nodes;
        Error = error;
    }

    /// <summary>The escape token in force at the end (<c>\</c> or <c>`</c>).</summary>
    public char EscapeToken { get; }

    /// <summary>Warnings, one per instruction that had empty continuation lines.</summary>
    public IReadOnlyList<BuildKitWarning> Warnings { get; }

    /// <summary>
    /// The instruction nodes. Empty when <see cref="Error"/> is set, except for the
    /// over-long-line error, where BuildKit also returns what it parsed before.
    /// </summary>
    public IReadOnlyList<BuildKitNode> Instructions { get; }

    /// <summary>The error, or null on success.</summary>
    public BuildKitError? Error { get; }

    /// <summary>BuildKit's root Node.Dump(): one "(...)" line per instruction, trailing newline trimmed.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        foreach (var n in Instructions)
        {
            sb.Append('(').Append(n.Dump()).Append(")\n");
        }

        return sb.ToString().TrimEnd('\n');
    }
}

namespace Dflint.Syntax;

/// <summary>The kind of every token, trivia and node in a Dockerfile syntax tree.</summary>
public enum SyntaxKind : ushort
{
    None = 0,

    // Trivia: everything BuildKit drops from an instruction's value, and everything between instructions.
    WhitespaceTrivia,
    EndOfLineTrivia,
    /// <summary>The escape character ending a line, the blanks after it and the line break.</summary>
    LineContinuationTrivia,
    CommentTrivia,
    ParserDirectiveTrivia,
    ByteOrderMarkTrivia,
    /// <summary>Characters the parser could not place in a token (never produced for well-formed input).</summary>
    SkippedTextTrivia,

    // Instruction keywords.
    FromKeyword,
    RunKeyword,
    CmdKeyword,
    LabelKeyword,
    MaintainerKeyword,
    ExposeKeyword,
    EnvKeyword,
    AddKeyword,
    CopyKeyword,
    EntrypointKeyword,
    VolumeKeyword,
    UserKeyword,
    WorkdirKeyword,
    ArgKeyword,
    OnbuildKeyword,
    StopsignalKeyword,
    HealthcheckKeyword,
    ShellKeyword,
    /// <summary>The first word of a line that is not a Dockerfile instruction.</summary>
    UnknownKeyword,

    // Contextual keywords.
    AsKeyword,
    NoneKeyword,

    // Other tokens.
    FlagNameToken,
    FlagValueToken,
    /// <summary>A lone <c>--</c> that ends the flags of an instruction.</summary>
    DoubleDashToken,
    EqualsToken,
    ColonToken,
    /// <summary>A whitespace-delimited argument (quotes kept as written).</summary>
    WordToken,
    /// <summary>A run of free text: a shell-form command on one physical line, or a whole-string argument.</summary>
    TextToken,
    OpenBracketToken,
    CloseBracketToken,
    CommaToken,
    JsonStringToken,
    /// <summary>A JSON value inside an exec-form array that is not a string (an error in BuildKit).</summary>
    JsonValueToken,
    HeredocBodyToken,
    HeredocTerminatorToken,
    EndOfFileToken,

    // Nodes.
    Dockerfile,
    List,
    Flag,
    JsonArray,
    ShellForm,
    KeyValuePair,
    ArgDeclaration,
    Heredoc,

    // Instructions.
    FromInstruction,
    RunInstruction,
    CmdInstruction,
    LabelInstruction,
    MaintainerInstruction,
    ExposeInstruction,
    EnvInstruction,
    AddInstruction,
    CopyInstruction,
    EntrypointInstruction,
    VolumeInstruction,
    UserInstruction,
    WorkdirInstruction,
    ArgInstruction,
    OnbuildInstruction,
    StopsignalInstruction,
    HealthcheckInstruction,
    ShellInstruction,
    UnknownInstruction,
}

public static class SyntaxKindFacts
{
    public static bool IsTrivia(this SyntaxKind kind) => kind is >= SyntaxKind.WhitespaceTrivia and <= SyntaxKind.SkippedTextTrivia;

    public static bool IsInstructionKeyword(this SyntaxKind kind) => kind is >= SyntaxKind.FromKeyword and <= SyntaxKind.UnknownKeyword;

    public static bool IsToken(this SyntaxKind kind) => kind is >= SyntaxKind.FromKeyword and <= SyntaxKind.EndOfFileToken;

    public static bool IsInstruction(this SyntaxKind kind) => kind is >= SyntaxKind.FromInstruction and <= SyntaxKind.UnknownInstruction;

    /// <summary>The instruction keyword for a word, compared case-insensitively as BuildKit does.</summary>
    public static SyntaxKind GetInstructionKeywordKind(ReadOnlySpan<char> word)
    {
        // Go lower-cases with Unicode rules (the Kelvin sign is a 'k'); only non-ASCII words pay for that.
        if (!System.Text.Ascii.IsValid(word) && word.Length <= 16)
        {
            Span<char> lowered = stackalloc char[word.Length];
            var written = word.ToLowerInvariant(lowered);
            if (System.Text.Ascii.IsValid(lowered[..written])) word = lowered[..written].ToString();
        }
        // Length first keeps this a couple of comparisons per instruction.
        switch (word.Length)
        {
            case 3:
                if (word.Equals("RUN", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.RunKeyword;
                if (word.Equals("CMD", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.CmdKeyword;
                if (word.Equals("ENV", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.EnvKeyword;
                if (word.Equals("ADD", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.AddKeyword;
                if (word.Equals("ARG", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.ArgKeyword;
                break;
            case 4:
                if (word.Equals("FROM", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.FromKeyword;
                if (word.Equals("COPY", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.CopyKeyword;
                if (word.Equals("USER", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.UserKeyword;
                break;
            case 5:
                if (word.Equals("LABEL", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.LabelKeyword;
                if (word.Equals("SHELL", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.ShellKeyword;
                break;
            case 6:
                if (word.Equals("EXPOSE", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.ExposeKeyword;
                if (word.Equals("VOLUME", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.VolumeKeyword;
                break;
            case 7:
                if (word.Equals("WORKDIR", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.WorkdirKeyword;
                if (word.Equals("ONBUILD", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.OnbuildKeyword;
                break;
            case 10:
                if (word.Equals("ENTRYPOINT", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.EntrypointKeyword;
                if (word.Equals("MAINTAINER", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.MaintainerKeyword;
                if (word.Equals("STOPSIGNAL", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.StopsignalKeyword;
                break;
            case 11:
                if (word.Equals("HEALTHCHECK", StringComparison.OrdinalIgnoreCase)) return SyntaxKind.HealthcheckKeyword;
                break;
        }
        return SyntaxKind.UnknownKeyword;
    }

    public static SyntaxKind GetInstructionKind(SyntaxKind keyword) => keyword switch
    {
        SyntaxKind.FromKeyword => SyntaxKind.FromInstruction,
        SyntaxKind.RunKeyword => SyntaxKind.RunInstruction,
        SyntaxKind.CmdKeyword => SyntaxKind.CmdInstruction,
        SyntaxKind.LabelKeyword => SyntaxKind.LabelInstruction,
        SyntaxKind.MaintainerKeyword => SyntaxKind.MaintainerInstruction,
        SyntaxKind.ExposeKeyword => SyntaxKind.ExposeInstruction,
        SyntaxKind.EnvKeyword => SyntaxKind.EnvInstruction,
        SyntaxKind.AddKeyword => SyntaxKind.AddInstruction,
        SyntaxKind.CopyKeyword => SyntaxKind.CopyInstruction,
        SyntaxKind.EntrypointKeyword => SyntaxKind.EntrypointInstruction,
        SyntaxKind.VolumeKeyword => SyntaxKind.VolumeInstruction,
        SyntaxKind.UserKeyword => SyntaxKind.UserInstruction,
        SyntaxKind.WorkdirKeyword => SyntaxKind.WorkdirInstruction,
        SyntaxKind.ArgKeyword => SyntaxKind.ArgInstruction,
        SyntaxKind.OnbuildKeyword => SyntaxKind.OnbuildInstruction,
        SyntaxKind.StopsignalKeyword => SyntaxKind.StopsignalInstruction,
        SyntaxKind.HealthcheckKeyword => SyntaxKind.HealthcheckInstruction,
        SyntaxKind.ShellKeyword => SyntaxKind.ShellInstruction,
        _ => SyntaxKind.UnknownInstruction,
    };

    /// <summary>The instruction name as Docker's documentation spells it.</summary>
    public static string GetInstructionName(SyntaxKind instructionOrKeyword) => instructionOrKeyword switch
    {
        SyntaxKind.FromInstruction or SyntaxKind.FromKeyword => "FROM",
        SyntaxKind.RunInstruction or SyntaxKind.RunKeyword => "RUN",
        SyntaxKind.CmdInstruction or SyntaxKind.CmdKeyword => "CMD",
        SyntaxKind.LabelInstruction or SyntaxKind.LabelKeyword => "LABEL",
        SyntaxKind.MaintainerInstruction or SyntaxKind.MaintainerKeyword => "MAINTAINER",
        SyntaxKind.ExposeInstruction or SyntaxKind.ExposeKeyword => "EXPOSE",
        SyntaxKind.EnvInstruction or SyntaxKind.EnvKeyword => "ENV",
        SyntaxKind.AddInstruction or SyntaxKind.AddKeyword => "ADD",
        SyntaxKind.CopyInstruction or SyntaxKind.CopyKeyword => "COPY",
        SyntaxKind.EntrypointInstruction or SyntaxKind.EntrypointKeyword => "ENTRYPOINT",
        SyntaxKind.VolumeInstruction or SyntaxKind.VolumeKeyword => "VOLUME",
        SyntaxKind.UserInstruction or SyntaxKind.UserKeyword => "USER",
        SyntaxKind.WorkdirInstruction or SyntaxKind.WorkdirKeyword => "WORKDIR",
        SyntaxKind.ArgInstruction or SyntaxKind.ArgKeyword => "ARG",
        SyntaxKind.OnbuildInstruction or SyntaxKind.OnbuildKeyword => "ONBUILD",
        SyntaxKind.StopsignalInstruction or SyntaxKind.StopsignalKeyword => "STOPSIGNAL",
        SyntaxKind.HealthcheckInstruction or SyntaxKind.HealthcheckKeyword => "HEALTHCHECK",
        SyntaxKind.ShellInstruction or SyntaxKind.ShellKeyword => "SHELL",
        _ => "",
    };
}

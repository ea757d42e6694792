using System.Text.RegularExpressions;
using Dflint.Syntax.Green;

namespace Dflint.Syntax;

/// <summary>The root: every instruction, then the end-of-file token that carries the trailing trivia.</summary>
public sealed class DockerfileSyntax : SyntaxNode
{
    internal DockerfileSyntax(GreenNode green, DockerfileSyntaxTree tree)
        : base(green, tree)
    {
    }

    public SyntaxList<InstructionSyntax> Instructions => GetList<InstructionSyntax>(0);

    public SyntaxToken EndOfFileToken => GetToken(1);
}

/// <summary>Common shape of every instruction: the keyword, then the <c>--flags</c>, then its own slots.</summary>
public abstract class InstructionSyntax : SyntaxNode
{
    private protected InstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken Keyword => GetToken(0);

    /// <summary>The instruction name as written, e.g. <c>run</c> for a lower-case RUN.</summary>
    public string Name => Keyword.Text;

    public SyntaxList<FlagSyntax> Flags => GetList<FlagSyntax>(1);

    /// <summary>The first flag named <paramref name="name"/> (without dashes, case-insensitive), or null.</summary>
    public FlagSyntax? GetFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.OrdinalIgnoreCase)) return flag;
        }
        return null;
    }

    /// <summary>Heredocs whose bodies follow this instruction (RUN, COPY, ADD; none for the others).</summary>
    public virtual SyntaxList<HeredocSyntax> Heredocs => default;
}

public sealed class FlagSyntax : SyntaxNode
{
    internal FlagSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary>The <c>--name</c> token, or the lone <c>--</c> that ends the flags.</summary>
    public SyntaxToken NameToken => GetToken(0);

    public SyntaxToken EqualsToken => GetToken(1);

    public SyntaxToken ValueToken => GetToken(2);

    /// <summary>The flag name without its leading dashes.</summary>
    public string Name => NameToken.ValueText.TrimStart('-');

    /// <summary>The value after <c>=</c> with quotes removed; null for a flag without <c>=</c>.</summary>
    public string? Value => EqualsToken.Exists ? ValueToken.ValueText : null;

    /// <summary>The flag as BuildKit passes it on: <c>--name=value</c>, quotes removed.</summary>
    public string BuildKitText => EqualsToken.Exists ? NameToken.ValueText + "=" + ValueToken.ValueText : NameToken.ValueText;
}

/// <summary>An exec-form (JSON) array: <c>["executable", "param"]</c>.</summary>
public sealed class JsonArraySyntax : SyntaxNode
{
    internal JsonArraySyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken OpenBracket => GetToken(0);

    /// <summary>The strings and the commas between them.</summary>
    public SyntaxTokenList ElementsAndSeparators => GetTokenList(1);

    public SyntaxToken CloseBracket => GetToken(2);

    public IEnumerable<SyntaxToken> Elements => ElementsAndSeparators.Where(t => t.Kind != SyntaxKind.CommaToken);

    public ImmutableArray<string> Values => [.. Elements.Select(t => t.ValueText)];
}

/// <summary>A shell-form command: one text token per physical line, continuations between them as trivia.</summary>
public sealed class ShellFormSyntax : SyntaxNode
{
    internal ShellFormSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxTokenList Fragments => GetTokenList(0);

    /// <summary>The command string BuildKit hands to the shell, with continuations joined.</summary>
    public string CommandText => string.Concat(Fragments.Select(f => f.ValueText));
}

public sealed class KeyValuePairSyntax : SyntaxNode
{
    internal KeyValuePairSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken KeyToken => GetToken(0);

    /// <summary>Absent in the legacy <c>ENV key value</c> form.</summary>
    public SyntaxToken EqualsToken => GetToken(1);

    public SyntaxToken ValueToken => GetToken(2);

    public string Key => KeyToken.ValueText;

    /// <summary>The value as BuildKit's parser passes it on (quotes kept; expanded later).</summary>
    public string Value => ValueToken.ValueText;

    public bool IsLegacyForm => !EqualsToken.Exists;
}

public sealed class ArgDeclarationSyntax : SyntaxNode
{
    internal ArgDeclarationSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken NameToken => GetToken(0);

    public SyntaxToken EqualsToken => GetToken(1);

    public SyntaxToken ValueToken => GetToken(2);

    public string Name => NameToken.ValueText;

    /// <summary>The default value (quotes kept), or null when the ARG has none.</summary>
    public string? DefaultValue => EqualsToken.Exists ? ValueToken.ValueText : null;
}

public sealed partial class HeredocSyntax : SyntaxNode
{
    internal HeredocSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken Body => GetToken(0);

    public SyntaxToken Terminator => GetToken(1);

    private GreenHeredoc GreenHeredoc => (GreenHeredoc)Green;

    /// <summary><c>&lt;&lt;-</c>: leading tabs are stripped from the body and the terminator line.</summary>
    public bool Chomp => GreenHeredoc.Chomp;

    /// <summary>False when the delimiter was quoted, which turns off variable expansion in the body.</summary>
    public bool Expand => GreenHeredoc.Expand;

    /// <summary>The file descriptor before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), 0 when none was given.</summary>
    public ulong FileDescriptor => GreenHeredoc.FileDescriptor;

    /// <summary>The delimiter, quotes removed (<c>&lt;&lt;"EOF"</c> gives <c>EOF</c>).</summary>
    public string Name => GreenHeredoc.Name;

    /// <summary>The body as BuildKit passes it on (leading tabs removed for <c>&lt;&lt;-</c>).</summary>
    public string Content => Chomp ? LeadingTabs().Replace(Body.Text, "") : Body.Text;

    [GeneratedRegex(@"(?m)^\t+")]
    private static partial Regex LeadingTabs();
}

public sealed class FromInstructionSyntax : InstructionSyntax
{
    internal FromInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken Image => GetToken(2);

    public SyntaxToken AsKeyword => GetToken(3);

    public SyntaxToken StageNameToken => GetToken(4);

    public string? StageName => StageNameToken.Exists ? StageNameToken.ValueText : null;

    /// <summary>Words after the image that BuildKit rejects (FROM takes one or three arguments).</summary>
    public SyntaxTokenList UnexpectedArguments => GetTokenList(5);
}

/// <summary>RUN, CMD, ENTRYPOINT and SHELL: a shell-form or exec-form command.</summary>
public abstract class CommandInstructionSyntax : InstructionSyntax
{
    private protected CommandInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary>A <see cref="ShellFormSyntax"/>, a <see cref="JsonArraySyntax"/>, or null when empty.</summary>
    public SyntaxNode? Command => GetRed(2);

    public bool IsExecForm => Command is JsonArraySyntax;

    public ShellFormSyntax? ShellForm => Command as ShellFormSyntax;

    public JsonArraySyntax? ExecForm => Command as JsonArraySyntax;
}

public sealed class RunInstructionSyntax : CommandInstructionSyntax
{
    internal RunInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public override SyntaxList<HeredocSyntax> Heredocs => GetList<HeredocSyntax>(3);
}

public sealed class CmdInstructionSyntax : CommandInstructionSyntax
{
    internal CmdInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class EntrypointInstructionSyntax : CommandInstructionSyntax
{
    internal EntrypointInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class ShellInstructionSyntax : CommandInstructionSyntax
{
    internal ShellInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

/// <summary>COPY, ADD and VOLUME: whitespace-separated words or an exec-form array.</summary>
public abstract class PathsInstructionSyntax : InstructionSyntax
{
    private protected PathsInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary>A <see cref="JsonArraySyntax"/> or the list of words; null when empty.</summary>
    public SyntaxNode? ArgumentsNode => GetRed(2);

    public bool IsJsonForm => ArgumentsNode is JsonArraySyntax;

    /// <summary>The argument tokens: the words, or the strings of the JSON array.</summary>
    public ImmutableArray<SyntaxToken> Arguments => ArgumentsNode switch
    {
        JsonArraySyntax json => [.. json.Elements],
        null => [],
        _ => [.. GetTokenList(2)],
    };
}

public abstract class CopyLikeInstructionSyntax : PathsInstructionSyntax
{
    private protected CopyLikeInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public ImmutableArray<SyntaxToken> Sources => Arguments.Length < 2 ? [] : Arguments[..^1];

    public SyntaxToken Destination => Arguments.Length < 2 ? default : Arguments[^1];

    public override SyntaxList<HeredocSyntax> Heredocs => GetList<HeredocSyntax>(3);
}

public sealed class CopyInstructionSyntax : CopyLikeInstructionSyntax
{
    internal CopyInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class AddInstructionSyntax : CopyLikeInstructionSyntax
{
    internal AddInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class VolumeInstructionSyntax : PathsInstructionSyntax
{
    internal VolumeInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

/// <summary>ENV and LABEL: <c>key=value</c> pairs, or the legacy <c>key value</c> form.</summary>
public abstract class KeyValueInstructionSyntax : InstructionSyntax
{
    private protected KeyValueInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxList<KeyValuePairSyntax> Pairs => GetList<KeyValuePairSyntax>(2);
}

public sealed class EnvInstructionSyntax : KeyValueInstructionSyntax
{
    internal EnvInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class LabelInstructionSyntax : KeyValueInstructionSyntax
{
    internal LabelInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class ArgInstructionSyntax : InstructionSyntax
{
    internal ArgInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxList<ArgDeclarationSyntax> Declarations => GetList<ArgDeclarationSyntax>(2);
}

public sealed class ExposeInstructionSyntax : InstructionSyntax
{
    internal ExposeInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxTokenList Ports => GetTokenList(2);
}

/// <summary>WORKDIR, STOPSIGNAL and MAINTAINER: the rest of the line is one string.</summary>
public abstract class StringInstructionSyntax : InstructionSyntax
{
    private protected StringInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken ValueToken => GetToken(2);

    public string Value => ValueToken.ValueText;
}

public sealed class WorkdirInstructionSyntax : StringInstructionSyntax
{
    internal WorkdirInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class StopsignalInstructionSyntax : StringInstructionSyntax
{
    internal StopsignalInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

public sealed class MaintainerInstructionSyntax : StringInstructionSyntax
{
    internal MaintainerInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }
}

/// <summary>USER <c>user[:group]</c>.</summary>
public sealed class UserInstructionSyntax : InstructionSyntax
{
    internal UserInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxToken UserToken => GetToken(2);

    public SyntaxToken ColonToken => GetToken(3);

    public SyntaxToken GroupToken => GetToken(4);

    public string User => UserToken.ValueText;

    public string? Group => ColonToken.Exists ? GroupToken.ValueText : null;

    /// <summary>The whole argument as BuildKit passes it on.</summary>
    public string Value => User + (ColonToken.Exists ? ":" + GroupToken.ValueText : "");
}

/// <summary>HEALTHCHECK NONE, or HEALTHCHECK [flags] CMD command.</summary>
public sealed class HealthcheckInstructionSyntax : InstructionSyntax
{
    internal HealthcheckInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary><c>NONE</c>, <c>CMD</c>, or whatever word stands there.</summary>
    public SyntaxToken TypeToken => GetToken(2);

    public bool IsNone => TypeToken.Kind == SyntaxKind.NoneKeyword;

    public SyntaxNode? Command => GetRed(3);

    public bool IsExecForm => Command is JsonArraySyntax;
}

public sealed class OnbuildInstructionSyntax : InstructionSyntax
{
    internal OnbuildInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public InstructionSyntax? Trigger => GetNode<InstructionSyntax>(2);

    public override SyntaxList<HeredocSyntax> Heredocs => Trigger?.Heredocs ?? default;
}

/// <summary>A line whose first word is not an instruction; kept whole so the file still round-trips.</summary>
public sealed class UnknownInstructionSyntax : InstructionSyntax
{
    internal UnknownInstructionSyntax(GreenNode green, SyntaxNode parent, int position)
        : base(green, parent, position)
    {
    }

    public SyntaxNode? Arguments => GetRed(2);
}

internal static class SyntaxNodeFactory
{
    public static SyntaxNode Create(GreenNode green, SyntaxNode parent, int position) => green.Kind switch
    {
        SyntaxKind.List => new SyntaxListNode(green, parent, position),
        SyntaxKind.Flag => new FlagSyntax(green, parent, position),
        SyntaxKind.JsonArray => new JsonArraySyntax(green, parent, position),
        SyntaxKind.ShellForm => new ShellFormSyntax(green, parent, position),
        SyntaxKind.KeyValuePair => new KeyValuePairSyntax(green, parent, position),
        SyntaxKind.ArgDeclaration => new ArgDeclarationSyntax(green, parent, position),
        SyntaxKind.Heredoc => new HeredocSyntax(green, parent, position),
        SyntaxKind.FromInstruction => new FromInstructionSyntax(green, parent, position),
        SyntaxKind.RunInstruction => new RunInstructionSyntax(green, parent, position),
        SyntaxKind.CmdInstruction => new CmdInstructionSyntax(green, parent, position),
        SyntaxKind.EntrypointInstruction => new EntrypointInstructionSyntax(green, parent, position),
        SyntaxKind.ShellInstruction => new ShellInstructionSyntax(green, parent, position),
        SyntaxKind.CopyInstruction => new CopyInstructionSyntax(green, parent, position),
        SyntaxKind.AddInstruction => new AddInstructionSyntax(green, parent, position),
        SyntaxKind.VolumeInstruction => new VolumeInstructionSyntax(green, parent, position),
        SyntaxKind.EnvInstruction => new EnvInstructionSyntax(green, parent, position),
        SyntaxKind.LabelInstruction => new LabelInstructionSyntax(green, parent, position),
        SyntaxKind.ArgInstruction => new ArgInstructionSyntax(green, parent, position),
        SyntaxKind.ExposeInstruction => new ExposeInstructionSyntax(green, parent, position),
        SyntaxKind.WorkdirInstruction => new WorkdirInstructionSyntax(green, parent, position),
        SyntaxKind.StopsignalInstruction => new StopsignalInstructionSyntax(green, parent, position),
        SyntaxKind.MaintainerInstruction => new MaintainerInstructionSyntax(green, parent, position),
        SyntaxKind.UserInstruction => new UserInstructionSyntax(green, parent, position),
        SyntaxKind.HealthcheckInstruction => new HealthcheckInstructionSyntax(green, parent, position),
        SyntaxKind.OnbuildInstruction => new OnbuildInstructionSyntax(green, parent, position),
        SyntaxKind.UnknownInstruction => new UnknownInstructionSyntax(green, parent, position),
        _ => throw new InvalidOperationException($"No red node for {green.Kind}."),
    };
}

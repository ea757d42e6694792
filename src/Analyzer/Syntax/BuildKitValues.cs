namespace Dflint.Syntax;

/// <summary>
/// What BuildKit's parser hands on for an instruction, read off the tree: the flags and the argument list
/// (BuildKit's <c>Next</c> chain), exactly as its line parsers produce them.
/// </summary>
public static class BuildKitValues
{
    /// <summary>The flags as <c>--name=value</c> strings, quotes removed; the lone <c>--</c> is not a flag.</summary>
    public static ImmutableArray<string> GetFlags(this InstructionSyntax instruction) =>
        [.. instruction.Flags.Where(f => f.NameToken.Kind != SyntaxKind.DoubleDashToken).Select(f => f.BuildKitText)];

    /// <summary>The argument values, before variable expansion and quote removal.</summary>
    public static ImmutableArray<string> GetArguments(this InstructionSyntax instruction) => instruction switch
    {
        FromInstructionSyntax from => [.. TokenValues(from.Image, from.AsKeyword, from.StageNameToken), .. from.UnexpectedArguments.Select(t => t.ValueText)],
        CommandInstructionSyntax command => CommandValues(command.Command),
        PathsInstructionSyntax paths => [.. paths.Arguments.Select(t => t.ValueText)],
        KeyValueInstructionSyntax pairs => [.. pairs.Pairs.SelectMany(p => p.IsLegacyForm
            ? new[] { p.Key, p.Value, "" }
            : [p.Key, p.Value, "="])],
        ArgInstructionSyntax arg => [.. arg.Declarations.Select(d => d.Name + (d.EqualsToken.Exists ? "=" + d.ValueToken.ValueText : ""))],
        ExposeInstructionSyntax expose => [.. expose.Ports.Select(t => t.ValueText)],
        StringInstructionSyntax text => text.ValueToken.Exists ? [text.Value] : [],
        UserInstructionSyntax user => user.UserToken.Exists ? [user.Value] : [],
        HealthcheckInstructionSyntax health => health.TypeToken.Exists ? [health.TypeToken.ValueText, .. CommandValues(health.Command)] : [],
        OnbuildInstructionSyntax => [],
        _ => [""],
    };

    /// <summary>True for exec form (BuildKit's <c>json</c> attribute).</summary>
    public static bool IsJsonForm(this InstructionSyntax instruction) => instruction switch
    {
        CommandInstructionSyntax command => command.IsExecForm,
        PathsInstructionSyntax paths => paths.IsJsonForm,
        HealthcheckInstructionSyntax health => health.IsExecForm,
        _ => false,
    };

    private static IEnumerable<string> TokenValues(params SyntaxToken[] tokens) => tokens.Where(t => t.Exists).Select(t => t.ValueText);

    private static ImmutableArray<string> CommandValues(SyntaxNode? command) => command switch
    {
        JsonArraySyntax json => json.Values,
        ShellFormSyntax shell => [shell.CommandText],
        _ => [],
    };
}

using System.Collections.Immutable;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Shell;

/// <summary>Parses Dockerfiles and describes what the shell model reads, for exact comparisons.</summary>
internal static class ShellTestSupport
{
    public static DockerfileSyntaxTree Tree(string dockerfile) => DockerfileSyntaxTree.Parse(dockerfile);

    /// <summary>The scripts of the instruction at <paramref name="index"/>.</summary>
    public static ImmutableArray<ShellScript> Scripts(DockerfileSyntaxTree tree, int index) =>
        ShellScript.ForInstruction(tree.Instructions[index], tree.EscapeChar);

    /// <summary>The only script of the only RUN-like instruction after the FROM line.</summary>
    public static (DockerfileSyntaxTree Tree, ShellScript Script) Single(string dockerfile)
    {
        var tree = Tree(dockerfile);
        var scripts = Scripts(tree, tree.Instructions.Count - 1);
        Assert.That(scripts, Has.Length.EqualTo(1));
        return (tree, scripts[0]);
    }

    /// <summary>Each command as its word texts, with the operators around it: <c>&amp;&amp; apt-get install -y curl ;</c>.</summary>
    public static string[] Describe(ShellScript script) => [.. script.Commands.Select(Describe)];

    public static string Describe(ShellCommand command)
    {
        var parts = new List<string>();
        if (command.OperatorBefore != ShellOperator.None) parts.Add(Symbol(command.OperatorBefore));
        if (command.IsNegated) parts.Add("!");
        parts.AddRange(command.Assignments.Select(a => a.Word.Text));
        parts.AddRange(command.Words.Select(w => w.Text));
        parts.AddRange(command.Redirections.Select(r => r.ToString()));
        if (command.OperatorAfter != ShellOperator.None) parts.Add(Symbol(command.OperatorAfter));
        return string.Join(" ", parts);
    }

    private static string Symbol(ShellOperator op) => op switch
    {
        ShellOperator.And => "&&",
        ShellOperator.Or => "||",
        ShellOperator.Semicolon => ";",
        ShellOperator.Pipe => "|",
        ShellOperator.Background => "&",
        ShellOperator.Newline => "NL",
        _ => "",
    };

    /// <summary>The file text under <paramref name="span"/>.</summary>
    public static string At(DockerfileSyntaxTree tree, TextSpan span) => tree.Text.ToString(span);

    /// <summary>"line:column" (1-based) of a file offset.</summary>
    public static string Position(DockerfileSyntaxTree tree, int offset)
    {
        var position = tree.Text.Lines.GetLinePosition(offset);
        return $"{position.Line + 1}:{position.Character + 1}";
    }
}

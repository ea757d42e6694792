using System.Text;
using Dflint.Syntax;
using Dflint.Tests.BuildKit;
using Dflint.Text;

namespace Dflint.Tests.Syntax;

/// <summary>
/// One case per file in Fixtures/: the tree must rebuild the file byte for byte, be well formed, read every
/// instruction as BuildKit does, and match its reviewed snapshot (BuildKit view, diagnostics, full tree).
/// </summary>
public sealed class SyntaxFixtureTests
{
    private static string FixtureDirectory => Path.Combine(Snapshot.RepositoryRoot, "tests", "Analyzer.Tests", "Syntax", "Fixtures");

    public static IEnumerable<string> Fixtures() =>
        Directory.GetFiles(FixtureDirectory, "*.Dockerfile")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture(string name)
    {
        var path = Path.Combine(FixtureDirectory, name);
        var bytes = File.ReadAllBytes(path);
        var text = DockerfileText.Decode(bytes);
        var tree = DockerfileSyntaxTree.Parse(text, name);

        Assert.That(DockerfileText.Encode(tree.Root.ToFullString()), Is.EqualTo(bytes), "the tree must rebuild the file byte for byte");
        Assert.That(TreeChecks.FindProblem(tree, text), Is.Null);
        if (!DockerfileText.HasEscapedBytes(text)) BuildKitComparison.AssertAgrees(text);
        Snapshot.Verify(Path.ChangeExtension(path, ".verified.txt"), Describe(tree));
    }

    private static string Describe(DockerfileSyntaxTree tree)
    {
        var builder = new StringBuilder();
        builder.AppendLine("== BuildKit view");
        builder.Append("escape ").Append(tree.EscapeChar);
        foreach (var directive in tree.Directives) builder.Append(", ").Append(directive.Name).Append('=').Append(directive.Value);
        builder.AppendLine();
        foreach (var instruction in tree.Root.Instructions) DescribeInstruction(builder, instruction, "");
        builder.AppendLine("== Diagnostics");
        foreach (var diagnostic in tree.GetDiagnostics())
        {
            var position = tree.Text.Lines.GetLinePosition(diagnostic.Span.Start);
            builder.Append(position.Line + 1).Append(':').Append(position.Character + 1).Append(' ').Append(diagnostic.Severity.ToString().ToLowerInvariant())
                .Append(' ').Append(diagnostic.Id).Append(' ').AppendLine(diagnostic.Message);
        }
        builder.AppendLine("== Tree");
        builder.Append(SyntaxTreePrinter.Print(tree));
        return builder.ToString();
    }

    private static void DescribeInstruction(StringBuilder builder, InstructionSyntax instruction, string indent)
    {
        builder.Append(indent).Append(instruction.Keyword.IsMissing ? "<missing>" : instruction.Keyword.ValueText);
        foreach (var flag in instruction.GetFlags()) builder.Append(" [").Append(flag).Append(']');
        if (instruction.IsJsonForm()) builder.Append(" json");
        foreach (var argument in instruction.GetArguments()) SyntaxTreePrinter.AppendQuoted(builder.Append(' '), argument);
        builder.AppendLine();
        if (instruction is OnbuildInstructionSyntax { Trigger: { } trigger }) DescribeInstruction(builder, trigger, indent + "  trigger: ");
        if (indent.Length > 0) return;
        foreach (var heredoc in instruction.Heredocs)
        {
            builder.Append(indent).Append("  heredoc ").Append(heredoc.Name).Append(heredoc.Chomp ? " chomp" : "").Append(heredoc.Expand ? "" : " no-expand")
                .Append(heredoc.FileDescriptor != 0 ? " fd=" + heredoc.FileDescriptor : "").Append(' ');
            SyntaxTreePrinter.AppendQuoted(builder, heredoc.Content).AppendLine();
        }
    }
}

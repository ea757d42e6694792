using System.Text;
using Dflint.Syntax;
using Dflint.Text;

namespace Dflint.Tests.Syntax;

/// <summary>Very large and hostile inputs: the parser finishes, never throws and covers every character.</summary>
public sealed class LargeInputTests
{
    [Test]
    public void A_50_MB_file_parses_and_covers_every_character()
    {
        const string block = "FROM alpine:3.19 AS build\nRUN apk add --no-cache \\\n    curl \\\n    git\nCOPY <<EOF /x\nhello\nEOF\n# comment\nENV A=1 B=\"two\"\n";
        var builder = new StringBuilder(50 * 1024 * 1024 + block.Length);
        while (builder.Length < 50 * 1024 * 1024) builder.Append(block);
        var text = builder.ToString();
        var tree = DockerfileSyntaxTree.Parse(text);
        Assert.That(tree.Root.FullSpan.Length, Is.EqualTo(text.Length));
        Assert.That(tree.Root.Instructions.Count, Is.EqualTo(text.Length / block.Length * 4));
        Assert.That(tree.GetDiagnostics(), Is.Empty);
    }

    [Test]
    public void One_huge_line_and_one_huge_continuation_parse()
    {
        var line = "RUN " + new string('x', 10_000_000);
        Assert.That(DockerfileSyntaxTree.Parse(line).Root.FullSpan.Length, Is.EqualTo(line.Length));
        var continued = "RUN a" + string.Concat(Enumerable.Repeat(" \\\n  b", 200_000)) + "\n";
        var tree = DockerfileSyntaxTree.Parse(continued);
        Assert.That(tree.Root.FullSpan.Length, Is.EqualTo(continued.Length));
        Assert.That(((RunInstructionSyntax)tree.Root.Instructions[0]).ShellForm!.Fragments.Count, Is.EqualTo(200_001));
    }

    [Test]
    public void Random_bytes_round_trip_through_decoding_and_the_tree()
    {
        var random = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var bytes = new byte[random.Next(0, 200_000)];
            random.NextBytes(bytes);
            var text = DockerfileText.Decode(bytes);
            var tree = DockerfileSyntaxTree.Parse(text);
            Assert.That(DockerfileText.Encode(tree.Root.ToFullString()), Is.EqualTo(bytes));
        }
    }
}

using System.Text;
using Dflint.Syntax;

namespace Dflint.Tests.BuildKit;

/// <summary>Compares dflint's tree with the BuildKit reference model: the values each instruction hands on must agree.</summary>
internal static class BuildKitComparison
{
    /// <summary>Null when the tree reads the text as BuildKit does; otherwise the first difference.</summary>
    public static string? FindDifference(string text)
    {
        var expected = BuildKitReferenceParser.Parse(text);
        var tree = DockerfileSyntaxTree.Parse(text);
        var diagnostics = tree.GetDiagnostics();
        if (expected.Error is not null)
        {
            return diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                ? null
                : $"BuildKit fails with '{expected.Error.Message}' (line {expected.Error.StartLine}) but the tree has no error";
        }
        var instructions = tree.Root.Instructions;
        if (instructions.Count != expected.Instructions.Count)
        {
            return $"instruction count: BuildKit {expected.Instructions.Count}, tree {instructions.Count}";
        }
        var warnings = diagnostics.Count(d => d.Id == SyntaxDiagnostics.EmptyContinuationLine.Id);
        if (warnings != expected.Warnings.Count) return $"empty-continuation warnings: BuildKit {expected.Warnings.Count}, tree {warnings}";
        for (var i = 0; i < instructions.Count; i++)
        {
            var difference = Compare(expected.Instructions[i], instructions[i], tree.Text, isTrigger: false);
            if (difference is not null) return $"instruction {i + 1} ({expected.Instructions[i].Value}): {difference}";
        }
        return null;
    }

    public static void AssertAgrees(string text)
    {
        var difference = FindDifference(text);
        Assert.That(difference, Is.Null, () => "tree and BuildKit disagree on:\n" + Show(text));
    }

    private static string? Compare(BuildKitNode expected, InstructionSyntax actual, Microsoft.CodeAnalysis.Text.SourceText text, bool isTrigger)
    {
        var keyword = actual.Keyword.IsMissing ? "" : actual.Keyword.ValueText;
        if (keyword != expected.Value) return $"keyword '{keyword}' vs '{expected.Value}'";
        // Known, documented deviation (docs/BUILDKIT-PARSING.md): BuildKit reads flag words byte by byte, so a
        // non-ASCII character in a flag comes out as its UTF-8 bytes (and a 0xA0 or 0x85 byte counts as a space);
        // dflint keeps whole characters. Flags with non-ASCII text are compared as bytes, or not at all.
        if (!actual.GetFlags().SequenceEqual(expected.Flags) && !SameAsBytes(actual.GetFlags(), expected.Flags))
        {
            var nonAscii = actual.GetFlags().Concat(expected.Flags).Any(f => f.Any(c => c > '\u007f'));
            if (!nonAscii) return $"flags [{string.Join(", ", actual.GetFlags())}] vs [{string.Join(", ", expected.Flags)}]";
        }
        if (actual.IsJsonForm() != expected.IsJson) return $"json {actual.IsJsonForm()} vs {expected.IsJson}";
        if (actual is OnbuildInstructionSyntax onbuild && expected.SubCommand is not null)
        {
            if (onbuild.Trigger is null) return "ONBUILD without a trigger node";
            var inner = Compare(expected.SubCommand, onbuild.Trigger, text, isTrigger: true);
            if (inner is not null) return "trigger: " + inner;
        }
        else if (!actual.GetArguments().SequenceEqual(expected.Next))
        {
            return $"arguments [{string.Join(", ", actual.GetArguments().Select(Quote))}] vs [{string.Join(", ", expected.Next.Select(Quote))}]";
        }
        if (isTrigger) return null;
        var heredocs = actual.Heredocs;
        if (heredocs.Count != expected.Heredocs.Count) return $"heredoc count {heredocs.Count} vs {expected.Heredocs.Count}";
        for (var h = 0; h < heredocs.Count; h++)
        {
            var (mine, theirs) = (heredocs[h], expected.Heredocs[h]);
            if (mine.Name != theirs.Name || mine.Chomp != theirs.Chomp || mine.Expand != theirs.Expand || (ulong)mine.FileDescriptor != theirs.FileDescriptor || mine.Body.Text != theirs.Content)
            {
                return $"heredoc {h}: ({mine.Name}, chomp {mine.Chomp}, expand {mine.Expand}, fd {mine.FileDescriptor}, {Quote(mine.Body.Text)}) vs ({theirs.Name}, chomp {theirs.Chomp}, expand {theirs.Expand}, fd {theirs.FileDescriptor}, {Quote(theirs.Content)})";
            }
        }
        var endLine = EndLine(actual, text);
        if (endLine != expected.EndLine) return $"end line {endLine} vs {expected.EndLine}";
        var startsWithContinuationLine = actual.Keyword.LeadingTrivia.Any(t => t.Kind == SyntaxKind.LineContinuationTrivia);
        var startLine = LineOf(text, actual.Keyword.SpanStart);
        if (!startsWithContinuationLine && startLine != expected.StartLine) return $"start line {startLine} vs {expected.StartLine}";
        return null;
    }

    /// <summary>The last physical line the instruction occupies; BuildKit counts LF only.</summary>
    private static int EndLine(InstructionSyntax instruction, Microsoft.CodeAnalysis.Text.SourceText text)
    {
        var end = instruction.FullSpan.End;
        if (end > instruction.SpanStart && text[end - 1] == '\n') end--;
        return LineOf(text, Math.Max(end, instruction.SpanStart));
    }

    private static int LineOf(Microsoft.CodeAnalysis.Text.SourceText text, int position)
    {
        var line = 1;
        for (var i = 0; i < position; i++)
        {
            if (text[i] == '\n') line++;
        }
        return line;
    }

    private static string Quote(string value) => SyntaxTreePrinter.AppendQuoted(new StringBuilder(), value).ToString();

    public static string Show(string text) => Quote(text);

    private static bool SameAsBytes(IReadOnlyList<string> actual, IReadOnlyList<string> expected) =>
        actual.Count == expected.Count
        && actual.Zip(expected).All(p => System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(p.First)) == p.Second);
}

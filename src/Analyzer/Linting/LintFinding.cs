using Microsoft.CodeAnalysis;

namespace Dflint.Linting;

/// <summary>One problem in one file, with its position resolved to 1-based line and column.</summary>
public sealed record LintFinding(string Id, DiagnosticSeverity Severity, string Message, TextSpan Span, int Line, int Column);

/// <summary>The findings for one file, in source order.</summary>
public sealed record LintResult(string Path, ImmutableArray<LintFinding> Findings)
{
    public int ErrorCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);
}

/// <summary>Lints one Dockerfile. For now the only findings are the parser's syntax errors and warnings.</summary>
public static class DockerfileLinter
{
    /// <param name="bytes">The file as read; decoded losslessly so offsets match what the parser saw.</param>
    /// <param name="path">The path shown in messages; it is not opened.</param>
    public static LintResult Lint(ReadOnlySpan<byte> bytes, string path) =>
        Lint(Syntax.DockerfileSyntaxTree.Parse(SourceText.From(Text.DockerfileText.Decode(bytes)), path));

    public static LintResult Lint(Syntax.DockerfileSyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var lines = tree.Text.Lines;
        var findings = tree.GetDiagnostics().Select(d =>
        {
            var start = lines.GetLinePosition(d.Span.Start);
            return new LintFinding(d.Id, d.Severity, d.Message, d.Span, start.Line + 1, start.Character + 1);
        });
        return new LintResult(tree.FilePath ?? "", [.. findings]);
    }
}

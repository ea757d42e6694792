using Dflint.Syntax;
using Dflint.Syntax.Green;

namespace Dflint.Tests.Syntax;

/// <summary>Structural checks any parsed tree must pass, whatever the input.</summary>
internal static class TreeChecks
{
    /// <summary>Null when the tree is well formed: it rebuilds the text, and every token and trivia holds what its kind says.</summary>
    public static string? FindProblem(DockerfileSyntaxTree tree, string text)
    {
        if (tree.Root.FullSpan.Length != text.Length) return $"tree covers {tree.Root.FullSpan.Length} characters of {text.Length}";
        var rebuilt = tree.Root.ToFullString();
        if (rebuilt != text) return "ToFullString differs from the input";
        var escape = tree.EscapeChar;
        foreach (var token in tree.Root.DescendantTokens())
        {
            var problem = CheckToken(token, escape);
            if (problem is not null) return $"{token.Kind} at {token.Span}: {problem}";
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                problem = CheckTrivia(trivia, escape);
                if (problem is not null) return $"{trivia.Kind} at {trivia.Span}: {problem}";
            }
        }
        return null;
    }

    private static string? CheckToken(SyntaxToken token, char escape)
    {
        // Checks read the logical text: a continuation may fall inside any token.
        var value = token.Kind is SyntaxKind.HeredocBodyToken or SyntaxKind.HeredocTerminatorToken ? token.Text : LogicalText.Join(token.Text, escape);
        if (token.IsMissing) return value.Length == 0 ? null : "missing token with text";
        switch (token.Kind)
        {
            case SyntaxKind.EndOfFileToken:
                return value.Length == 0 ? null : "end of file with text";
            case SyntaxKind.HeredocBodyToken:
                var unterminated = ((HeredocSyntax)token.Parent!).Terminator.IsMissing;
                return value.Length == 0 || value.EndsWith('\n') || unterminated ? null : "heredoc body does not end with a line break";
            case SyntaxKind.EqualsToken:
                return value == "=" ? null : "not '='";
            case SyntaxKind.ColonToken:
                return value == ":" ? null : "not ':'";
            case SyntaxKind.CommaToken:
                return value == "," ? null : "not ','";
            case SyntaxKind.OpenBracketToken:
                return value == "[" ? null : "not '['";
            case SyntaxKind.CloseBracketToken:
                return value == "]" ? null : "not ']'";
            case SyntaxKind.JsonStringToken:
                return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? null : "not a JSON string";
            case SyntaxKind.FlagNameToken:
            case SyntaxKind.DoubleDashToken:
                return value.StartsWith("--", StringComparison.Ordinal) ? null : "flag without --";
            case SyntaxKind.AsKeyword:
                return value.Equals("as", StringComparison.OrdinalIgnoreCase) ? null : "not AS";
            case SyntaxKind.HeredocTerminatorToken:
                var heredoc = (HeredocSyntax)token.Parent!;
                return LogicalText.Join(value, escape) == heredoc.Name ? null : "terminator is not the heredoc name";
        }
        if (token.Kind.IsInstructionKeyword() && token.Kind != SyntaxKind.UnknownKeyword)
        {
            return SyntaxKindFacts.GetInstructionKeywordKind(token.ValueText) == token.Kind ? null : "keyword text does not match its kind";
        }
        if (value.Length == 0 && token.Kind is not (SyntaxKind.WordToken or SyntaxKind.FlagValueToken or SyntaxKind.TextToken or SyntaxKind.UnknownKeyword))
        {
            return "empty token";
        }
        return null;
    }

    private static string? CheckTrivia(SyntaxTrivia trivia, char escape)
    {
        var value = trivia.ToString();
        if (value.Length == 0) return "empty trivia";
        return trivia.Kind switch
        {
            SyntaxKind.WhitespaceTrivia => value.All(char.IsWhiteSpace) && !value.Contains('\n') ? null : "not whitespace",
            SyntaxKind.EndOfLineTrivia => value.TrimStart('\r') is "\n" or "" && value.Length > 0 ? null : "not a line break",
            SyntaxKind.LineContinuationTrivia => value[0] == escape && value[1..].TrimStart(' ', '\t').TrimStart('\r') is "\n" or "" ? null : "not a continuation",
            SyntaxKind.CommentTrivia or SyntaxKind.ParserDirectiveTrivia => value[0] == '#' && !value.Contains('\n') ? null : "not a comment line",
            SyntaxKind.ByteOrderMarkTrivia => value == "\uFEFF" ? null : "not a byte-order mark",
            SyntaxKind.SkippedTextTrivia => null,
            _ => "unexpected trivia kind",
        };
    }

    /// <summary>Null when two green trees are the same shape: kinds, widths, flags and diagnostics.</summary>
    public static string? CompareGreen(GreenNode expected, GreenNode actual, string path = "root")
    {
        if (expected.Kind != actual.Kind) return $"{path}: kind {actual.Kind} vs {expected.Kind}";
        if (expected.FullWidth != actual.FullWidth) return $"{path}: width {actual.FullWidth} vs {expected.FullWidth}";
        if (expected.Flags != actual.Flags) return $"{path}: flags {actual.Flags} vs {expected.Flags}";
        if (expected is GreenToken expectedToken && actual is GreenToken actualToken)
        {
            if (expectedToken.TextWidth != actualToken.TextWidth) return $"{path}: token width";
            return CompareOptional(expectedToken.Leading, actualToken.Leading, path + ".leading")
                ?? CompareOptional(expectedToken.Trailing, actualToken.Trailing, path + ".trailing");
        }
        if (expected is GreenHeredoc expectedHeredoc && actual is GreenHeredoc actualHeredoc
            && (expectedHeredoc.Name != actualHeredoc.Name || expectedHeredoc.Chomp != actualHeredoc.Chomp || expectedHeredoc.Expand != actualHeredoc.Expand || expectedHeredoc.FileDescriptor != actualHeredoc.FileDescriptor))
        {
            return $"{path}: heredoc marker";
        }
        var expectedDiagnostics = string.Join(";", expected.Diagnostics.Select(d => $"{d.Descriptor.Id}@{d.Offset}+{d.Length}:{string.Join(",", d.Arguments)}"));
        var actualDiagnostics = string.Join(";", actual.Diagnostics.Select(d => $"{d.Descriptor.Id}@{d.Offset}+{d.Length}:{string.Join(",", d.Arguments)}"));
        if (expectedDiagnostics != actualDiagnostics) return $"{path}: diagnostics [{actualDiagnostics}] vs [{expectedDiagnostics}]";
        if (expected.SlotCount != actual.SlotCount) return $"{path}: slot count";
        for (var i = 0; i < expected.SlotCount; i++)
        {
            var problem = CompareOptional(expected.GetSlot(i), actual.GetSlot(i), $"{path}/{i}");
            if (problem is not null) return problem;
        }
        return null;
    }

    private static string? CompareOptional(GreenNode? expected, GreenNode? actual, string path) =>
        (expected, actual) switch
        {
            (null, null) => null,
            (null, _) or (_, null) => $"{path}: one side is missing",
            _ => CompareGreen(expected, actual, path),
        };
}

using System.Text;

namespace Dflint.Syntax;

/// <summary>Prints a tree as indented text: every node, token and trivia with its kind, span and text.</summary>
public static class SyntaxTreePrinter
{
    public static string Print(DockerfileSyntaxTree tree)
    {
        var builder = new StringBuilder();
        PrintNode(builder, tree.Root, 0);
        return builder.ToString();
    }

    private static void PrintNode(StringBuilder builder, SyntaxNode node, int depth)
    {
        Indent(builder, depth).Append(node.Kind).Append(' ');
        AppendSpan(builder, node.SyntaxTree.Text, node.FullSpan).AppendLine();
        foreach (var diagnostic in node.Green.Diagnostics)
        {
            var resolved = SyntaxDiagnostic.Create(diagnostic, node.Position);
            Indent(builder, depth + 1).Append("! ").Append(resolved.Id).Append(' ');
            AppendSpan(builder, node.SyntaxTree.Text, resolved.Span).Append(' ').AppendLine(resolved.Message);
        }
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode) PrintNode(builder, childNode, depth + 1);
            else PrintToken(builder, child.AsToken(), depth + 1);
        }
    }

    private static void PrintToken(StringBuilder builder, SyntaxToken token, int depth)
    {
        var text = token.Parent!.SyntaxTree.Text;
        foreach (var trivia in token.LeadingTrivia) PrintTrivia(builder, text, trivia, "leading", depth);
        Indent(builder, depth).Append(token.Kind).Append(' ');
        AppendSpan(builder, text, token.Span).Append(' ');
        if (token.IsMissing) builder.Append("<missing>");
        else AppendQuoted(builder, token.Text);
        builder.AppendLine();
        foreach (var trivia in token.TrailingTrivia) PrintTrivia(builder, text, trivia, "trailing", depth);
    }

    private static void PrintTrivia(StringBuilder builder, SourceText text, SyntaxTrivia trivia, string side, int depth)
    {
        Indent(builder, depth + 1).Append(side).Append(' ').Append(trivia.Kind).Append(' ');
        AppendSpan(builder, text, trivia.Span).Append(' ');
        AppendQuoted(builder, trivia.ToString()).AppendLine();
    }

    private static StringBuilder Indent(StringBuilder builder, int depth) => builder.Append(' ', depth * 2);

    private static StringBuilder AppendSpan(StringBuilder builder, SourceText text, TextSpan span)
    {
        var start = text.Lines.GetLinePosition(span.Start);
        return builder.Append('[').Append(span.Start).Append("..").Append(span.End).Append(") ")
            .Append(start.Line + 1).Append(':').Append(start.Character + 1);
    }

    /// <summary>Quotes text the way a C# string literal would, so control characters stay visible.</summary>
    public static StringBuilder AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF') builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"');
    }
}

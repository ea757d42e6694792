using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dflint.Syntax;

/// <summary>
/// Writes a tree as JSON for tools outside .NET; the schema is documented in <c>docs/JSON-SYNTAX.md</c>.
/// Offsets are UTF-16 code units into the decoded text, as everywhere else in the library.
/// </summary>
public static class SyntaxJsonWriter
{
    /// <summary>The schema version written as <c>"version"</c>; bump it when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    // Relaxed escaping keeps quotes and non-ASCII readable; the output is never embedded in HTML.
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON form as UTF-8 bytes, without a trailing newline.</summary>
    public static byte[] ToUtf8Bytes(DockerfileSyntaxTree tree, bool includeTree = false, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? s_indented : s_compact))
        {
            Write(writer, tree, includeTree);
        }
        return stream.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, DockerfileSyntaxTree tree, bool includeTree = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tree);
        var text = tree.Text;

        writer.WriteStartObject();
        writer.WriteNumber("version", SchemaVersion);
        if (tree.FilePath is null) writer.WriteNull("file");
        else WriteString(writer, "file", tree.FilePath);
        WriteString(writer, "escape", tree.EscapeChar.ToString());

        writer.WriteStartArray("directives");
        foreach (var directive in tree.Directives)
        {
            writer.WriteStartObject();
            WriteString(writer, "name", directive.Name);
            WriteString(writer, "value", directive.Value);
            WriteSpan(writer, "span", text, directive.Span);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("instructions");
        foreach (var instruction in tree.Instructions) WriteInstruction(writer, text, instruction);
        writer.WriteEndArray();

        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in tree.GetDiagnostics())
        {
            writer.WriteStartObject();
            WriteString(writer, "id", diagnostic.Id);
            WriteString(writer, "severity", SeverityNames.Of(diagnostic.Severity));
            WriteString(writer, "message", diagnostic.Message);
            WriteSpan(writer, "span", text, diagnostic.Span);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (includeTree)
        {
            writer.WritePropertyName("tree");
            WriteNode(writer, text, tree.Root);
        }
        writer.WriteEndObject();
    }

    private static void WriteInstruction(Utf8JsonWriter writer, SourceText text, InstructionSyntax instruction)
    {
        writer.WriteStartObject();
        WriteString(writer, "keyword", instruction.Keyword.Text);
        WriteString(writer, "kind", instruction.Kind.ToString());
        WriteSpan(writer, "span", text, instruction.Span);
        WriteStrings(writer, "flags", instruction.GetFlags());
        WriteStrings(writer, "arguments", instruction.GetArguments());
        writer.WriteBoolean("json", instruction.IsJsonForm());

        writer.WriteStartArray("heredocs");
        foreach (var heredoc in instruction.Heredocs)
        {
            writer.WriteStartObject();
            WriteString(writer, "name", heredoc.Name);
            WriteString(writer, "content", heredoc.Content);
            writer.WriteBoolean("chomp", heredoc.Chomp);
            writer.WriteBoolean("expand", heredoc.Expand);
            writer.WriteNumber("fileDescriptor", heredoc.FileDescriptor);
            WriteSpan(writer, "span", text, heredoc.Span);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        if (instruction is OnbuildInstructionSyntax onbuild)
        {
            writer.WritePropertyName("trigger");
            if (onbuild.Trigger is { } trigger) WriteInstruction(writer, text, trigger);
            else writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, SourceText text, SyntaxNode node)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "node");
        WriteString(writer, "kind", node.Kind.ToString());
        WriteSpan(writer, "span", text, node.Span);
        WriteSpan(writer, "fullSpan", text, node.FullSpan);
        writer.WriteStartArray("children");
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode) WriteNode(writer, text, childNode);
            else WriteToken(writer, text, child.AsToken());
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteToken(Utf8JsonWriter writer, SourceText text, SyntaxToken token)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "token");
        WriteString(writer, "kind", token.Kind.ToString());
        WriteSpan(writer, "span", text, token.Span);
        WriteString(writer, "text", token.Text);
        WriteString(writer, "value", token.ValueText);
        writer.WriteBoolean("missing", token.IsMissing);
        WriteTrivia(writer, "leadingTrivia", text, token.LeadingTrivia);
        WriteTrivia(writer, "trailingTrivia", text, token.TrailingTrivia);
        writer.WriteEndObject();
    }

    private static void WriteTrivia(Utf8JsonWriter writer, string name, SourceText text, SyntaxTriviaList list)
    {
        writer.WriteStartArray(name);
        foreach (var trivia in list)
        {
            writer.WriteStartObject();
            WriteString(writer, "kind", trivia.Kind.ToString());
            WriteSpan(writer, "span", text, trivia.Span);
            WriteString(writer, "text", trivia.ToString());
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteSpan(Utf8JsonWriter writer, string name, SourceText text, TextSpan span)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        writer.WriteStartObject(name);
        writer.WriteNumber("start", span.Start);
        writer.WriteNumber("end", span.End);
        writer.WriteNumber("startLine", lines.Start.Line + 1);
        writer.WriteNumber("startColumn", lines.Start.Character + 1);
        writer.WriteNumber("endLine", lines.End.Line + 1);
        writer.WriteNumber("endColumn", lines.End.Character + 1);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(Sanitize(value));
        writer.WriteEndArray();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string value) => writer.WriteString(name, Sanitize(value));

    /// <summary>
    /// Bytes that were not UTF-8 live in the text as lone surrogates, which JSON parsers reject or mangle.
    /// U+FFFD is one UTF-16 unit too, so every offset in the output still lines up with the text.
    /// </summary>
    private static string Sanitize(string value)
    {
        var index = IndexOfLoneSurrogate(value, 0);
        if (index < 0) return value;
        var chars = value.ToCharArray();
        while (index >= 0)
        {
            chars[index] = '\uFFFD';
            index = IndexOfLoneSurrogate(value, index + 1);
        }
        return new string(chars);
    }

    private static int IndexOfLoneSurrogate(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}

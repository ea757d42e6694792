using System.Text.Json;
using Dflint.Analysis;

namespace Dflint.Reporting;

/// <summary>
/// The <c>--format json</c> output, schema version 1 (docs/JSON-OUTPUT.md). Written with a
/// <see cref="Utf8JsonWriter"/>: no reflection, so the field order is the schema's.
/// </summary>
public static class JsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(Stream output, IReadOnlyCollection<ReportedFile> files, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "dflint");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Result.Diagnostics) WriteDiagnostic(json, file, diagnostic);
        }
        json.WriteEndArray();
        // Only with --include-suppressed; a separate array, so readers of "diagnostics" see what counts and nothing else.
        if (files.Any(f => !f.Result.Suppressed.IsEmpty))
        {
            json.WriteStartArray("suppressed");
            foreach (var file in files)
            {
                foreach (var diagnostic in file.Result.Suppressed) WriteDiagnostic(json, file, diagnostic);
            }
            json.WriteEndArray();
        }
        var summary = LintSummary.Of(files);
        json.WriteStartObject("summary");
        json.WriteNumber("files", summary.Files);
        json.WriteNumber("filesWithFindings", summary.FilesWithFindings);
        json.WriteNumber("errors", summary.Errors);
        json.WriteNumber("warnings", summary.Warnings);
        json.WriteNumber("info", summary.Info);
        json.WriteNumber("style", summary.Style);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, ReportedFile file, LintDiagnostic diagnostic)
    {
        var lines = file.Result.Tree.Text.Lines;
        json.WriteStartObject();
        json.WriteString("file", file.DisplayPath);
        json.WriteString("code", diagnostic.Code);
        json.WriteString("name", diagnostic.Rule.Name);
        json.WriteString("severity", SeverityNames.Of(diagnostic.Severity));
        json.WriteString("message", diagnostic.Message);
        json.WriteString("helpUrl", diagnostic.Rule.HelpLink);
        json.WriteBoolean("fixable", diagnostic.Fix is not null);
        WritePosition(json, "start", lines, diagnostic.Span.Start);
        WritePosition(json, "end", lines, diagnostic.Span.End);
        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteString("suppressedBy", Redaction.Apply(suppression.Justification, suppression.Span.Start, file.Result.SensitiveSpans));
        }
        json.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter json, string name, TextLineCollection lines, int offset)
    {
        var position = lines.GetLinePosition(offset);
        json.WriteStartObject(name);
        json.WriteNumber("line", position.Line + 1);
        json.WriteNumber("column", position.Character + 1);
        json.WriteNumber("offset", offset);
        json.WriteEndObject();
    }
}

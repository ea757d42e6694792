using System.Text.Json;
using Dflint.Analysis;
using Dflint.Rules;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// Code Climate's issue format (its engine specification), as one JSON array: every field the specification
/// defines for an issue that dflint can fill, with exact positions.
/// </summary>
public sealed class CodeClimateFormat : ReportFormat
{
    public override string Name => "codeclimate";

    public override string Description => "Code Climate issues (JSON array) with exact positions";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options) =>
        CodeQuality.Write(output, files, options, full: true);
}

/// <summary>
/// GitLab's Code Quality report: the subset of Code Climate's issue that GitLab reads (description, check name,
/// fingerprint, severity, path and lines), for <c>artifacts:reports:codequality</c>.
/// </summary>
public sealed class GitLabFormat : ReportFormat
{
    public override string Name => "gitlab";

    public override string Description => "GitLab Code Quality report (artifacts:reports:codequality)";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options) =>
        CodeQuality.Write(output, files, options, full: false);
}

/// <summary>What the Code Climate and GitLab formats share.</summary>
internal static class CodeQuality
{
    public static void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options, bool full)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var paths = new RepositoryPaths(options.WorkingDirectory);
        using var json = new Utf8JsonWriter(output, ReportText.JsonOptions);
        json.WriteStartArray();
        foreach (var file in files)
        {
            var path = paths.ReportPath(file.DisplayPath);
            var diagnostics = file.Result.Diagnostics;
            var fingerprints = Fingerprints.Of(path, file.Result, diagnostics);
            for (var i = 0; i < diagnostics.Length; i++)
            {
                var diagnostic = diagnostics[i];
                var range = LineRange.Of(file.Result.Tree.Text, diagnostic.Span);
                json.WriteStartObject();
                if (full) json.WriteString("type", "issue");
                json.WriteString("check_name", diagnostic.Code);
                json.WriteString("description", ReportText.SingleLine(diagnostic.Message));
                if (full)
                {
                    json.WriteStartObject("content");
                    json.WriteString("body", $"[{diagnostic.Code} {diagnostic.Rule.Name}]({diagnostic.Rule.HelpLink}): {ReportText.Sentence(diagnostic.Rule.Title)}");
                    json.WriteEndObject();
                    json.WriteStartArray("categories");
                    foreach (var category in Categories(diagnostic)) json.WriteStringValue(category);
                    json.WriteEndArray();
                }
                json.WriteString("severity", Severity(diagnostic.Severity));
                json.WriteString("fingerprint", fingerprints[i]);
                json.WriteStartObject("location");
                json.WriteString("path", path);
                if (full)
                {
                    json.WriteStartObject("positions");
                    WritePosition(json, "begin", range.StartLine, range.StartColumn);
                    WritePosition(json, "end", range.EndLine, range.EndColumn);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteStartObject("lines");
                    json.WriteNumber("begin", range.StartLine);
                    json.WriteNumber("end", range.EndLine);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Code Climate's five levels; blocker is left for nothing dflint finds, which never stops a program running.</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "critical",
        DiagnosticSeverity.Warning => "major",
        DiagnosticSeverity.Info => "minor",
        _ => "info",
    };

    /// <summary>Code Climate's fixed category names, from the rule's category; style findings are also Style.</summary>
    public static IEnumerable<string> Categories(LintDiagnostic diagnostic)
    {
        var category = diagnostic.Rule.Category switch
        {
            RuleCategories.Security or RuleCategories.Users => "Security",
            RuleCategories.BestPractice => "Style",
            _ => "Bug Risk",
        };
        yield return category;
        if (diagnostic.Severity == DiagnosticSeverity.Hidden && category != "Style") yield return "Style";
    }

    private static void WritePosition(Utf8JsonWriter json, string name, int line, int column)
    {
        json.WriteStartObject(name);
        json.WriteNumber("line", line);
        json.WriteNumber("column", column);
        json.WriteEndObject();
    }
}

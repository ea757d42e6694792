using System.Text.Json;
using Dflint.Analysis;
using Dflint.Rules;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// SonarQube's generic issue import format (the one with a <c>rules</c> array, SonarQube 10.3 and later, and
/// SonarQube Cloud), for <c>sonar.externalIssuesReportPaths</c>. Sonar columns are 0-based, the end exclusive.
/// </summary>
public sealed class SonarQubeFormat : ReportFormat
{
    public const string EngineId = "dflint";

    public override string Name => "sonarqube";

    public override string Description => "SonarQube generic issue import (sonar.externalIssuesReportPaths)";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var paths = new RepositoryPaths(options.WorkingDirectory);
        // Sonar takes a rule's impact from the rules array only, so a rule gets the highest severity it is reported with.
        var rules = files.SelectMany(f => f.Result.Diagnostics)
            .GroupBy(d => d.Rule)
            .Select(g => (Rule: g.Key, Severity: g.Max(d => d.Severity)))
            .OrderBy(r => r.Rule.Code, StringComparer.Ordinal)
            .ToList();

        using var json = new Utf8JsonWriter(output, ReportText.JsonOptions);
        json.WriteStartObject();
        json.WriteStartArray("rules");
        foreach (var (rule, severity) in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Code);
            json.WriteString("name", $"{rule.Code} {rule.Name}: {rule.Title}");
            json.WriteString("description", $"{ReportText.Sentence(ReportText.Summary(rule) ?? rule.Title)} Documentation: {rule.HelpLink}");
            json.WriteString("engineId", EngineId);
            json.WriteString("cleanCodeAttribute", CleanCodeAttribute(rule));
            json.WriteString("type", Type(rule));
            json.WriteString("severity", LegacySeverity(severity));
            json.WriteStartArray("impacts");
            json.WriteStartObject();
            json.WriteString("softwareQuality", SoftwareQuality(rule));
            json.WriteString("severity", ImpactSeverity(severity));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("issues");
        foreach (var file in files)
        {
            var path = paths.ReportPath(file.DisplayPath);
            var lines = file.Result.Tree.Text.Lines;
            foreach (var diagnostic in file.Result.Diagnostics)
            {
                var start = lines.GetLinePosition(diagnostic.Span.Start);
                var end = lines.GetLinePosition(diagnostic.Span.End);
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Code);
                json.WriteStartObject("primaryLocation");
                json.WriteString("message", diagnostic.Message);
                json.WriteString("filePath", path);
                json.WriteStartObject("textRange");
                json.WriteNumber("startLine", start.Line + 1);
                json.WriteNumber("endLine", end.Line + 1);
                // Sonar rejects a range whose start is not before its end; an empty span marks its whole line instead.
                if (!diagnostic.Span.IsEmpty)
                {
                    json.WriteNumber("startColumn", start.Character);
                    json.WriteNumber("endColumn", end.Character);
                }
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// HIGH, MEDIUM, LOW: the impact severities every SonarQube since 10.3 accepts (INFO and BLOCKER came in 10.8),
    /// so style findings are LOW.
    /// </summary>
    public static string ImpactSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "HIGH",
        DiagnosticSeverity.Warning => "MEDIUM",
        _ => "LOW",
    };

    /// <summary>The severity SonarQube's standard experience shows (deprecated in the format, still read).</summary>
    public static string LegacySeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "CRITICAL",
        DiagnosticSeverity.Warning => "MAJOR",
        DiagnosticSeverity.Info => "MINOR",
        _ => "INFO",
    };

    public static string SoftwareQuality(RuleDescriptor rule) => rule.Category switch
    {
        RuleCategories.Security or RuleCategories.Users => "SECURITY",
        SyntaxDiagnostics.Category or EngineRules.Category or RuleCategories.BaseImages or RuleCategories.Packages => "RELIABILITY",
        _ => "MAINTAINABILITY",
    };

    public static string CleanCodeAttribute(RuleDescriptor rule) => rule.Category switch
    {
        RuleCategories.Security or RuleCategories.Users => "TRUSTWORTHY",
        SyntaxDiagnostics.Category => "FORMATTED",
        EngineRules.Category => "COMPLETE",
        _ => "CONVENTIONAL",
    };

    public static string Type(RuleDescriptor rule) => rule.Category switch
    {
        SyntaxDiagnostics.Category or EngineRules.Category => "BUG",
        _ => "CODE_SMELL",
    };
}

using System.Text.Json;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS), in the shape GitHub code scanning ingests: the full rule table, one result per finding with a
/// repository-relative location, snippets with secrets redacted, stable fingerprints, fixes, and suppressed findings
/// (when the run kept them) marked <c>inSource</c>. docs/OUTPUT-FORMATS.md describes every field.
/// </summary>
public sealed class SarifFormat : ReportFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string InformationUri = "https://github.com/dflint/dflint";

    /// <summary>The <c>uriBaseId</c> of every location in the repository.</summary>
    public const string SourceRoot = "%SRCROOT%";

    public override string Name => "sarif";

    public override string Description => "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var paths = new RepositoryPaths(options.WorkingDirectory);
        var rules = RuleTable(options.Rules, files);
        var ruleIndex = rules.Select((rule, index) => (rule, index)).ToDictionary(p => p.rule, p => p.index);

        using var json = new Utf8JsonWriter(output, ReportText.JsonOptions);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, options.ToolVersion, rules);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot);
        json.WriteString("uri", paths.RootUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var file in files)
        {
            var relative = paths.RelativePath(file.DisplayPath);
            var location = new ArtifactLocation(relative is null ? RepositoryPaths.FileUri(paths.FullPath(file.DisplayPath)) : RepositoryPaths.RelativeUri(relative), relative is not null);
            var reportPath = relative ?? paths.ReportPath(file.DisplayPath);
            foreach (var diagnostics in new[] { file.Result.Diagnostics, file.Result.Suppressed })
            {
                var fingerprints = Fingerprints.Of(reportPath, file.Result, diagnostics);
                for (var i = 0; i < diagnostics.Length; i++)
                {
                    WriteResult(json, file.Result, diagnostics[i], ruleIndex[diagnostics[i].Rule], location, fingerprints[i]);
                }
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Where a result points: a URI relative to <see cref="SourceRoot"/>, or absolute for a file outside the repository.</summary>
    private sealed record ArtifactLocation(string Uri, bool InRepository);

    /// <summary>Every rule dflint has, then any rule a finding names that the table lacks (a test's own rule), so every result has its index.</summary>
    private static List<RuleDescriptor> RuleTable(ImmutableArray<RuleDescriptor> known, IReadOnlyList<ReportedFile> files)
    {
        var rules = known.IsDefault ? [] : known.ToList();
        var present = new HashSet<RuleDescriptor>(rules);
        foreach (var diagnostic in files.SelectMany(f => f.Result.Diagnostics.Concat(f.Result.Suppressed)))
        {
            if (present.Add(diagnostic.Rule)) rules.Add(diagnostic.Rule);
        }
        return rules;
    }

    private static void WriteTool(Utf8JsonWriter json, string version, List<RuleDescriptor> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "dflint");
        json.WriteString("version", version);
        json.WriteString("semanticVersion", version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        var summary = ReportText.Summary(rule);
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", ReportText.PascalCase(rule.Name));
        WriteText(json, "shortDescription", ReportText.Sentence(rule.Title));
        WriteText(json, "fullDescription", ReportText.Sentence(summary ?? rule.Title));
        json.WriteStartObject("help");
        json.WriteString("text", ReportText.Sentence(rule.Title) + (summary is null ? "" : " " + ReportText.Sentence(summary)) + " Documentation: " + rule.HelpLink);
        json.WriteString("markdown", RuleDocumentation.Get(rule) ?? $"{ReportText.Sentence(rule.Title)} See [the documentation]({rule.HelpLink}).");
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", ReportText.ErrorWarningNote(rule.DefaultSeverity));
        if (!rule.IsEnabledByDefault) json.WriteBoolean("enabled", false);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category);
        foreach (var alias in rule.Aliases) json.WriteStringValue(alias);
        json.WriteEndArray();
        json.WriteString("dflintName", rule.Name);
        json.WriteString("dflintSeverity", SeverityNames.Of(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, LintResult result, LintDiagnostic diagnostic, int ruleIndex, ArtifactLocation location, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", ReportText.ErrorWarningNote(diagnostic.Severity));
        WriteText(json, "message", ReportText.Sentence(diagnostic.Message));
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, location);
        WriteRegion(json, "region", result.Tree.Text, diagnostic.Span, ReportText.Redacted(result, diagnostic.Span));
        var (lines, linesText) = ReportText.Lines(result, diagnostic.Span);
        // SARIF wants the context strictly larger than the region; a finding on whole lines has none.
        if (lines != diagnostic.Span) WriteRegion(json, "contextRegion", result.Tree.Text, lines, linesText);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprints.Version, fingerprint);
        json.WriteEndObject();
        if (diagnostic.Fix is { } fix && !RevealsSecret(result, fix))
        {
            json.WriteStartArray("fixes");
            WriteFix(json, result.Tree.Text, fix, location);
            json.WriteEndArray();
        }
        if (diagnostic.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteString("status", "accepted");
            json.WriteString("justification", Redaction.Apply(suppression.Justification, suppression.Span.Start, result.SensitiveSpans));
            json.WriteStartObject("location");
            json.WriteStartObject("physicalLocation");
            WriteArtifactLocation(json, location);
            WriteRegion(json, "region", result.Tree.Text, suppression.Span, snippet: null);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteStartObject("properties");
        json.WriteString("dflintSeverity", SeverityNames.Of(diagnostic.Severity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A fix whose new text contains a secret of the file would print it; such a fix is left out rather than shown redacted and broken.</summary>
    private static bool RevealsSecret(LintResult result, CodeFix fix) =>
        result.SensitiveSpans.Any(secret => secret.Length > 0 && fix.Edits.Any(edit => edit.NewText?.Contains(result.Tree.Text.ToString(secret), StringComparison.Ordinal) == true));

    private static void WriteFix(Utf8JsonWriter json, SourceText text, CodeFix fix, ArtifactLocation location)
    {
        json.WriteStartObject();
        WriteText(json, "description", ReportText.Sentence(fix.Title));
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, location);
        json.WriteStartArray("replacements");
        foreach (var edit in fix.Edits.OrderBy(e => e.Span.Start))
        {
            json.WriteStartObject();
            WriteRegion(json, "deletedRegion", text, edit.Span, snippet: null);
            json.WriteStartObject("insertedContent");
            json.WriteString("text", edit.NewText ?? "");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("applicability", fix.Applicability.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, ArtifactLocation location)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", location.Uri);
        if (location.InRepository) json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, string name, SourceText text, TextSpan span, string? snippet)
    {
        var range = LineRange.Of(text, span);
        json.WriteStartObject(name);
        json.WriteNumber("startLine", range.StartLine);
        json.WriteNumber("startColumn", range.StartColumn);
        json.WriteNumber("endLine", range.EndLine);
        json.WriteNumber("endColumn", range.EndColumn);
        if (snippet is not null)
        {
            json.WriteStartObject("snippet");
            json.WriteString("text", snippet);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}

using System.Text;
using Dflint.Analysis;

namespace Dflint.Reporting;

/// <summary>What every report writer gets besides the findings.</summary>
/// <param name="ToolVersion">dflint's version, for formats that name the tool.</param>
/// <param name="Color">Whether ANSI colours may be used (text formats on a terminal).</param>
/// <param name="WorkingDirectory">The folder paths are relative to, for formats that need absolute paths or URIs.</param>
/// <param name="Rules">Every rule, for formats that describe the rules (SARIF).</param>
public sealed record ReportOptions(string ToolVersion, bool Color, string WorkingDirectory, ImmutableArray<RuleDescriptor> Rules);

/// <summary>
/// One <c>--format</c>: writes the findings of a whole run. Writers must show secrets only redacted
/// (<see cref="LintResult.SensitiveSpans"/>, <see cref="Redaction"/>) wherever they copy source text.
/// </summary>
public abstract class ReportFormat
{
    /// <summary>The name given to <c>--format</c>.</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Whether the summary line follows the findings (text formats); structured formats stand alone.</summary>
    public virtual bool PrintsSummary => false;

    public abstract void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options);

    private protected static void WriteUtf8(Stream output, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        output.Write(bytes);
    }
}

/// <summary>The formats <c>--format</c> accepts.</summary>
public static class ReportFormats
{
    public static ImmutableArray<ReportFormat> All { get; } =
    [
        new TextFormat(),
        new ConciseFormat(),
        new JsonFormat(),
        new SarifFormat(),
        new CheckstyleFormat(),
        new CodeClimateFormat(),
        new GitLabFormat(),
        new GnuFormat(),
        new GitHubFormat(),
        new SonarQubeFormat(),
    ];

    public static ReportFormat? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>rustc/ruff style: position, severity and code, message, the source line with the span underlined.</summary>
public sealed class TextFormat : ReportFormat
{
    public override string Name => "text";

    public override string Description => "each finding with its source line and the span underlined (default)";

    public override bool PrintsSummary => true;

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Result.Diagnostics)
            {
                SourceSnippet.Write(builder, file.DisplayPath, file.Result.Tree.Text, diagnostic, options.Color, file.Result.SensitiveSpans);
                builder.Append('\n');
            }
        }
        WriteUtf8(output, builder.ToString());
    }
}

/// <summary>One line per finding: <c>path:line:col: severity: message [CODE]</c>.</summary>
public sealed class ConciseFormat : ReportFormat
{
    public override string Name => "concise";

    public override string Description => "one line per finding";

    public override bool PrintsSummary => true;

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            var lines = file.Result.Tree.Text.Lines;
            foreach (var diagnostic in file.Result.Diagnostics)
            {
                var start = lines.GetLinePosition(diagnostic.Span.Start);
                var severity = SeverityNames.Of(diagnostic.Severity);
                if (options.Color) severity = "\u001b[1m" + SourceSnippet.SeverityColor(diagnostic.Severity) + severity + "\u001b[0m";
                builder.Append($"{file.DisplayPath}:{start.Line + 1}:{start.Character + 1}: {severity}: {diagnostic.Message} [{diagnostic.Code}]\n");
            }
        }
        WriteUtf8(output, builder.ToString());
    }
}

/// <summary>The documented JSON schema (docs/JSON-OUTPUT.md).</summary>
public sealed class JsonFormat : ReportFormat
{
    public override string Name => "json";

    public override string Description => "one JSON document (docs/JSON-OUTPUT.md)";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        JsonReport.Write(output, [.. files], options.ToolVersion);
    }
}

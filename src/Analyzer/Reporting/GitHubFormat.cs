using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request:
/// <c>::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE name::message</c>, the path relative to the
/// repository root, escaped as the Actions runner unescapes.
/// </summary>
public sealed class GitHubFormat : ReportFormat
{
    public override string Name => "github";

    public override string Description => "GitHub Actions annotations (workflow commands)";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var paths = new RepositoryPaths(options.WorkingDirectory);
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            var path = EscapeProperty(paths.ReportPath(file.DisplayPath));
            foreach (var diagnostic in file.Result.Diagnostics)
            {
                var range = LineRange.Of(file.Result.Tree.Text, diagnostic.Span);
                builder.Append("::").Append(Command(diagnostic.Severity))
                    .Append(" file=").Append(path)
                    .Append(CultureInfo.InvariantCulture, $",line={range.StartLine},col={range.StartColumn},endLine={range.EndLine}");
                // GitHub reads a column range only within one line.
                if (range.EndLine == range.StartLine) builder.Append(CultureInfo.InvariantCulture, $",endColumn={range.EndColumn}");
                builder.Append(",title=").Append(EscapeProperty($"{diagnostic.Code} {diagnostic.Rule.Name}"))
                    .Append("::").Append(EscapeData(diagnostic.Message)).Append('\n');
            }
        }
        WriteUtf8(output, builder.ToString());
    }

    /// <summary>error, warning, and notice for info and style.</summary>
    public static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>The message after <c>::</c>: the runner turns <c>%25</c>, <c>%0D</c> and <c>%0A</c> back into <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>A property value: as data, and also <c>:</c> and <c>,</c>, which end a value.</summary>
    public static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}

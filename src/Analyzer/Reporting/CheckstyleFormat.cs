using System.Text;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace Dflint.Reporting;

/// <summary>
/// Checkstyle's XML report (the <c>version="4.3"</c> shape that Jenkins, reviewdog and most CI tools read): one
/// <c>&lt;file&gt;</c> per linted file, one <c>&lt;error&gt;</c> per finding.
/// </summary>
public sealed class CheckstyleFormat : ReportFormat
{
    public const string Version = "4.3";

    public override string Name => "checkstyle";

    public override string Description => "Checkstyle XML, for Jenkins, reviewdog and other checkstyle readers";

    public override void Write(Stream output, IReadOnlyList<ReportedFile> files, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(files);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false, NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", Version);
            foreach (var file in files)
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", XmlSafe(file.DisplayPath));
                foreach (var diagnostic in file.Result.Diagnostics)
                {
                    var range = LineRange.Of(file.Result.Tree.Text, diagnostic.Span);
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", range.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("column", range.StartColumn.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("severity", Severity(diagnostic.Severity));
                    xml.WriteAttributeString("message", XmlSafe(diagnostic.Message));
                    xml.WriteAttributeString("source", "dflint." + diagnostic.Code);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>Checkstyle's levels: error, warning, info (and ignore, which dflint never reports).</summary>
    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>
    /// XML 1.0 cannot carry most control characters or a lone surrogate (how dflint holds a byte that is not UTF-8),
    /// not even as character references; they become U+FFFD.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var valid = pair || XmlConvert.IsXmlChar(c);
            if (valid && builder is null)
            {
                if (pair) i++;
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (!valid)
            {
                builder.Append('\uFFFD');
                continue;
            }
            builder.Append(c);
            if (pair) builder.Append(text[++i]);
        }
        return builder?.ToString() ?? text;
    }
}

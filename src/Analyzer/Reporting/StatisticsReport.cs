using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dflint.Reporting;

/// <summary><c>--statistics</c>: how many findings each rule raised, most first, instead of the findings themselves.</summary>
public static class StatisticsReport
{
    public sealed record RuleCount(string Code, string Name, string Severity, int Count);

    public static ImmutableArray<RuleCount> Count(IReadOnlyCollection<ReportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return
        [
            .. files.SelectMany(f => f.Result.Diagnostics)
                .GroupBy(d => d.Rule)
                .Select(g => new RuleCount(g.Key.Code, g.Key.Name, SeverityNames.Of(g.Max(d => d.Severity)), g.Count()))
                .OrderByDescending(c => c.Count)
                .ThenBy(c => c.Code, StringComparer.Ordinal),
        ];
    }

    public static void WriteText(Stream output, IReadOnlyCollection<ReportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(output);
        var counts = Count(files);
        var builder = new StringBuilder();
        var width = counts.IsEmpty ? 1 : counts.Max(c => c.Count.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var count in counts)
        {
            builder.Append(count.Count.ToString(CultureInfo.InvariantCulture).PadLeft(width))
                .Append("  ").Append(count.Code).Append("  ").Append(count.Severity.PadRight(7)).Append("  ").Append(count.Name).Append('\n');
        }
        output.Write(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    public static void WriteJson(Stream output, IReadOnlyCollection<ReportedFile> files)
    {
        ArgumentNullException.ThrowIfNull(output);
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var count in Count(files))
            {
                json.WriteStartObject();
                json.WriteString("code", count.Code);
                json.WriteString("name", count.Name);
                json.WriteString("severity", count.Severity);
                json.WriteNumber("count", count.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        output.WriteByte((byte)'\n');
    }
}

using System.Text.Json;
using Dflint.Analysis;

namespace Dflint.Cli;

/// <summary><c>dflint rules</c> and <c>dflint explain</c>.</summary>
internal static class RulesCommand
{
    public static int List(CliConsole console, bool json)
    {
        var rules = RuleRegistry.Default.Rules;
        if (json)
        {
            console.Output.Flush();
            using (var writer = new Utf8JsonWriter(console.RawOutput, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartArray();
                foreach (var rule in rules)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", rule.Code);
                    writer.WriteString("name", rule.Name);
                    writer.WriteString("title", rule.Title);
                    writer.WriteString("category", rule.Category);
                    writer.WriteString("severity", SeverityNames.Of(rule.DefaultSeverity));
                    writer.WriteBoolean("enabledByDefault", rule.IsEnabledByDefault);
                    writer.WriteBoolean("fixable", rule.Fix != FixAvailability.None);
                    writer.WriteStartArray("aliases");
                    foreach (var alias in rule.Aliases) writer.WriteStringValue(alias);
                    writer.WriteEndArray();
                    writer.WriteString("helpUrl", rule.HelpLink);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            console.RawOutput.WriteByte((byte)'\n');
            return ExitCodes.Success;
        }

        var codeWidth = rules.Max(r => r.Code.Length);
        var nameWidth = rules.Max(r => r.Name.Length);
        console.Output.WriteLine($"{"CODE".PadRight(codeWidth)}  {"NAME".PadRight(nameWidth)}  {"SEVERITY",-8}  FIX  TITLE");
        foreach (var rule in rules)
        {
            var severity = SeverityNames.Of(rule.DefaultSeverity) + (rule.IsEnabledByDefault ? "" : "*");
            var fix = rule.Fix != FixAvailability.None ? "yes" : "-";
            console.Output.WriteLine($"{rule.Code.PadRight(codeWidth)}  {rule.Name.PadRight(nameWidth)}  {severity,-8}  {fix,-3}  {rule.Title}");
        }
        console.Output.WriteLine($"{rules.Length} rules. * = off unless selected (--select, --extend-select, or extend-select in .dflint.yaml).");
        return ExitCodes.Success;
    }

    public static int Explain(CliConsole console, string codeOrName)
    {
        var rule = RuleRegistry.Default.Find(codeOrName);
        if (rule is null)
        {
            console.Error($"no rule is called '{codeOrName}' (see 'dflint rules')");
            return ExitCodes.UsageOrIoError;
        }
        var page = RuleDocumentation.Get(rule);
        if (page is null)
        {
            console.Output.WriteLine($"# {rule.Code} {rule.Name}");
            console.Output.WriteLine();
            console.Output.WriteLine($"{rule.Title}. Default severity: {SeverityNames.Of(rule.DefaultSeverity)}.");
            console.Output.WriteLine();
            console.Output.WriteLine($"See {rule.HelpLink}");
            return ExitCodes.Success;
        }
        console.Output.Write(page.ReplaceLineEndings("\n"));
        if (!page.EndsWith('\n')) console.Output.WriteLine();
        return ExitCodes.Success;
    }
}

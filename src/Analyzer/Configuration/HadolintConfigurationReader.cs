using Microsoft.CodeAnalysis;

namespace Dflint.Configuration;

/// <summary>
/// hadolint's <c>.hadolint.yaml</c>. hadolint ignores keys it does not know and fails on values of the wrong type;
/// dflint does the same but says which keys it passes over, as <see cref="LintConfiguration.Warnings"/>.
/// </summary>
internal static class HadolintConfigurationReader
{
    public static LintConfiguration Read(YamlMapping root, LintConfiguration configuration)
    {
        var warnings = ImmutableArray.CreateBuilder<ConfigurationWarning>();
        foreach (var (key, value) in root.Entries)
        {
            // hadolint reads a null value as an absent key.
            if (value is YamlScalar { IsNull: true }) continue;
            var name = key.Text;
            switch (name)
            {
                case "ignored":
                    configuration = configuration with { Ignore = ConfigValues.Codes(name, value) };
                    break;
                // Releases spell it trustedRegistries; newer sources read trusted-registries.
                case "trustedRegistries" or "trusted-registries":
                    configuration = configuration with { TrustedRegistries = ConfigValues.Strings(name, value) };
                    break;
                case "override":
                    configuration = configuration with { SeverityOverrides = Overrides(name, value, warnings) };
                    break;
                case "failure-threshold":
                    configuration = FailureThreshold(configuration, name, value);
                    break;
                case "no-fail":
                    configuration = configuration with { NoFail = ConfigValues.Boolean(name, value) };
                    break;
                case "label-schema":
                    configuration = configuration with { LabelSchema = ConfigValues.LabelSchema(name, value) };
                    break;
                case "strict-labels":
                    configuration = configuration with { StrictLabels = ConfigValues.Boolean(name, value) };
                    break;
                case "format" or "output-format" or "no-color" or "verbose" or "disable-ignore-pragma":
                    warnings.Add(new ConfigurationWarning($"dflint ignores hadolint's '{name}' setting", key.Location));
                    break;
                default:
                    warnings.Add(new ConfigurationWarning($"unknown hadolint key '{name}' is ignored", key.Location));
                    break;
            }
        }
        return configuration with { Warnings = warnings.ToImmutable() };
    }

    private static ImmutableArray<SeverityOverride> Overrides(string name, YamlValue value, ImmutableArray<ConfigurationWarning>.Builder warnings)
    {
        var lists = new Dictionary<DiagnosticSeverity, ImmutableArray<ConfiguredCode>>();
        foreach (var (key, codes) in ConfigValues.Mapping(name, value).Entries)
        {
            // hadolint matches these four keys exactly and ignores any other.
            if (key.Text is not ("error" or "warning" or "info" or "style"))
            {
                warnings.Add(new ConfigurationWarning($"unknown key '{name}.{key.Text}' is ignored; hadolint reads error, warning, info and style", key.Location));
                continue;
            }
            if (codes is YamlScalar { IsNull: true }) continue;
            lists[ConfigValues.ParseSeverity(key.Text)!.Value] = ConfigValues.Codes($"{name}.{key.Text}", codes);
        }
        // hadolint applies the style list first and the error list last, so the most severe list naming a code wins.
        var overrides = ImmutableArray.CreateBuilder<SeverityOverride>();
        foreach (var severity in (ReadOnlySpan<DiagnosticSeverity>)[DiagnosticSeverity.Hidden, DiagnosticSeverity.Info, DiagnosticSeverity.Warning, DiagnosticSeverity.Error])
        {
            if (!lists.TryGetValue(severity, out var codes)) continue;
            foreach (var code in codes) overrides.Add(new SeverityOverride(code, severity));
        }
        return overrides.ToImmutable();
    }

    private static LintConfiguration FailureThreshold(LintConfiguration configuration, string name, YamlValue value)
    {
        var word = ConfigValues.Text(name, value, "a severity");
        if (word.ToLowerInvariant() is "none" or "ignore")
        {
            return configuration with { FailureThreshold = null, FailureThresholdIsNone = true };
        }
        var severity = ConfigValues.ParseSeverity(word)
            ?? throw new ConfigurationException(value.Location, $"unknown failure threshold '{word}'; expected {ConfigValues.SeverityWords}, ignore or none");
        return configuration with { FailureThreshold = severity, FailureThresholdIsNone = false };
    }
}

using Microsoft.CodeAnalysis;

namespace Dflint.Configuration;

/// <summary>
/// The <c>.dflint.yaml</c> schema. Strict in ruff's spirit: an unknown key or a value of the wrong type is an
/// error, so a typo never silently turns a setting off.
/// </summary>
internal static class DflintConfigurationReader
{
    private const string KnownKeys =
        "select, extend-select, ignore, severity, trusted-registries, failure-threshold, no-fail, statistics, quiet, label-schema, strict-labels, rules, context";

    public static LintConfiguration Read(YamlMapping root, LintConfiguration configuration)
    {
        foreach (var (key, value) in root.Entries)
        {
            // A null value is an unset key: a list whose items are all commented out reads as null.
            if (value is YamlScalar { IsNull: true }) continue;
            var name = key.Text;
            configuration = name switch
            {
                "select" => configuration with { Select = ConfigValues.Codes(name, value) },
                "extend-select" => configuration with { ExtendSelect = ConfigValues.Codes(name, value) },
                "ignore" => configuration with { Ignore = ConfigValues.Codes(name, value) },
                "severity" => configuration with { SeverityOverrides = SeverityOverrides(name, value) },
                "trusted-registries" => configuration with { TrustedRegistries = ConfigValues.Strings(name, value) },
                "failure-threshold" => FailureThreshold(configuration, name, value),
                "no-fail" => configuration with { NoFail = ConfigValues.Boolean(name, value) },
                "statistics" => configuration with { Statistics = ConfigValues.Boolean(name, value) },
                "quiet" => configuration with { Quiet = ConfigValues.Boolean(name, value) },
                "label-schema" => configuration with { LabelSchema = ConfigValues.LabelSchema(name, value) },
                "strict-labels" => configuration with { StrictLabels = ConfigValues.Boolean(name, value) },
                "rules" => configuration with { RuleOptions = Rules(name, value) },
                "context" => configuration with { Context = ContextFolder(configuration.Path, ConfigValues.Text(name, value, "a folder path")) },
                _ => throw new ConfigurationException(key.Location, UnknownKey(name)),
            };
        }
        return configuration;
    }

    private static string UnknownKey(string name)
    {
        var hint = name switch
        {
            "ignored" => " (hadolint's name; here it is 'ignore')",
            "trustedRegistries" => " (hadolint's name; here it is 'trusted-registries')",
            "override" => " (hadolint's name; here it is 'severity', a mapping from rule to severity)",
            _ => "",
        };
        return $"unknown key '{name}'{hint}; expected one of {KnownKeys}";
    }

    private static ImmutableArray<SeverityOverride> SeverityOverrides(string name, YamlValue value)
    {
        var overrides = ImmutableArray.CreateBuilder<SeverityOverride>();
        foreach (var (code, severity) in ConfigValues.Mapping(name, value).Entries)
        {
            if (code.Text.Length == 0) throw new ConfigurationException(code.Location, $"'{name}' holds an empty rule code");
            var word = ConfigValues.Text($"{name}.{code.Text}", severity, "a severity");
            DiagnosticSeverity? parsed = word.ToLowerInvariant() is "off" or "none"
                ? null
                : ConfigValues.ParseSeverity(word)
                    ?? throw new ConfigurationException(severity.Location,
                        $"unknown severity '{word}' for '{code.Text}'; expected {ConfigValues.SeverityWords}, or off");
            overrides.Add(new SeverityOverride(new ConfiguredCode(code.Text, code.Location), parsed));
        }
        return overrides.ToImmutable();
    }

    private static LintConfiguration FailureThreshold(LintConfiguration configuration, string name, YamlValue value)
    {
        var word = ConfigValues.Text(name, value, "a severity");
        if (word.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return configuration with { FailureThreshold = null, FailureThresholdIsNone = true };
        }
        var severity = ConfigValues.ParseSeverity(word)
            ?? throw new ConfigurationException(value.Location, $"unknown failure threshold '{word}'; expected {ConfigValues.SeverityWords}, or none");
        return configuration with { FailureThreshold = severity, FailureThresholdIsNone = false };
    }

    // Relative to the configuration file's folder, like every path a configuration file holds.
    private static string ContextFolder(string? configurationPath, string folder) =>
        Path.GetFullPath(folder, Path.GetDirectoryName(configurationPath) is { Length: > 0 } directory ? directory : Directory.GetCurrentDirectory());

    private static ImmutableDictionary<string, RuleOptions> Rules(string name, YamlValue value)
    {
        var rules = ImmutableDictionary.CreateBuilder<string, RuleOptions>(StringComparer.Ordinal);
        foreach (var (rule, options) in ConfigValues.Mapping(name, value).Entries)
        {
            var mapping = options is YamlScalar { IsNull: true } ? null : ConfigValues.Mapping($"{name}.{rule.Text}", options);
            rules[rule.Text] = new RuleOptions(rule, mapping);
        }
        return rules.ToImmutable();
    }
}

using Microsoft.CodeAnalysis;

namespace Dflint.Configuration;

/// <summary>Typed reads of YAML values shared by both file formats; every mismatch throws with the value's position.</summary>
internal static class ConfigValues
{
    public const string SeverityWords = "error, warning, info or style";

    public static ConfigurationException TypeError(string name, YamlValue value, string expected) =>
        new(value.Location, $"'{name}' must be {expected}, found {value.Description}");

    public static YamlMapping Mapping(string name, YamlValue value) =>
        value as YamlMapping ?? throw TypeError(name, value, "a mapping");

    public static ImmutableArray<ConfiguredCode> Codes(string name, YamlValue value)
    {
        var items = Sequence(name, value, "a list of rule codes");
        var codes = ImmutableArray.CreateBuilder<ConfiguredCode>(items.Length);
        foreach (var item in items)
        {
            var text = Text(name, item, "a list of rule codes");
            if (text.Length == 0) throw new ConfigurationException(item.Location, $"'{name}' holds an empty rule code");
            codes.Add(new ConfiguredCode(text, item.Location));
        }
        return codes.MoveToImmutable();
    }

    public static ImmutableArray<string> Strings(string name, YamlValue value)
    {
        var items = Sequence(name, value, "a list of strings");
        var strings = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (var item in items) strings.Add(Text(name, item, "a list of strings"));
        return strings.MoveToImmutable();
    }

    public static bool Boolean(string name, YamlValue value) =>
        (value as YamlScalar)?.AsBoolean ?? throw TypeError(name, value, "true or false");

    /// <summary>Any scalar but null is a string: YAML users write <c>version: 1.0</c> and mean text.</summary>
    public static string Text(string name, YamlValue value, string expected = "a string") =>
        value is YamlScalar { IsNull: false } scalar ? scalar.Text : throw TypeError(name, value, expected);

    /// <summary><c>error</c>, <c>warning</c>, <c>info</c> or <c>style</c> in any case; style is Roslyn's Hidden.</summary>
    public static DiagnosticSeverity? ParseSeverity(string word) => word.ToLowerInvariant() switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        "style" => DiagnosticSeverity.Hidden,
        _ => null,
    };

    public static ImmutableDictionary<string, LabelType> LabelSchema(string name, YamlValue value)
    {
        var schema = ImmutableDictionary.CreateBuilder<string, LabelType>(StringComparer.Ordinal);
        foreach (var (key, type) in Mapping(name, value).Entries)
        {
            var word = Text($"{name}.{key.Text}", type, "a label type");
            schema[key.Text] = word.ToLowerInvariant() switch
            {
                "text" => LabelType.Text,
                "url" => LabelType.Url,
                "semver" => LabelType.Semver,
                "hash" => LabelType.Hash,
                "rfc3339" => LabelType.Rfc3339,
                "spdx" => LabelType.Spdx,
                "email" => LabelType.Email,
                _ => throw new ConfigurationException(type.Location,
                    $"unknown label type '{word}' for '{key.Text}'; expected text, url, semver, hash, rfc3339, spdx or email"),
            };
        }
        return schema.ToImmutable();
    }

    private static ImmutableArray<YamlValue> Sequence(string name, YamlValue value, string expected) =>
        value is YamlSequence sequence ? sequence.Items : throw TypeError(name, value, expected);
}

namespace Dflint.Configuration;

/// <summary>
/// The options one rule is given under <c>rules:</c> in <c>.dflint.yaml</c>. The rule reads them with the typed
/// getters, which return null for an option that is absent or set to null and throw a
/// <see cref="ConfigurationException"/> at the option's value when it has the wrong type.
/// </summary>
public sealed class RuleOptions
{
    private readonly ImmutableDictionary<string, YamlEntry> _options;

    internal RuleOptions(YamlScalar rule, YamlMapping? options)
    {
        Rule = rule.Text;
        Location = rule.Location;
        var entries = options?.Entries ?? [];
        Names = [.. entries.Select(e => e.Key.Text)];
        _options = entries.ToImmutableDictionary(e => e.Key.Text, StringComparer.Ordinal);
    }

    /// <summary>The rule's code or kebab-case name as written; the engine resolves it.</summary>
    public string Rule { get; }

    /// <summary>Where the rule's key is, for reporting an unknown rule.</summary>
    public ConfigLocation Location { get; }

    /// <summary>The option names in file order, so a rule can report the ones it does not know.</summary>
    public ImmutableArray<string> Names { get; }

    public bool Contains(string name) => _options.ContainsKey(name);

    /// <summary>Where the option's name is written, or null when it is absent.</summary>
    public ConfigLocation? LocationOf(string name) => _options.TryGetValue(name, out var entry) ? entry.Key.Location : null;

    /// <summary>An error at the option's value, for a value of the right type that the rule still cannot use.</summary>
    public ConfigurationException Error(string name, string problem) =>
        new(_options.TryGetValue(name, out var entry) ? entry.Value.Location : Location, problem);

    public string? GetString(string name) =>
        Value(name) is { } value ? ConfigValues.Text(QualifiedName(name), value) : null;

    public bool? GetBool(string name) =>
        Value(name) is { } value ? ConfigValues.Boolean(QualifiedName(name), value) : null;

    public int? GetInt(string name) =>
        Value(name) is { } value
            ? (value as YamlScalar)?.AsInteger ?? throw ConfigValues.TypeError(QualifiedName(name), value, "a whole number")
            : null;

    public ImmutableArray<string>? GetStringList(string name) =>
        Value(name) is { } value ? ConfigValues.Strings(QualifiedName(name), value) : null;

    private YamlValue? Value(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _options.TryGetValue(name, out var entry) && entry.Value is not YamlScalar { IsNull: true } ? entry.Value : null;
    }

    private string QualifiedName(string name) => $"rules.{Rule}.{name}";
}

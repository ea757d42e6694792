using Microsoft.CodeAnalysis;

namespace Dflint.Analysis;

/// <summary>
/// Which rules run and at what severity, from configuration and command-line flags, resolved once per
/// configuration. Order of application, as in ruff: <c>select</c> replaces the default set (the rules
/// enabled by default), <c>extend-select</c> adds to it, <c>ignore</c> removes from it. Syntax diagnostics are
/// always selected unless ignored by name.
/// </summary>
public sealed class RuleSelection
{
    private readonly HashSet<RuleDescriptor> _enabled;
    private readonly Dictionary<RuleDescriptor, DiagnosticSeverity> _severities;

    private RuleSelection(RuleRegistry registry, HashSet<RuleDescriptor> enabled, Dictionary<RuleDescriptor, DiagnosticSeverity> severities, ImmutableArray<string> unknown)
    {
        Registry = registry;
        _enabled = enabled;
        _severities = severities;
        UnknownSelectors = unknown;
    }

    public RuleRegistry Registry { get; }

    /// <summary>Selectors (in select, extend-select, ignore or severity) that name no rule, as written.</summary>
    public ImmutableArray<string> UnknownSelectors { get; }

    public static RuleSelection Default(RuleRegistry registry) => Create(registry, new SelectionSettings());

    public static RuleSelection Create(RuleRegistry registry, SelectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        var unknown = new List<string>();
        IEnumerable<RuleDescriptor> Resolve(IEnumerable<string> selectors) => selectors.SelectMany(s =>
        {
            var rules = registry.Resolve(s);
            if (rules.IsEmpty) unknown.Add(s);
            return rules;
        });

        var enabled = settings.Select.IsDefault
            ? registry.Rules.Where(r => r.IsEnabledByDefault).ToHashSet()
            : [.. Resolve(settings.Select), .. registry.Rules.Where(r => r.Category == Syntax.SyntaxDiagnostics.Category || r.Category == EngineRules.Category)];
        foreach (var rule in Resolve(settings.ExtendSelect.IsDefault ? [] : settings.ExtendSelect)) enabled.Add(rule);
        foreach (var rule in Resolve(settings.Ignore.IsDefault ? [] : settings.Ignore)) enabled.Remove(rule);

        var severities = new Dictionary<RuleDescriptor, DiagnosticSeverity>();
        foreach (var (selector, severity) in settings.Severities)
        {
            foreach (var rule in Resolve([selector]))
            {
                if (severity is { } level) severities[rule] = level;
                else enabled.Remove(rule);
            }
        }
        return new RuleSelection(registry, enabled, severities, [.. unknown.Distinct(StringComparer.Ordinal)]);
    }

    public bool IsEnabled(RuleDescriptor rule) => _enabled.Contains(rule);

    public DiagnosticSeverity SeverityOf(RuleDescriptor rule) => _severities.TryGetValue(rule, out var severity) ? severity : rule.DefaultSeverity;
}

/// <summary>The selectors (codes, names, aliases, prefixes or ALL) that shape a <see cref="RuleSelection"/>.</summary>
public sealed record SelectionSettings
{
    /// <summary>Default (not set) keeps the rules enabled by default.</summary>
    public ImmutableArray<string> Select { get; init; }

    public ImmutableArray<string> ExtendSelect { get; init; } = [];

    public ImmutableArray<string> Ignore { get; init; } = [];

    /// <summary>Severity per selector, in order; null turns the rules off.</summary>
    public ImmutableArray<SeveritySetting> Severities { get; init; } = [];
}

/// <summary>A severity for the rules a selector names; null turns them off.</summary>
public sealed record SeveritySetting(string Selector, DiagnosticSeverity? Severity);

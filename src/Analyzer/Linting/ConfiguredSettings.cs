using System.Collections.Concurrent;
using Dflint.Analysis;
using Dflint.Configuration;
using Dflint.Reporting;

namespace Dflint.Linting;

/// <summary>Rule selectors given on the command line; they apply on top of any configuration file.</summary>
public sealed record SelectionFlags(ImmutableArray<string> Select, ImmutableArray<string> ExtendSelect, ImmutableArray<string> Ignore)
{
    public static readonly SelectionFlags None = new(default, [], []);

    public ImmutableArray<string> UnknownSelectors(RuleRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var all = (Select.IsDefault ? [] : Select).Concat(ExtendSelect).Concat(Ignore);
        return [.. all.Where(s => registry.Resolve(s).IsEmpty).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>The settings for one file, the threshold its configuration sets, and warnings about that configuration not yet shown.</summary>
public sealed record ResolvedSettings(LintSettings Settings, FailureThreshold? Threshold, ImmutableArray<string> NewWarnings)
{
    /// <summary>The build context folder the configuration names (<c>context:</c>, a full path); null when it does not.</summary>
    public string? ContextFolder { get; init; }
}

/// <summary>
/// Finds the configuration for each linted file (<c>.dflint.yaml</c>, else <c>.hadolint.yaml</c>, from the file's
/// folder upwards), turns it into settings once per configuration file, and layers the command-line
/// selectors on top. Unknown rule codes in a <c>.dflint.yaml</c> are errors; in a <c>.hadolint.yaml</c>, whose
/// codes may belong to hadolint rules dflint does not have, they are warnings.
/// </summary>
public sealed class ConfiguredSettings
{
    private readonly RuleRegistry _registry;
    private readonly SelectionFlags _flags;
    private readonly string? _explicitPath;
    private readonly bool _noConfig;
    private readonly ConfigurationCache _cache = new();
    private readonly ConcurrentDictionary<string, Lazy<ResolvedSettings>> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    /// <exception cref="ConfigurationException">The explicitly given configuration file is malformed.</exception>
    public ConfiguredSettings(RuleRegistry registry, SelectionFlags flags, string? explicitConfigPath, bool noConfig)
    {
        _registry = registry;
        _flags = flags;
        _explicitPath = explicitConfigPath;
        _noConfig = noConfig;
        if (explicitConfigPath is not null) _ = For(explicitConfigPath);
    }

    /// <summary>The settings for the Dockerfile at <paramref name="dockerfilePath"/> (which need not exist: standard input is named this way).</summary>
    /// <exception cref="ConfigurationException">The applicable configuration file is malformed or names unknown rules.</exception>
    /// <exception cref="IOException">The applicable configuration file could not be read.</exception>
    public ResolvedSettings For(string dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        var configuration = _noConfig ? LintConfiguration.Empty
            : _explicitPath is not null ? Load(_explicitPath)
            : _cache.GetForFile(dockerfilePath);
        var key = configuration.Path ?? "";
        var resolved = _resolved.GetOrAdd(key, _ => new Lazy<ResolvedSettings>(() => Resolve(configuration))).Value;
        if (resolved.NewWarnings.IsEmpty || !_warned.TryAdd(key, true)) return resolved with { NewWarnings = [] };
        return resolved;
    }

    /// <summary>
    /// The configuration for run-level settings (<c>quiet</c>, <c>statistics</c>): the explicit file, else the one
    /// that applies to <paramref name="folder"/> (the working folder), else none.
    /// </summary>
    public LintConfiguration ForRun(string folder) =>
        _noConfig ? LintConfiguration.Empty : _explicitPath is not null ? Load(_explicitPath) : _cache.GetForFolder(folder);

    private LintConfiguration Load(string path)
    {
        try
        {
            return ConfigurationLoader.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException(new ConfigLocation(path, 1, 1), "configuration file not found");
        }
    }

    private ResolvedSettings Resolve(LintConfiguration configuration)
    {
        var warnings = new List<string>();
        warnings.AddRange(configuration.Warnings.Select(w => w.ToString()));
        var strict = configuration.Format == ConfigurationFormat.Dflint;

        ImmutableArray<string> Known(ImmutableArray<ConfiguredCode> codes)
        {
            if (codes.IsDefault) return default;
            var known = ImmutableArray.CreateBuilder<string>();
            foreach (var code in codes)
            {
                if (!_registry.Resolve(code.Text).IsEmpty)
                {
                    known.Add(code.Text);
                    continue;
                }
                var problem = $"'{code.Text}' names no dflint rule (see 'dflint rules')";
                if (strict) throw new ConfigurationException(code.Location, problem);
                warnings.Add($"{code.Location}: {problem}; ignored");
            }
            return known.ToImmutable();
        }

        var severities = ImmutableArray.CreateBuilder<SeveritySetting>();
        foreach (var severityOverride in configuration.SeverityOverrides)
        {
            if (Known([severityOverride.Code]).Length == 1) severities.Add(new(severityOverride.Code.Text, severityOverride.Severity));
        }
        foreach (var (rule, ruleOptions) in configuration.RuleOptions)
        {
            if (_registry.Find(rule) is not null) continue;
            var problem = $"'{rule}' in 'rules' names no dflint rule (see 'dflint rules')";
            if (strict) throw new ConfigurationException(ruleOptions.Location, problem);
            warnings.Add($"{ruleOptions.Location}: {problem}; ignored");
        }

        var configured = new SelectionSettings
        {
            Select = Known(configuration.Select),
            ExtendSelect = Known(configuration.ExtendSelect),
            Ignore = Known(configuration.Ignore),
            Severities = severities.ToImmutable(),
        };
        var selection = RuleSelection.Create(_registry, configured with
        {
            Select = _flags.Select.IsDefault ? configured.Select : _flags.Select,
            ExtendSelect = [.. configured.ExtendSelect, .. _flags.ExtendSelect],
            Ignore = [.. configured.Ignore, .. _flags.Ignore],
        });
        var options = new AnalyzerOptions
        {
            TrustedRegistries = configuration.TrustedRegistries,
            RuleOptions = new ConfiguredRuleOptions(configuration),
        };
        FailureThreshold? threshold = configuration.NoFail == true || configuration.FailureThresholdIsNone ? FailureThreshold.Never
            : configuration.FailureThreshold is { } minimum ? new FailureThreshold(minimum)
            : null;
        return new ResolvedSettings(new LintSettings { Selection = selection, Options = options }, threshold, [.. warnings]) { ContextFolder = configuration.Context };
    }

    /// <summary>Rule options as configured under <c>rules:</c>, found by the rule's code, name or alias.</summary>
    private sealed class ConfiguredRuleOptions(LintConfiguration configuration) : IRuleOptionSource
    {
        private RuleOptions? For(RuleDescriptor rule)
        {
            foreach (var key in new[] { rule.Code, rule.Name }.Concat(rule.Aliases))
            {
                foreach (var (written, options) in configuration.RuleOptions)
                {
                    if (string.Equals(written, key, StringComparison.OrdinalIgnoreCase)) return options;
                }
            }
            return null;
        }

        public ImmutableArray<string>? GetStringList(RuleDescriptor rule, string option) => For(rule)?.GetStringList(option);

        public bool? GetBool(RuleDescriptor rule, string option) => For(rule)?.GetBool(option);

        public string? GetString(RuleDescriptor rule, string option) => For(rule)?.GetString(option);
    }
}

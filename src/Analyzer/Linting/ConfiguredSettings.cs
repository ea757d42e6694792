using Dflint.Analysis;
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

/// <summary>A configuration file that cannot be used; the message starts with <c>path:line:col:</c>.</summary>
public sealed class ConfigurationError(string message) : Exception(message);

/// <summary>The settings for one file, and warnings about its configuration not yet shown.</summary>
public sealed record ResolvedSettings(LintSettings Settings, FailureThreshold? Threshold, ImmutableArray<string> NewWarnings);

/// <summary>
/// Finds and applies the configuration for each linted file, once per configuration file, and layers the
/// command-line selectors on top.
/// </summary>
public sealed class ConfiguredSettings(RuleRegistry registry, SelectionFlags flags, string? explicitConfigPath, bool noConfig)
{
    private ResolvedSettings? _defaults;

    public ResolvedSettings For(string dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        _ = explicitConfigPath;
        _ = noConfig;
        return _defaults ??= new ResolvedSettings(
            new LintSettings { Selection = RuleSelection.Create(registry, Combine(new SelectionSettings())) },
            null,
            []);
    }

    /// <summary>The threshold for a file: the command line's, else its configuration's, else the default.</summary>
    public FailureThreshold ThresholdFor(string dockerfilePath, FailureThreshold? commandLine) =>
        commandLine ?? For(dockerfilePath).Threshold ?? FailureThreshold.Default;

    private SelectionSettings Combine(SelectionSettings configured) => configured with
    {
        Select = flags.Select.IsDefault ? configured.Select : flags.Select,
        ExtendSelect = [.. configured.ExtendSelect, .. flags.ExtendSelect],
        Ignore = [.. configured.Ignore, .. flags.Ignore],
    };
}

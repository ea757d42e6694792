using Microsoft.CodeAnalysis;

namespace Dflint.Configuration;

/// <summary>
/// What one configuration file says, as written: codes are not yet checked against the rule registry (the engine
/// does that and reports unknown ones at their <see cref="ConfiguredCode.Location"/>), and nothing is merged with
/// command-line options.
/// </summary>
public sealed record LintConfiguration
{
    /// <summary>No configuration file: every setting at its default.</summary>
    public static LintConfiguration Empty { get; } = new();

    /// <summary>The file this came from; null for <see cref="Empty"/>.</summary>
    public string? Path { get; init; }

    public ConfigurationFormat Format { get; init; } = ConfigurationFormat.None;

    /// <summary>The rules to run instead of the defaults; <c>IsDefault</c> when the file does not say.</summary>
    public ImmutableArray<ConfiguredCode> Select { get; init; }

    /// <summary>Rules to run on top of the defaults or of <see cref="Select"/>.</summary>
    public ImmutableArray<ConfiguredCode> ExtendSelect { get; init; } = [];

    public ImmutableArray<ConfiguredCode> Ignore { get; init; } = [];

    /// <summary>In file order; when a code appears more than once, the later entry wins.</summary>
    public ImmutableArray<SeverityOverride> SeverityOverrides { get; init; } = [];

    public ImmutableArray<string> TrustedRegistries { get; init; } = [];

    /// <summary>The least severe finding that fails the run; null when the file does not say or says <c>none</c>.</summary>
    public DiagnosticSeverity? FailureThreshold { get; init; }

    /// <summary>The threshold is <c>none</c>: findings never fail the run.</summary>
    public bool FailureThresholdIsNone { get; init; }

    public bool? NoFail { get; init; }

    /// <summary>Print counts per rule instead of the findings (a run-level setting, read from the working folder's configuration).</summary>
    public bool? Statistics { get; init; }

    /// <summary>Print the findings and nothing else (a run-level setting, read from the working folder's configuration).</summary>
    public bool? Quiet { get; init; }

    /// <summary>Label names and the type of value each must have.</summary>
    public ImmutableDictionary<string, LabelType> LabelSchema { get; init; } = ImmutableDictionary<string, LabelType>.Empty;

    /// <summary>Labels not in <see cref="LabelSchema"/> are reported.</summary>
    public bool StrictLabels { get; init; }

    /// <summary>The build context folder (<c>context:</c>), as a full path resolved from the file's folder; null when the file does not say.</summary>
    public string? Context { get; init; }

    /// <summary>Per-rule options keyed by the rule's code or name exactly as written.</summary>
    public ImmutableDictionary<string, RuleOptions> RuleOptions { get; init; } = ImmutableDictionary<string, RuleOptions>.Empty;

    /// <summary>Settings read but not acted on, such as hadolint's output options.</summary>
    public ImmutableArray<ConfigurationWarning> Warnings { get; init; } = [];
}

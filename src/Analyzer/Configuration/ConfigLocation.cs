using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Dflint.Configuration;

/// <summary>A position in a configuration file; <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed record ConfigLocation(string Path, int Line, int Column)
{
    /// <summary><c>path:line:column</c>, the prefix of every configuration message.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}");
}

/// <summary>
/// A rule code or kebab-case rule name as written in a configuration file. The engine resolves it against the
/// rule registry and reports an unknown one at <see cref="Location"/>.
/// </summary>
public sealed record ConfiguredCode(string Text, ConfigLocation Location);

/// <summary>A rule's severity replaced by the configuration, or the rule turned off when <see cref="Severity"/> is null.</summary>
public sealed record SeverityOverride(ConfiguredCode Code, DiagnosticSeverity? Severity)
{
    public bool TurnsRuleOff => Severity is null;
}

/// <summary>Something in a configuration file that dflint reads but does not act on.</summary>
public sealed record ConfigurationWarning(string Message, ConfigLocation Location)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Which schema a configuration file follows.</summary>
public enum ConfigurationFormat
{
    /// <summary>No configuration file: the built-in defaults.</summary>
    None,

    /// <summary><c>.dflint.yaml</c> or <c>.dflint.yml</c>.</summary>
    Dflint,

    /// <summary><c>.hadolint.yaml</c> or <c>.hadolint.yml</c>, read for compatibility.</summary>
    Hadolint,
}

/// <summary>The value types of hadolint's <c>label-schema</c>, which DL3049 to DL3058 check label values against.</summary>
public enum LabelType
{
    Text,
    Url,
    Semver,
    Hash,
    Rfc3339,
    Spdx,
    Email,
}

/// <summary>
/// A configuration file that cannot be used. <see cref="Exception.Message"/> is <c>path:line:column: problem</c>
/// so that a host can print it as it is.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(ConfigLocation location, string problem)
        : base($"{location}: {problem}")
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(problem);
        Location = location;
        Problem = problem;
    }

    public ConfigLocation Location { get; }

    /// <summary>The message without its location.</summary>
    public string Problem { get; }
}

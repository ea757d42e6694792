namespace Dflint.Analysis;

/// <summary>Options a rule reads: settings shared by rules, and the options configured for a rule by code or name.</summary>
public sealed record AnalyzerOptions
{
    public static readonly AnalyzerOptions Default = new();

    /// <summary>Registries images may come from; empty means any (hadolint's <c>trustedRegistries</c>).</summary>
    public ImmutableArray<string> TrustedRegistries { get; init; } = [];

    /// <summary>Per-rule options, looked up by the rule's code, then its name.</summary>
    public IRuleOptionSource RuleOptions { get; init; } = EmptyRuleOptions.Instance;

    /// <summary>The folder the Dockerfile is built with and its ignore file; null when unknown (an editor, unnamed standard input, a missing folder).</summary>
    public Context.BuildContext? BuildContext { get; init; }

    private sealed class EmptyRuleOptions : IRuleOptionSource
    {
        public static readonly EmptyRuleOptions Instance = new();

        public ImmutableArray<string>? GetStringList(RuleDescriptor rule, string option) => null;

        public bool? GetBool(RuleDescriptor rule, string option) => null;

        public string? GetString(RuleDescriptor rule, string option) => null;
    }
}

/// <summary>Where per-rule options come from (the configuration file); a missing option is null.</summary>
public interface IRuleOptionSource
{
    ImmutableArray<string>? GetStringList(RuleDescriptor rule, string option);

    bool? GetBool(RuleDescriptor rule, string option);

    string? GetString(RuleDescriptor rule, string option);
}

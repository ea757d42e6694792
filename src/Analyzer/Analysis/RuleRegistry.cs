using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Analysis;

/// <summary>
/// The rules dflint knows: the parser's syntax diagnostics, the engine's own, and every analyzer's. Looks
/// rules up by code, kebab-case name or alias (case-insensitive), by code prefix (<c>DL30</c>) and <c>ALL</c>.
/// </summary>
public sealed class RuleRegistry
{
    public const string SelectAll = "ALL";

    private readonly Dictionary<string, RuleDescriptor> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<DockerfileAnalyzer, ImmutableArray<RuleDescriptor>> _rulesByAnalyzer = [];

    public RuleRegistry(IEnumerable<DockerfileAnalyzer> analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        var rules = new List<RuleDescriptor>();
        void Add(RuleDescriptor rule)
        {
            foreach (var key in new[] { rule.Code, rule.Name }.Concat(rule.Aliases))
            {
                if (!_byKey.TryAdd(key, rule) && _byKey[key] != rule)
                {
                    throw new InvalidOperationException($"Rule key '{key}' of {rule} is already used by {_byKey[key]}.");
                }
            }
            rules.Add(rule);
        }

        foreach (var rule in EngineRules.All) Add(rule);
        foreach (var rule in SyntaxRules.All) Add(rule);
        var analyzerList = new List<DockerfileAnalyzer>();
        foreach (var analyzer in analyzers)
        {
            var supported = analyzer.SupportedRules;
            foreach (var rule in supported) Add(rule);
            _rulesByAnalyzer.Add(analyzer, supported);
            analyzer.Initialize(new AnalysisContext(analyzer, Actions));
            analyzerList.Add(analyzer);
        }
        Analyzers = [.. analyzerList];
        Rules = [.. rules.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>Every analyzer in this assembly, each created once.</summary>
    public static RuleRegistry Default => s_default.Value;

    private static readonly Lazy<RuleRegistry> s_default = new(() => new RuleRegistry(Dflint.Rules.BuiltInAnalyzers.Create()));

    public ImmutableArray<DockerfileAnalyzer> Analyzers { get; }

    /// <summary>All rules, sorted by code.</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; }

    internal AnalyzerActions Actions { get; } = new();

    /// <summary>An analyzer's rules, read once: <see cref="DockerfileAnalyzer.SupportedRules"/> may build a new array per call.</summary>
    internal ImmutableArray<RuleDescriptor> RulesOf(DockerfileAnalyzer analyzer) => _rulesByAnalyzer[analyzer];

    public RuleDescriptor? Find(string codeOrName) => _byKey.GetValueOrDefault(codeOrName.Trim());

    /// <summary>
    /// The rules a selector names: one code, name or alias; <c>ALL</c>; or a code prefix of at least two
    /// characters (<c>DL30</c>, <c>DF</c>). Empty when it names nothing.
    /// </summary>
    public ImmutableArray<RuleDescriptor> Resolve(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        selector = selector.Trim();
        if (selector.Equals(SelectAll, StringComparison.OrdinalIgnoreCase)) return Rules;
        if (Find(selector) is { } rule) return [rule];
        if (selector.Length < 2) return [];
        return [.. Rules.Where(r => r.Code.StartsWith(selector, StringComparison.OrdinalIgnoreCase))];
    }
}

/// <summary>Diagnostics the engine itself reports.</summary>
public static class EngineRules
{
    public const string Category = "Engine";
    private const string EngineDocs = "https://github.com/dflint/dflint/blob/main/docs/ENGINE-DIAGNOSTICS.md#";

    public static readonly RuleDescriptor RuleCrashed = new(
        "DF0001", "rule-crashed", "A rule failed", "rule {0} failed on this file and was skipped: {1}: {2}",
        Category, DiagnosticSeverity.Error, helpLink: EngineDocs + "df0001");

    public static readonly RuleDescriptor UnknownRuleCode = new(
        "DF0002", "unknown-rule-code", "Unknown rule in a suppression comment", "{0} names no dflint rule, so this comment suppresses nothing for it",
        Category, DiagnosticSeverity.Warning);

    public static ImmutableArray<RuleDescriptor> All { get; } = [RuleCrashed, UnknownRuleCode];
}

/// <summary>The parser's diagnostics as rules, so they can be listed, explained, selected and ignored.</summary>
public static class SyntaxRules
{
    private static readonly Dictionary<string, string> s_names = new(StringComparer.Ordinal)
    {
        ["DF0100"] = "unknown-instruction",
        ["DF0101"] = "unterminated-heredoc",
        ["DF0102"] = "invalid-parser-directive",
        ["DF0103"] = "duplicate-parser-directive",
        ["DF0104"] = "invalid-exec-form",
        ["DF0105"] = "empty-continuation-line",
        ["DF0106"] = "invalid-arguments",
        ["DF0107"] = "invalid-flag",
        ["DF0108"] = "no-instructions",
        ["DF0109"] = "invalid-onbuild-trigger",
    };

    private static readonly Dictionary<string, RuleDescriptor> s_byCode = SyntaxDiagnostics.All.ToDictionary(
        d => d.Id,
        d => new RuleDescriptor(
            d.Id, s_names[d.Id], d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), "{0}", SyntaxDiagnostics.Category,
            d.DefaultSeverity, aliases: [.. d.CustomTags], helpLink: d.HelpLinkUri),
        StringComparer.Ordinal);

    public static ImmutableArray<RuleDescriptor> All { get; } = [.. s_byCode.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];

    public static RuleDescriptor For(SyntaxDiagnostic diagnostic) => s_byCode[diagnostic.Id];
}

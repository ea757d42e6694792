using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>gem install rails</c> takes the newest release on the day of the build. A version goes after a colon
/// (<c>rails:7.1.3</c>) or in <c>-v</c>, which RubyGems allows only with a single gem.
/// </summary>
public sealed class DL3028GemPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3028", "gem-pin-versions", "gem install without version pins",
        "gem '{0}' is not pinned in gem {1}: {2}",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    /// <summary>gem options that take the next word as their value.</summary>
    private static readonly HashSet<string> s_optionsWithValue = LanguageInstallers.Set(
        "-v", "--version", "-i", "--install-dir", "-n", "--bindir", "--build-root", "-s", "--source", "--platform",
        "-P", "--trust-policy", "--config-file", "-g", "--file", "--without", "-B", "--bulk-threshold",
        "--target-rbconfig");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (c.Command.Effective is { LiteralBaseName: "gem" } gem) Analyze(c, gem.ParseArguments(s_optionsWithValue));
        }, "gem");

    private static void Analyze(ShellCommandContext c, ShellArgumentList arguments)
    {
        if (arguments.Subcommand is not { IsLiteral: true, Value: "install" or "i" } subcommand) return;
        // A gem dependencies file (-g Gemfile) lists the gems and their versions itself.
        if (arguments.HasOption("-g", "--file")) return;

        string? requirement = null;
        foreach (var version in arguments.FindOptions("-v", "--version"))
        {
            // A version held in a variable counts as a pin.
            if (version.Value is null || (version.ValueWord ?? version.Word).HasExpansion) return;
            requirement = requirement is null ? version.Value : requirement + "," + version.Value;
        }

        foreach (var word in arguments.SubcommandArguments)
        {
            // Words after `--` are build flags for native extensions, not gems.
            if (arguments.EndOfOptions is { } end && word.LogicalStart > end.LogicalStart) break;
            if (word.HasExpansion) continue;
            var value = word.Value;
            if (value.EndsWith(".gem", StringComparison.OrdinalIgnoreCase) || value.Contains('/', StringComparison.Ordinal)) continue;
            var colon = value.IndexOf(':');
            var name = colon < 0 ? value : value[..colon];
            var hint = colon >= 0 ? JudgeRequirement(name, value[(colon + 1)..])
                : requirement is not null ? JudgeRequirement(name, requirement)
                : $"use {name}:<version> or -v <version>";
            if (hint is not null) c.Report(Rule, word.Span, name, subcommand.Value, hint);
        }
    }

    /// <summary>
    /// A requirement pins when one of its clauses bounds the version from above: a bare or <c>=</c> version,
    /// <c>~&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>. Null when it does, else what to say.
    /// </summary>
    internal static string? JudgeRequirement(string name, string requirement)
    {
        var text = requirement.Trim();
        if (text.Length == 0) return $"'{name}:' names no version; use {name}:<version>";
        var known = false;
        foreach (var range in text.AsSpan().Split(','))
        {
            var clause = text.AsSpan(range).Trim();
            if (clause.IsEmpty) continue;
            if (clause.StartsWith(">") || clause.StartsWith("!="))
            {
                known = true;
                continue;
            }
            // A clause that is not a version (a typo, a word RubyGems rejects) is not ours to judge.
            return null;
        }
        return known ? $"'{text}' sets no upper bound, so the newest release is installed; use {name}:<version>" : null;
    }
}

using System.Buffers;
using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>apk add curl</c> installs whatever version the repository holds on the day of the build. A package counts as
/// pinned with any of apk's version operators (<c>=</c>, <c>~</c>, <c>&lt;</c>, <c>&gt;</c>...) or when it is an
/// <c>.apk</c> file.
/// </summary>
public sealed class DL3018ApkAddPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3018", "apk-add-pin-versions", "Unpinned package in apk add",
        "package '{0}' is not pinned in apk add: use {0}=<version>",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private static readonly SearchValues<char> s_versionOperators = SearchValues.Create("=~<>");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (PackageManagerInvocation.Parse(c.Command, PackageManagerSyntax.Apk) is not { SubcommandName: "add" } apk) return;
            foreach (var word in apk.Arguments.Positionals)
            {
                if (word.HasExpansion) continue;
                var package = word.Value;
                // "!name" forbids a package rather than installing one.
                if (package.Length == 0 || package[0] == '!' || IsPinned(package)) continue;
                c.Report(Rule, word.Span, package);
            }
        }, PackageManagerSyntax.Apk.Names.Contains);

    private static bool IsPinned(string package) =>
        package.AsSpan().IndexOfAny(s_versionOperators) >= 0 || package.EndsWith(".apk", StringComparison.OrdinalIgnoreCase);
}

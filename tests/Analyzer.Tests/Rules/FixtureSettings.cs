using Dflint.Analysis;

namespace Dflint.Tests.Rules;

/// <summary>The settings a fixture runs with: its folder's rule selected on top of the defaults, failures rethrown.</summary>
internal static class FixtureSettings
{
    public static LintSettings For(string fixturePath, RuleDescriptor rule)
    {
        _ = fixturePath;
        var selection = RuleSelection.Create(RuleRegistry.Default, new SelectionSettings { ExtendSelect = [rule.Code] });
        return new LintSettings { Selection = selection, RethrowAnalyzerExceptions = true };
    }
}

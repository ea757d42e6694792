using Dflint.Analysis;
using Dflint.Linting;

namespace Dflint.Tests.Rules;

/// <summary>
/// The settings a fixture runs with: its folder's rule selected on top of the defaults, the configuration file
/// beside it (<c>NAME.dflint.yaml</c> or <c>NAME.hadolint.yaml</c>) when there is one, failures rethrown.
/// </summary>
internal static class FixtureSettings
{
    public static LintSettings For(string fixturePath, RuleDescriptor rule)
    {
        var configuration = new[] { ".dflint.yaml", ".hadolint.yaml" }
            .Select(extension => Path.ChangeExtension(fixturePath, extension))
            .FirstOrDefault(File.Exists);
        var flags = new SelectionFlags(default, [rule.Code], []);
        var settings = new ConfiguredSettings(RuleRegistry.Default, flags, configuration, noConfig: configuration is null);
        return settings.For(fixturePath).Settings with { RethrowAnalyzerExceptions = true };
    }
}

using Dflint.Analysis;
using Dflint.Linting;

namespace Dflint.Tests.Rules;

/// <summary>
/// The settings a fixture runs with: its folder's rule selected on top of the defaults, the configuration file
/// beside it (<c>NAME.dflint.yaml</c> or <c>NAME.hadolint.yaml</c>) when there is one, failures rethrown. A folder
/// <c>NAME.context/</c> beside it is its build context, as if the fixture were <c>NAME.context/Dockerfile</c> (so a
/// <c>Dockerfile.dockerignore</c> there is the fixture's own ignore file); without one the fixture has no context.
/// </summary>
internal static class FixtureSettings
{
    private static readonly Dflint.Context.BuildContextCache s_contexts = new();

    public static LintSettings For(string fixturePath, RuleDescriptor rule)
    {
        var configuration = new[] { ".dflint.yaml", ".hadolint.yaml" }
            .Select(extension => Path.ChangeExtension(fixturePath, extension))
            .FirstOrDefault(File.Exists);
        var flags = new SelectionFlags(default, [rule.Code], []);
        var settings = new ConfiguredSettings(RuleRegistry.Default, flags, configuration, noConfig: configuration is null);
        var result = settings.For(fixturePath).Settings with { RethrowAnalyzerExceptions = true };
        var contextFolder = Path.ChangeExtension(fixturePath, ".context");
        if (!Directory.Exists(contextFolder)) return result;
        var buildContext = s_contexts.Get(contextFolder, Path.Combine(contextFolder, "Dockerfile"));
        return result with { Options = result.Options with { BuildContext = buildContext } };
    }
}

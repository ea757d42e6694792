using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>apt-get upgrade</c> in a Dockerfile upgrades the base image's packages in a layer of their own. Off by default:
/// hadolint still runs DL3005 but no longer documents it, and Docker's own advice now favours upgrading for
/// security fixes; teams that rebuild on fresh base images instead can turn it on.
/// </summary>
public sealed class DL3005AptGetUpgrade : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3005", "apt-get-upgrade", "apt-get upgrade in a Dockerfile",
        "'{0} {1}' upgrades the base image's packages in this image's layer: use a newer base image instead",
        RuleCategories.Packages, DiagnosticSeverity.Error, isEnabledByDefault: false);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (AptCommandLine.Read(c.Command) is not { IsSimulation: false, SubcommandWord: { } word } apt) return;
            if (apt.Subcommand is "upgrade" or "dist-upgrade" or "full-upgrade") c.Report(Rule, word.Span, apt.Tool, apt.Subcommand);
        }, AptCommandLine.CommandNames);
}

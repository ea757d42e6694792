using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// apt installs a package's Recommends by default: documentation, X11 libraries, compilers... that an image rarely
/// needs and that enlarge it and its attack surface.
/// </summary>
public sealed class DL3015AptGetNoInstallRecommends : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3015", "apt-get-no-install-recommends", "apt-get install without --no-install-recommends",
        "{0} install without --no-install-recommends also installs every recommended package: add --no-install-recommends",
        RuleCategories.Packages, DiagnosticSeverity.Info);

    private const string InstallRecommends = "APT::Install-Recommends";

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (AptCommandLine.Read(c.Command) is not { Subcommand: "install", IsSimulation: false, SubcommandWord: { } install } apt) return;
            // apt-get install -f repairs dependencies and names no package whose recommends could come along.
            if (apt.Packages.IsEmpty && !apt.ViaXargs) return;
            if (apt.Arguments.HasOption("--no-install-recommends")) return;
            if (apt.Arguments.FindOption("--install-recommends") is { Value: { } value } && AptCommandLine.ParseBoolean(value) == false) return;
            if (apt.FindConfiguration(InstallRecommends) is { } setting && AptCommandLine.ParseBoolean(setting) == false) return;
            if (AptCommandLine.IsConfiguredEarlier(c, c.Instruction, c.Command, InstallRecommends, expected: false)) return;
            c.Report(Rule, install.Span, apt.Tool);
        }, AptCommandLine.CommandNames);
}

using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// Without <c>-y</c>, <c>apt-get install</c> asks for confirmation whenever it installs more than was named; a build
/// has no terminal to answer, so apt aborts and the build fails on the day a dependency is added.
/// </summary>
public sealed class DL3014AptGetAssumeYes : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3014", "apt-get-assume-yes", "apt-get install without -y",
        "{0} install without -y stops at its confirmation prompt, which a build cannot answer: add -y",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private const string AssumeYes = "APT::Get::Assume-Yes";

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (AptCommandLine.Read(c.Command) is not { Subcommand: "install", IsSimulation: false, SubcommandWord: { } install } apt) return;
            if (apt.Arguments.FindOption("-y", "--yes", "--assume-yes") is { } yes && (yes.Value is null || AptCommandLine.ParseBoolean(yes.Value) != false)) return;
            // Quiet level 2 implies -y (apt-get(8)).
            if (apt.QuietLevel >= 2) return;
            if (apt.FindConfiguration(AssumeYes) is { } setting && AptCommandLine.ParseBoolean(setting) == true) return;
            if (!apt.ViaXargs && IsFedByYes(c.Script, c.Command)) return;
            if (AptCommandLine.IsConfiguredEarlier(c, c.Instruction, c.Command, AssumeYes, expected: true)) return;
            c.Report(Rule, install.Span, apt.Tool);
        }, AptCommandLine.CommandNames);

    /// <summary><c>yes | apt-get install curl</c> answers every prompt.</summary>
    private static bool IsFedByYes(ShellScript script, ShellCommand command)
    {
        if (command.OperatorBefore != ShellOperator.Pipe) return false;
        for (var i = command.Index - 1; i >= 0; i--)
        {
            var before = script.Commands[i];
            // Commands inside a substitution of the left-hand side are listed between the two.
            if (before.IsInSubstitution && !command.IsInSubstitution) continue;
            return before.OperatorAfter == ShellOperator.Pipe && before.BaseName == "yes";
        }
        return false;
    }
}

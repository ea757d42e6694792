using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>The image's last USER decides who runs the container; root there undoes every earlier drop of privilege.</summary>
public sealed class DL3002LastUserNotRoot : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3002", "last-user-root", "Final USER is root",
        "the final stage's last USER is '{0}': the container will run as root",
        RuleCategories.Users, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterStageAction(c =>
        {
            if (!c.Stage.IsFinal) return;
            var user = c.Model.GetEndState(c.Stage).User;
            if (user is { IsRoot: true }) c.Report(Rule, user.Instruction.Span, user.Value);
        });
}

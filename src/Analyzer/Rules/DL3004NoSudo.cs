using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// RUN already runs as the current USER. sudo adds a setuid binary and its configuration to the image, may prompt
/// for a password, and keeps its own environment and TTY rules; switch users with USER instead.
/// </summary>
public sealed class DL3004NoSudo : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3004", "no-sudo", "sudo in RUN",
        "do not use sudo in RUN: switch with 'USER root' before the command (and back after), or use gosu or su-exec in an entrypoint",
        RuleCategories.Users, DiagnosticSeverity.Error);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (c.Command.NameWord is { HasExpansion: false } name) c.Report(Rule, name.Span);
        }, "sudo");
}

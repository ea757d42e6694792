using Dflint.Syntax;

namespace Dflint.Analysis;

public static partial class DockerfileLinter
{
    private sealed partial class Walker
    {
        private void RunShellActions(InstructionSyntax instruction)
        {
            if (!actions.HasShellActions) return;
            var (run, onbuild) = instruction switch
            {
                RunInstructionSyntax r => (r, false),
                OnbuildInstructionSyntax { Trigger: RunInstructionSyntax r } => (r, true),
                _ => (null, false),
            };
            if (run is null) return;

            var scripts = file.GetShellScripts(run);
            if (scripts.IsEmpty) return;

            foreach (var script in scripts)
            {
                foreach (var command in script.Commands)
                {
                    foreach (var action in actions.ShellCommand)
                    {
                        if (!action.Wants(command)) continue;
                        Invoke(action.Analyzer, command.Span, () => action.Action(new ShellCommandContext(command, script, run, onbuild, file)));
                    }
                }
            }
            foreach (var action in actions.Run)
            {
                Invoke(action.Analyzer, run.Span, () => action.Action(new RunContext(run, scripts, onbuild, file)));
            }
        }
    }
}

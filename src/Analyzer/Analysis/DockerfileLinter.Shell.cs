using Dflint.Semantics.Shell;
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

            var posix = file.Model.GetState(instruction).Shell.IsPosix
                && !(suppressions.NonPosixShellFrom is { } from && from.Contains(instruction.SpanStart));
            var scripts = ShellScript.ForInstruction(run, file.Tree.EscapeChar);
            // Exec form names its program (or shell) itself, so it is read whatever SHELL says.
            if (!posix) scripts = [.. scripts.Where(s => s.Source.Kind is ShellSourceKind.ExecFormShellC or ShellSourceKind.ExecForm)];
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

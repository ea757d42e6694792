using Dflint.Syntax;

namespace Dflint.Analysis;

public static partial class DockerfileLinter
{
    private sealed partial class Walker
    {
        private void RunShellActions(InstructionSyntax instruction)
        {
            _ = instruction;
            _ = suppressions;
        }
    }
}

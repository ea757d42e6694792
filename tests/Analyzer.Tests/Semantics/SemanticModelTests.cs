using Dflint.Semantics;
using Dflint.Syntax;

namespace Dflint.Tests.Semantics;

public sealed class SemanticModelTests
{
    private static SemanticModel Model(string text) => SemanticModel.Create(DockerfileSyntaxTree.Parse(text));

    private static T Instruction<T>(SemanticModel model, int index = 0)
        where T : InstructionSyntax => model.Tree.Instructions.OfType<T>().ElementAt(index);

    [Test]
    public void Stages_have_index_name_base_and_platform()
    {
        var model = Model("ARG V=3.20\nFROM --platform=$BUILDPLATFORM alpine:${V} AS Build\nFROM build AS final\nFROM scratch\n");

        Assert.That(model.Stages.Select(s => (s.Index, s.Name)), Is.EqualTo(new[] { (0, (string?)"build"), (1, "final"), (2, null) }));
        var image = (StageBase.Image)model.Stages[0].Base;
        Assert.That(image.Text, Is.EqualTo("alpine:3.20"));
        Assert.That(image.Reference!.Tag, Is.EqualTo("3.20"));
        Assert.That(image.UsesVariables, Is.True);
        Assert.That(model.Stages[0].Platform, Is.EqualTo("$BUILDPLATFORM"));
        Assert.That(model.Stages[1].BaseStage, Is.SameAs(model.Stages[0]));
        Assert.That(model.Stages[1].RootBase, Is.SameAs(model.Stages[0].Base));
        Assert.That(model.Stages[2].Base, Is.InstanceOf<StageBase.Scratch>());
        Assert.That(model.FinalStage, Is.SameAs(model.Stages[2]));
        Assert.That(model.Stages.Select(s => s.IsFinal), Is.EqualTo(new[] { false, false, true }));
        Assert.That(model.FindStage("BUILD"), Is.SameAs(model.Stages[0]));
        Assert.That(model.FindStage("2"), Is.SameAs(model.Stages[2]));
    }

    [Test]
    public void Arg_without_default_leaves_the_image_unresolved()
    {
        var image = (StageBase.Image)Model("ARG IMAGE\nFROM ${IMAGE}:1\n").Stages[0].Base;

        Assert.That(image.UnresolvedVariables, Is.EqualTo(new[] { "IMAGE" }));
    }

    [Test]
    public void Stage_graph_records_from_copy_from_and_mount_from()
    {
        var model = Model("FROM golang:1 AS build\nFROM alpine:3 AS tools\nFROM build\nCOPY --from=tools /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 /c /c\nRUN --mount=type=bind,from=tools,target=/t true\nCOPY --from=later /d /d\nFROM alpine:3 AS later\n");
        var dependencies = model.Stages[2].Dependencies;

        Assert.That(dependencies.Select(d => (d.Kind, d.Text, d.Stage?.Index, d.Image?.FamiliarString)), Is.EqualTo(new[]
        {
            (StageDependencyKind.From, "build", (int?)0, (string?)null),
            (StageDependencyKind.CopyFrom, "tools", 1, null),
            (StageDependencyKind.CopyFrom, "0", 0, null),
            (StageDependencyKind.CopyFrom, "nginx:1.27", null, "nginx:1.27"),
            (StageDependencyKind.MountFrom, "tools", 1, null),
            (StageDependencyKind.CopyFrom, "later", null, null),
        }));
    }

    [Test]
    public void Global_args_are_seen_in_FROM_and_only_redeclared_ones_in_the_stage()
    {
        var model = Model("ARG A=1\nARG B=2\nFROM x:$A\nARG A\nRUN echo\nARG C=${B}z\nENV A=env\nRUN echo\n");
        var firstRun = model.GetState(Instruction<RunInstructionSyntax>(model));
        var secondRun = model.GetState(Instruction<RunInstructionSyntax>(model, 1));

        Assert.That(((StageBase.Image)model.Stages[0].Base).Text, Is.EqualTo("x:1"));
        Assert.That(firstRun.Variables.Lookup("A"), Is.EqualTo(new VariableBinding("A", "1", VariableKind.Arg, Instruction<ArgInstructionSyntax>(model, 2))));
        Assert.That(firstRun.Variables.IsDefined("B"), Is.False, "a global ARG needs an ARG in the stage");
        Assert.That(secondRun.Variables.Lookup("C")!.Value, Is.EqualTo("z"), "B is not in scope inside the stage");
        Assert.That(secondRun.Variables.Lookup("A")!.Kind, Is.EqualTo(VariableKind.Env), "ENV wins over ARG");
        Assert.That(secondRun.Variables.FindUndefined("$A $B ${HTTP_PROXY} $NOPE", '\\').Select(r => r.Name), Is.EqualTo(new[] { "B", "NOPE" }));
    }

    [Test]
    public void Automatic_platform_args_need_an_arg_inside_a_stage()
    {
        var model = Model("FROM --platform=$BUILDPLATFORM golang:1\nRUN a\nARG TARGETARCH\nRUN b\n");

        Assert.That(model.GlobalScope.Lookup("BUILDPLATFORM")!.Kind, Is.EqualTo(VariableKind.Automatic));
        Assert.That(model.GetState(Instruction<RunInstructionSyntax>(model)).Variables.IsDefined("TARGETARCH"), Is.False);
        Assert.That(model.GetState(Instruction<RunInstructionSyntax>(model, 1)).Variables.Lookup("TARGETARCH")!.Kind, Is.EqualTo(VariableKind.Automatic));
    }

    [Test]
    public void Env_pairs_on_one_line_see_the_values_from_before_the_line()
    {
        var model = Model("FROM x:1\nENV A=1\nENV A=2 B=$A\nRUN true\n");

        Assert.That(model.GetState(Instruction<RunInstructionSyntax>(model)).Variables.Lookup("B")!.Value, Is.EqualTo("1"));
    }

    [Test]
    public void User_workdir_and_shell_are_tracked_and_inherited_by_FROM_stage()
    {
        var model = Model("FROM debian:12 AS base\nENV HOME=/home/app\nUSER app:app\nWORKDIR $HOME\nWORKDIR src/../lib\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN x\nFROM base\nRUN y\nFROM alpine:3\nRUN z\n");
        var x = model.GetState(Instruction<RunInstructionSyntax>(model));
        var y = model.GetState(Instruction<RunInstructionSyntax>(model, 1));
        var z = model.GetState(Instruction<RunInstructionSyntax>(model, 2));

        Assert.That((x.User!.Value, x.User.Name, x.User.IsRoot, x.Workdir, x.Shell.Program, x.Shell.IsPosix), Is.EqualTo(("app:app", "app", false, "/home/app/lib", "bash", true)));
        Assert.That((y.User!.Value, y.Workdir, y.Shell.Program, y.Variables.Lookup("HOME")!.Value), Is.EqualTo(("app:app", "/home/app/lib", "bash", (string?)"/home/app")));
        Assert.That((z.User, z.Workdir, z.Shell), Is.EqualTo(((EffectiveUser?)null, (string?)null, EffectiveShell.Default)));
        Assert.That(model.GetEndState(model.Stages[0]).User!.Instruction, Is.SameAs(Instruction<UserInstructionSyntax>(model)));
    }

    [TestCase("[\"powershell\", \"-command\"]", "powershell", false)]
    [TestCase("[\"C:\\\\Program Files\\\\PowerShell\\\\pwsh.exe\", \"-c\"]", "pwsh", false)]
    [TestCase("[\"cmd\", \"/S\", \"/C\"]", "cmd", false)]
    [TestCase("[\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]", "ash", true)]
    public void Shell_dialects(string json, string program, bool posix)
    {
        var model = Model($"FROM x:1\nSHELL {json}\nRUN a\n");
        var shell = model.GetState(Instruction<RunInstructionSyntax>(model)).Shell;

        Assert.That((shell.Program, shell.IsPosix), Is.EqualTo((program, posix)));
    }

    [Test]
    public void Onbuild_triggers_share_the_state_of_their_onbuild()
    {
        var model = Model("FROM x:1\nUSER a\nONBUILD RUN true\n");
        var onbuild = Instruction<OnbuildInstructionSyntax>(model);

        Assert.That(model.GetState(onbuild.Trigger!), Is.SameAs(model.GetState(onbuild)));
    }

    [Test]
    public void Args_before_the_first_FROM_are_global()
    {
        var model = Model("ARG A=1 B\nFROM x:1\n");

        Assert.That(model.GlobalArgs, Has.Length.EqualTo(1));
        Assert.That(model.GetState(model.GlobalArgs[0]).IsGlobal, Is.True);
        Assert.That(model.GlobalScope.Lookup("B"), Is.EqualTo(new VariableBinding("B", null, VariableKind.GlobalArg, model.GlobalArgs[0])));
    }
}

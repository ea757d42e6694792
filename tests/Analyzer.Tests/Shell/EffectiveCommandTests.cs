using Dflint.Semantics.Shell;
using static Dflint.Tests.Shell.ShellTestSupport;

namespace Dflint.Tests.Shell;

/// <summary>The wrapper table and what <see cref="ShellCommand.Effective"/> reads through it.</summary>
public sealed class EffectiveCommandTests
{
    private static ShellCommand Command(string script) => ShellScript.Parse(script).Commands[0];

    private static string Words(EffectiveCommand effective) => string.Join(" ", effective.Words.Select(w => w.Value));

    [TestCase("apt-get install curl", "apt-get install curl", "")]
    [TestCase("/usr/bin/apt-get install curl", "/usr/bin/apt-get install curl", "")]
    [TestCase("sudo -E apt-get install curl", "apt-get install curl", "sudo -E")]
    [TestCase("sudo -u root -g root apt-get install", "apt-get install", "sudo -u root -g root")]
    [TestCase("sudo -Hu root apt-get install", "apt-get install", "sudo -Hu root")]
    [TestCase("sudo -uroot apt-get install", "apt-get install", "sudo -uroot")]
    [TestCase("sudo --user=root --preserve-env apt-get install", "apt-get install", "sudo --user=root --preserve-env")]
    [TestCase("sudo --user root apt-get install", "apt-get install", "sudo --user root")]
    [TestCase("sudo -k apt-get install", "apt-get install", "sudo -k")]
    [TestCase("sudo -- apt-get install", "apt-get install", "sudo --")]
    [TestCase("/usr/bin/sudo DEBIAN_FRONTEND=noninteractive apt-get install", "apt-get install", "/usr/bin/sudo DEBIAN_FRONTEND=noninteractive")]
    [TestCase("doas -u root apk add x", "apk add x", "doas -u root")]
    [TestCase("env -i PATH=/bin LANG=C dnf install x", "dnf install x", "env -i PATH=/bin LANG=C")]
    [TestCase("env -u HOME -C /tmp A=1 pip install x", "pip install x", "env -u HOME -C /tmp A=1")]
    [TestCase("env -- A=1 pip install x", "pip install x", "env -- A=1")]
    [TestCase("xargs -r -n 1 apk add", "apk add", "xargs -r -n 1")]
    [TestCase("xargs -I{} pip install {}", "pip install {}", "xargs -I{}")]
    [TestCase("xargs --replace apk add {}", "apk add {}", "xargs --replace")]
    [TestCase("xargs -i apk add {}", "apk add {}", "xargs -i")]
    [TestCase("nice -n 10 ionice -c 3 apt install curl", "apt install curl", "nice -n 10 ionice -c 3")]
    [TestCase("nice -10 make", "make", "nice -10")]
    [TestCase("nohup time -f %e stdbuf -oL make", "make", "nohup time -f %e stdbuf -oL")]
    [TestCase("exec -a name eatmydata chronic fakeroot -l lib.so make", "make", "exec -a name eatmydata chronic fakeroot -l lib.so")]
    [TestCase("timeout -s KILL 300 apt-get install", "apt-get install", "timeout -s KILL 300")]
    [TestCase("chroot --userspec=1:1 /target apt-get install", "apt-get install", "chroot --userspec=1:1 /target")]
    [TestCase("gosu app pip install x", "pip install x", "gosu app")]
    [TestCase("su-exec app:app npm ci", "npm ci", "su-exec app:app")]
    [TestCase("sudo env A=1 nice -n 10 timeout -s KILL 60 zypper in x", "zypper in x", "sudo env A=1 nice -n 10 timeout -s KILL 60")]
    [TestCase("env env env env env env env env env env apk add x", "apk add x", "env env env env env env env env env env")]
    [TestCase("sudo $OPTS apt-get install", "$OPTS apt-get install", "sudo")]
    [TestCase("$SUDO apt-get install", "$SUDO apt-get install", "")]
    public void Wrappers_are_looked_through(string script, string runs, string wrappers)
    {
        var effective = Command(script).Effective;
        Assert.Multiple(() =>
        {
            Assert.That(Words(effective), Is.EqualTo(runs));
            Assert.That(string.Join(" ", effective.WrapperWords.Select(w => w.Value)), Is.EqualTo(wrappers));
            Assert.That(effective.IsWrapped, Is.EqualTo(wrappers.Length > 0));
            Assert.That(effective.Command.Words[effective.Start], Is.SameAs(effective.NameWord));
        });
    }

    [TestCase("command -v apk")]
    [TestCase("command -V apk")]
    [TestCase("sudo -l apt-get")]
    [TestCase("sudo -El apt-get")]
    [TestCase("sudo --list apt-get")]
    [TestCase("sudo -K")]
    [TestCase("sudo -V")]
    [TestCase("sudo --help apt-get")]
    [TestCase("doas -C /etc/doas.conf apk add x")]
    [TestCase("env -S 'apk add x'")]
    [TestCase("env --split-string='apk add x'")]
    [TestCase("nice --version")]
    [TestCase("sudo -$FLAG apt-get install")]
    [TestCase("sudo")]
    [TestCase("sudo -u root")]
    [TestCase("env A=1")]
    [TestCase("timeout 10")]
    [TestCase("chroot /target")]
    [TestCase("A=1")]
    public void Nothing_runs_when_it_cannot_be_told(string script)
    {
        var command = ShellScript.Parse(script).Commands[0];
        var effective = command.Effective;
        Assert.Multiple(() =>
        {
            Assert.That(effective.Words, Is.Empty);
            Assert.That(effective.Start, Is.EqualTo(-1));
            Assert.That(effective.Name, Is.EqualTo(""));
            Assert.That(effective.BaseName, Is.EqualTo(""));
            Assert.That(effective.WrapperWords, Is.EqualTo(command.Words));
        });
    }

    [Test]
    public void The_effective_command_has_the_names_and_arguments_of_what_runs()
    {
        var effective = Command("sudo -E /usr/bin/apt-get -q install -y curl").Effective;
        Assert.Multiple(() =>
        {
            Assert.That(effective.Name, Is.EqualTo("/usr/bin/apt-get"));
            Assert.That(effective.BaseName, Is.EqualTo("apt-get"));
            Assert.That(effective.LiteralBaseName, Is.EqualTo("apt-get"));
            Assert.That(effective.Arguments.Select(w => w.Value), Is.EqualTo(new[] { "-q", "install", "-y", "curl" }));
            Assert.That(effective.ParseArguments().Subcommand?.Value, Is.EqualTo("install"));
            Assert.That(effective.ToString(), Is.EqualTo("/usr/bin/apt-get -q install -y curl"));
        });
        Assert.That(Command("sudo ${BIN}/pip install x").Effective.LiteralBaseName, Is.EqualTo(""));
    }

    [Test]
    public void It_is_computed_once_per_command()
    {
        var command = Command("sudo apt-get install");
        Assert.That(command.Effective, Is.SameAs(command.Effective));
    }

    [TestCase("xargs -n 1 pip install", true)]
    [TestCase("sudo xargs pip install", true)]
    [TestCase("sudo pip install", false)]
    [TestCase("pip install", false)]
    public void Xargs_is_noted(string script, bool viaXargs) =>
        Assert.That(Command(script).Effective.ViaXargs, Is.EqualTo(viaXargs));

    [TestCase("env A=1 pip install", "A", "1")]
    [TestCase("env A=1 A=2 pip install", "A", "2")]
    [TestCase("A=0 env A=1 pip install", "A", "1")]
    [TestCase("A=0 B=1 pip install", "A", "0")]
    [TestCase("sudo \"A=x y\" pip install", "A", "x y")]
    [TestCase("env AB=1 pip install", "A", null)]
    [TestCase("pip install A=1", "A", null)]
    public void Assignments_passed_through_wrappers_are_found(string script, string name, string? value) =>
        Assert.That(Command(script).Effective.FindAssignment(name), Is.EqualTo(value));

    [Test]
    public void Assignments_are_kept_as_words()
    {
        var effective = Command("sudo A=1 env -- B=2 pip install").Effective;
        Assert.That(effective.Assignments.Select(w => w.Text), Is.EqualTo(new[] { "A=1", "B=2" }));
    }

    [TestCase("NAME=value", true)]
    [TestCase("_x1=", true)]
    [TestCase("A=b=c", true)]
    [TestCase("1A=x", false)]
    [TestCase("=x", false)]
    [TestCase("A-B=x", false)]
    [TestCase("$A=x", false)]
    [TestCase("plain", false)]
    public void Assignment_words(string word, bool isAssignment) =>
        Assert.That(ShellNames.IsAssignment(word), Is.EqualTo(isAssignment));

    [TestCase("apt-get", "apt-get")]
    [TestCase("/usr/bin/apt-get", "apt-get")]
    [TestCase("./Pip3", "Pip3")]
    [TestCase("dir/", "")]
    public void Base_names_keep_case_and_drop_folders(string name, string baseName) =>
        Assert.That(ShellNames.BaseName(name), Is.EqualTo(baseName));

    [TestCase("sudo sh -c 'apt-get update && apt-get install -y curl'", new[] { "sudo sh -c 'apt-get update && apt-get install -y curl'", "apt-get update &&", "&& apt-get install -y curl" })]
    [TestCase("env DEBIAN_FRONTEND=noninteractive bash -ec \"apt-get install x\"", new[] { "env DEBIAN_FRONTEND=noninteractive bash -ec \"apt-get install x\"", "apt-get install x" })]
    [TestCase("xargs -n1 sh -c 'pip install \"$1\"' _", new[] { "xargs -n1 sh -c 'pip install \"$1\"' _", "pip install \"$1\"" })]
    [TestCase("command -v sh -c 'x'", new[] { "command -v sh -c 'x'" })]
    public void Nested_sh_c_is_read_through_wrappers(string text, string[] expected)
    {
        var script = ShellScript.Parse(text);
        Assert.That(Describe(script), Is.EqualTo(expected));
        Assert.That(script.Commands.Skip(1).Select(c => c.Parent), Is.All.SameAs(script.Commands[0]));
    }

    [Test]
    public void A_nested_script_behind_a_wrapper_maps_to_the_file()
    {
        var (tree, script) = Single("FROM debian\nRUN sudo -E sh -c 'apt-get install -y \"curl\"'\n");
        var curl = script.Commands[1].Arguments[2];
        Assert.That(At(tree, curl.Span), Is.EqualTo("\"curl\""));
    }

    [TestCase("RUN sudo bash <<EOF\napt-get install x\nEOF\n", 2)]
    [TestCase("RUN env -i bash -e <<EOF\napt-get install x\nEOF\n", 2)]
    [TestCase("RUN xargs bash <<EOF\napt-get install x\nEOF\n", 1)]
    [TestCase("RUN sudo cat <<EOF\napt-get install x\nEOF\n", 1)]
    public void A_shell_behind_a_wrapper_reads_its_heredoc(string run, int sources)
    {
        var tree = Tree("FROM debian\n" + run);
        Assert.That(ShellSources.For(tree.Instructions[1], tree.EscapeChar), Has.Length.EqualTo(sources));
    }
}

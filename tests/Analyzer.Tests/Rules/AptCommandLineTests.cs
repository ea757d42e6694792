using Dflint.Rules;
using Dflint.Semantics.Shell;

namespace Dflint.Tests.Rules;

/// <summary>The command-line reading the apt rules share: wrappers, apt's options, the package lists' paths.</summary>
public sealed class AptCommandLineTests
{
    private static ShellCommand Command(string script) => ShellScript.Parse(script).Commands[0];

    [TestCase("apt-get install curl", "apt-get")]
    [TestCase("sudo -E apt-get install curl", "apt-get")]
    [TestCase("sudo -u root -g root apt-get install curl", "apt-get")]
    [TestCase("sudo -Hu root apt-get install curl", "apt-get")]
    [TestCase("env -u HOME DEBIAN_FRONTEND=noninteractive apt-get install curl", "apt-get")]
    [TestCase("xargs -r -n 1 apt-get install", "apt-get")]
    [TestCase("nice -n 10 ionice -c 3 apt install curl", "apt")]
    [TestCase("timeout -s KILL 300 apt-get install curl", "apt-get")]
    [TestCase("chroot /target apt-get install curl", "apt-get")]
    [TestCase("/usr/bin/apt-get install curl", "apt-get")]
    [TestCase("sudo -- apt-get install curl", "apt-get")]
    public void Reads_the_tool_through_wrappers(string script, string tool) =>
        Assert.That(AptCommandLine.Read(Command(script))?.Tool, Is.EqualTo(tool));

    [TestCase("command -v apt-get")]
    [TestCase("sudo -l apt-get")]
    [TestCase("sudo $OPTS apt-get install curl")]
    [TestCase("$APT install curl")]
    [TestCase("apt-cache policy curl")]
    [TestCase("sudo")]
    public void Reads_nothing_when_no_apt_runs(string script) =>
        Assert.That(AptCommandLine.Read(Command(script)), Is.Null);

    [Test]
    public void Keeps_option_values_apart_from_packages()
    {
        var apt = AptCommandLine.Read(Command("apt-get -o Dpkg::Options::=--force-confold -t bookworm-backports -c /etc/apt.conf install -y -a arm64 curl -- -weird"))!;
        Assert.Multiple(() =>
        {
            Assert.That(apt.Subcommand, Is.EqualTo("install"));
            Assert.That(apt.Packages.Select(p => p.Value), Is.EqualTo(new[] { "curl", "-weird" }));
            Assert.That(apt.FindConfiguration("dpkg::options::"), Is.EqualTo("--force-confold"));
        });
    }

    [TestCase("apt-get install curl", 0)]
    [TestCase("apt-get -q install curl", 1)]
    [TestCase("apt-get -qq install curl", 2)]
    [TestCase("apt-get -q -q install curl", 2)]
    [TestCase("apt-get -qqy install curl", 2)]
    [TestCase("apt-get -q=2 install curl", 2)]
    [TestCase("apt-get --quiet=2 install curl", 2)]
    [TestCase("apt-get -o quiet=2 install curl", 2)]
    public void Computes_the_quiet_level(string script, int level) =>
        Assert.That(AptCommandLine.Read(Command(script))!.QuietLevel, Is.EqualTo(level));

    [TestCase("/var/lib/apt/lists/*", true)]
    [TestCase("/var/lib/apt/lists", true)]
    [TestCase("/var/lib/apt/lists/", true)]
    [TestCase("/var/lib/apt/lists/*_Packages", true)]
    [TestCase("/var/lib/apt", true)]
    [TestCase("/var/lib/apt/*", true)]
    [TestCase("/var/lib/apt/lists/partial", false)]
    [TestCase("/var/lib/apt-lists", false)]
    [TestCase("/var/cache/apt/*", false)]
    [TestCase("/tmp/*", false)]
    public void Knows_which_paths_hold_the_package_lists(string path, bool covers) =>
        Assert.That(AptCommandLine.CoversPackageLists(path), Is.EqualTo(covers));

    [TestCase("apt-get update && apt-get install -y curl", "update", true)]
    [TestCase("apt-get update", "update", false)]
    [TestCase("apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*", null, false)]
    [TestCase("rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl", "update", true)]
    [TestCase("apt-get update && apt-get install -y a && rm -r /var/lib/apt/lists && apt-get update", "update", false)]
    [TestCase("apt-get update && apt-get install -y curl && sudo find /var/lib/apt/lists -type f -delete", null, false)]
    [TestCase("apt-get update && apt-cache madison curl", "update", true)]
    [TestCase("apt-get install -y curl && apt-get update", "update", false)]
    public void Finds_the_update_whose_lists_are_left(string script, string? update, bool read)
    {
        var (found, indexRead) = AptCommandLine.FindLeftoverUpdate(ShellScript.Parse(script).Commands);
        Assert.Multiple(() =>
        {
            Assert.That(found?.Subcommand, Is.EqualTo(update));
            Assert.That(indexRead, Is.EqualTo(read));
        });
    }
}

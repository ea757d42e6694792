using Dflint.Rules;
using Dflint.Semantics.Shell;

namespace Dflint.Tests.Rules;

/// <summary>The helpers behind the apk, yum, dnf and zypper rules.</summary>
public sealed class OsPackageManagerTests
{
    private static ShellCommand Command(string script) => ShellScript.Parse(script).Commands[0];

    [TestCase("httpd", false)]
    [TestCase("epel-release", false)]
    [TestCase("python3-pip", false)]
    [TestCase("java-11-openjdk-devel", false)]
    [TestCase("gcc-c++", false)]
    [TestCase("jq.x86_64", false)]
    [TestCase("perl(Data::Dumper)", false)]
    [TestCase("pkgconfig(glib-2.0)", false)]
    [TestCase("-", false)]
    [TestCase("httpd-2.4.57", true)]
    [TestCase("mariadb-10.5.22-1.el9_2.x86_64", true)]
    [TestCase("nodejs-1:18.20.4", true)]
    [TestCase("nginx >= 1.20", true)]
    [TestCase("perl(Data::Dumper) = 2.167", true)]
    [TestCase("curl=8.6.0", true)]
    [TestCase("/tmp/rpms/tool.RPM", true)]
    public void Rpm_pins(string spec, bool pinned) => Assert.That(RpmPackagePins.IsPinned(spec), Is.EqualTo(pinned));

    [TestCase("apk add curl", "apk add curl")]
    [TestCase("sudo -u root -E apk add curl", "apk add curl")]
    [TestCase("env -i PATH=/bin LANG=C dnf install x", "dnf install x")]
    [TestCase("sudo env A=1 nice -n 10 timeout -s KILL 60 zypper in x", "zypper in x")]
    [TestCase("xargs -r -n 1 apk add", "apk add")]
    [TestCase("command -v apk", "")]
    [TestCase("env -S 'apk add x'", "")]
    [TestCase("sudo", "")]
    public void Wrappers_are_unwrapped(string script, string expected) =>
        Assert.That(string.Join(" ", Command(script).Effective.Words.Select(w => w.Value)), Is.EqualTo(expected));

    [Test]
    public void Options_before_and_after_the_subcommand_keep_their_values()
    {
        var dnf = PackageManagerInvocation.Parse(Command("/usr/bin/dnf -c /etc/dnf.conf --setopt tsflags=nodocs -y install --exclude kernel --enablerepo=epel gcc"), PackageManagerSyntax.Rpm);
        Assert.That(dnf, Is.Not.Null);
        Assert.That(dnf!.Name, Is.EqualTo("dnf"));
        Assert.That(dnf.SubcommandName, Is.EqualTo("install"));
        Assert.That(dnf.Arguments.Positionals.Select(w => w.Value), Is.EqualTo(new[] { "gcc" }));
        Assert.That(dnf.HasOption("-y"), Is.True);
        Assert.That(dnf.FindOptionValue("--enablerepo"), Is.EqualTo("epel"));
    }

    [Test]
    public void Zypper_global_and_command_options_differ()
    {
        // -D is --reposd-dir before the subcommand and --dry-run after it.
        var zypper = PackageManagerInvocation.Parse(Command("zypper -D /repos in -D -r oss vim"), PackageManagerSyntax.Zypper);
        Assert.That(zypper!.SubcommandName, Is.EqualTo("in"));
        Assert.That(zypper.Arguments.Positionals.Select(w => w.Value), Is.EqualTo(new[] { "vim" }));
    }

    [Test]
    public void Other_commands_are_not_package_managers()
    {
        Assert.That(PackageManagerInvocation.Parse(Command("apt-get install curl"), PackageManagerSyntax.Apk), Is.Null);
        Assert.That(PackageManagerInvocation.Parse(Command("$PM install curl"), PackageManagerSyntax.Rpm), Is.Null);
    }

    [TestCase("rm -rf /var/cache/yum", true)]
    [TestCase("rm -rf /var/cache/yum/*", true)]
    [TestCase("rm -rf /var/cache/yum/x86_64/", true)]
    [TestCase("rm -rf /var/cache/*", true)]
    [TestCase("sudo rm -rf -- /var/cache/dnf", true)]
    [TestCase("rm -rf /var/cache/yummy", false)]
    [TestCase("rm -rf /var/lib/apt/lists/*", false)]
    [TestCase("rm -rf $CACHE", false)]
    [TestCase("echo /var/cache/yum", false)]
    public void Cache_removals(string script, bool removes) =>
        Assert.That(PackageCaches.IsRemoval(Command(script), PackageCaches.Yum), Is.EqualTo(removes));
}

using System.Collections.Immutable;
using Dflint.Semantics.Shell;

namespace Dflint.Tests.Shell;

public sealed class ShellDialectsTests
{
    [TestCase(new[] { "/bin/sh", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "/bin/bash", "-o", "pipefail", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "ash", "-eo", "pipefail", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "/usr/bin/zsh", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "dash", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "ksh", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "/bin/busybox", "sh", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "/usr/bin/env", "bash", "-c" }, ShellKind.Posix)]
    [TestCase(new[] { "powershell", "-command" }, ShellKind.PowerShell)]
    [TestCase(new[] { "pwsh", "-Command" }, ShellKind.PowerShell)]
    [TestCase(new[] { "C:\\Program Files\\PowerShell\\pwsh.exe", "-Command" }, ShellKind.PowerShell)]
    [TestCase(new[] { "PowerShell.exe", "-Command" }, ShellKind.PowerShell)]
    [TestCase(new[] { "cmd", "/S", "/C" }, ShellKind.Cmd)]
    [TestCase(new[] { "cmd.exe", "/S", "/C" }, ShellKind.Cmd)]
    [TestCase(new[] { "python3", "-c" }, ShellKind.Other)]
    [TestCase(new[] { "/bin/busybox", "awk" }, ShellKind.Other)]
    [TestCase(new[] { "/usr/bin/env" }, ShellKind.Other)]
    [TestCase(new string[0], ShellKind.Other)]
    public void Classify_tells_POSIX_shells_from_others(string[] arguments, ShellKind expected)
    {
        Assert.That(ShellDialects.Classify([.. arguments]), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_of_a_default_array_is_other()
    {
        Assert.That(ShellDialects.Classify(default(ImmutableArray<string>)), Is.EqualTo(ShellKind.Other));
    }

    [TestCase("/bin/bash", true)]
    [TestCase("sh", true)]
    [TestCase("mksh", true)]
    [TestCase("python", false)]
    [TestCase("pwsh", false)]
    public void IsPosixShell(string name, bool expected) => Assert.That(ShellDialects.IsPosixShell(name), Is.EqualTo(expected));
}

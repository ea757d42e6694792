using Dflint.Semantics;
using Dflint.Syntax;

namespace Dflint.Tests.Semantics;

public sealed class RunMountTests
{
    private static RunInstructionSyntax Run(string flags) =>
        (RunInstructionSyntax)DockerfileSyntaxTree.Parse("FROM alpine\nRUN " + flags + " true\n").Instructions[1];

    [Test]
    public void Fields_are_read_as_BuildKit_reads_them()
    {
        var mounts = RunMounts.Of(Run("--network=none --mount=target=/src,from=build,source=/out --mount=Type=CACHE,dst=/a,destination=/b,id=x,sharing=locked --mount=type=secret,id=tok,dst=/t,ro=false"));
        Assert.That(mounts.Select(m => (m.Type, m.Target, m.Source, m.From, m.Id, m.ReadOnly)), Is.EqualTo(new (string, string?, string?, string?, string?, bool)[]
        {
            ("bind", "/src", "/out", "build", null, true),
            ("cache", "/b", null, null, "x", false),
            ("secret", "/t", null, null, "tok", false),
        }));
        Assert.That(mounts[0].Flag.Name, Is.EqualTo("mount"));
    }

    [TestCase("--mount=type=bind,target=/s,rw", false)]
    [TestCase("--mount=type=bind,target=/s,rw=true", false)]
    [TestCase("--mount=type=cache,target=/s,ro", true)]
    [TestCase("--mount=type=cache,target=/s,readonly=1", true)]
    [TestCase("--mount=type=tmpfs,target=/s", false)]
    [TestCase("--mount=type=bind,src=/x,target=/s,readwrite=false", true)]
    public void Read_only_follows_the_type_unless_set(string flags, bool readOnly) =>
        Assert.That(RunMounts.Of(Run(flags)).Single().ReadOnly, Is.EqualTo(readOnly));

    [TestCase("--mount=type=cache,target=/var/cache/apk", "/var/cache/apk", true)]
    [TestCase("--mount=type=tmpfs,target=/var/cache/apk/", "/var/cache/apk", true)]
    [TestCase("--mount=type=cache,target=/var/cache", "/var/cache/apk/", true)]
    [TestCase("--mount=type=CACHE,dst=/root/.cache", "/root/.cache/pip", true)]
    [TestCase("--mount=type=cache,target=$CACHE", "$CACHE/pip", true)]
    [TestCase("--mount=type=cache,target=/var/cache/apk/x", "/var/cache/apk", false)]
    [TestCase("--mount=type=cache,target=/var/cache/apkx", "/var/cache/apk", false)]
    [TestCase("--mount=type=bind,target=/var/cache/apk", "/var/cache/apk", false)]
    [TestCase("--mount=target=/var/cache/apk", "/var/cache/apk", false)]
    [TestCase("--mount=type=cache,id=x", "/var/cache/apk", false)]
    [TestCase("--mount=type=secret,id=a --mount=type=tmpfs,target=/tmp", "/tmp/x", true)]
    public void Cache_and_tmpfs_mounts_cover_what_is_at_or_below_their_target(string flags, string path, bool covered) =>
        Assert.That(RunMounts.IsCacheOrTmpfsAt(Run(flags), path), Is.EqualTo(covered));
}

using Dflint.Syntax.Grammars;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Grammars;

public sealed class ImageReferenceTests
{
    private const string Sha256 = "sha256:7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa";

    private static string At(string text, TextSpan? span) =>
        span is { } s ? text.Substring(s.Start, s.Length) : "<none>";

    private static string Error(string text)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.False, () => $"{text} should not parse");
        Assert.That(reference, Is.Null);
        return error!;
    }

    // text, registry, domain, path, normalized path, familiar name
    [TestCase("ubuntu", null, "docker.io", "ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("library/ubuntu", null, "docker.io", "library/ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("docker.io/ubuntu", "docker.io", "docker.io", "ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("docker.io/library/ubuntu", "docker.io", "docker.io", "library/ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("index.docker.io/library/ubuntu", "index.docker.io", "docker.io", "library/ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("index.docker.io/ubuntu", "index.docker.io", "docker.io", "ubuntu", "library/ubuntu", "ubuntu")]
    [TestCase("bitnami/redis", null, "docker.io", "bitnami/redis", "bitnami/redis", "bitnami/redis")]
    [TestCase("library/a/b", null, "docker.io", "library/a/b", "library/a/b", "library/a/b")]
    [TestCase("foo/bar/baz", null, "docker.io", "foo/bar/baz", "foo/bar/baz", "foo/bar/baz")]
    [TestCase("ghcr.io/owner/app", "ghcr.io", "ghcr.io", "owner/app", "owner/app", "ghcr.io/owner/app")]
    [TestCase("ghcr.io/app", "ghcr.io", "ghcr.io", "app", "app", "ghcr.io/app")]
    [TestCase("localhost/app", "localhost", "localhost", "app", "app", "localhost/app")]
    [TestCase("localhost:5000/app", "localhost:5000", "localhost:5000", "app", "app", "localhost:5000/app")]
    [TestCase("registry:5000/app", "registry:5000", "registry:5000", "app", "app", "registry:5000/app")]
    [TestCase("127.0.0.1:5000/a/b", "127.0.0.1:5000", "127.0.0.1:5000", "a/b", "a/b", "127.0.0.1:5000/a/b")]
    [TestCase("[::1]/app", "[::1]", "[::1]", "app", "app", "[::1]/app")]
    [TestCase("[2001:db8::1]:5000/app", "[2001:db8::1]:5000", "[2001:db8::1]:5000", "app", "app", "[2001:db8::1]:5000/app")]
    [TestCase("Registry/app", "Registry", "Registry", "app", "app", "Registry/app")]
    [TestCase("my-registry.example.com/team/app", "my-registry.example.com", "my-registry.example.com", "team/app", "team/app", "my-registry.example.com/team/app")]
    [TestCase("a-b.c/x", "a-b.c", "a-b.c", "x", "x", "a-b.c/x")]
    [TestCase("localhost", null, "docker.io", "localhost", "library/localhost", "localhost")]
    [TestCase("example.com", null, "docker.io", "example.com", "library/example.com", "example.com")]
    [TestCase("a.b_c__d---e", null, "docker.io", "a.b_c__d---e", "library/a.b_c__d---e", "a.b_c__d---e")]
    public void ParsesNames(string text, string? registry, string domain, string path, string normalizedPath, string familiar)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.True, () => error ?? string.Empty);
        Assert.That(reference!.Registry, Is.EqualTo(registry));
        Assert.That(reference.Domain, Is.EqualTo(domain));
        Assert.That(reference.Path, Is.EqualTo(path));
        Assert.That(reference.NormalizedPath, Is.EqualTo(normalizedPath));
        Assert.That(reference.FamiliarName, Is.EqualTo(familiar));
        Assert.That(reference.CanonicalName, Is.EqualTo(domain + "/" + normalizedPath));
        Assert.That(reference.Tag, Is.Null);
        Assert.That(reference.Digest, Is.Null);
        Assert.That(At(text, reference.PathSpan), Is.EqualTo(path));
        Assert.That(At(text, reference.RegistrySpan), Is.EqualTo(registry ?? "<none>"));
    }

    [Test]
    public void ParsesTagAndDigestWithSpans()
    {
        var text = "registry.example.com:5000/team/app:1.2-alpine@" + Sha256;
        var reference = ImageReference.Parse(text);
        Assert.That(reference.Registry, Is.EqualTo("registry.example.com:5000"));
        Assert.That(reference.Path, Is.EqualTo("team/app"));
        Assert.That(reference.Tag, Is.EqualTo("1.2-alpine"));
        Assert.That(reference.Digest, Is.EqualTo(Sha256));
        Assert.That(At(text, reference.RegistrySpan), Is.EqualTo("registry.example.com:5000"));
        Assert.That(At(text, reference.PathSpan), Is.EqualTo("team/app"));
        Assert.That(At(text, reference.TagSpan), Is.EqualTo("1.2-alpine"));
        Assert.That(At(text, reference.DigestSpan), Is.EqualTo(Sha256));
        Assert.That(reference.FamiliarString, Is.EqualTo(text));
        Assert.That(reference.ToString(), Is.EqualTo(text));
    }

    [TestCase("ubuntu:22.04", "ubuntu", "22.04")]
    [TestCase("localhost:5000", "localhost", "5000")]
    [TestCase("example.com:5000", "example.com", "5000")]
    [TestCase("ubuntu:latest", "ubuntu", "latest")]
    [TestCase("ubuntu:Latest_1", "ubuntu", "Latest_1")]
    [TestCase("ubuntu:_x", "ubuntu", "_x")]
    [TestCase("a/b:c.d-e", "a/b", "c.d-e")]
    public void ParsesTags(string text, string path, string tag)
    {
        var reference = ImageReference.Parse(text);
        Assert.That(reference.Path, Is.EqualTo(path));
        Assert.That(reference.Tag, Is.EqualTo(tag));
        Assert.That(reference.Registry, Is.Null);
    }

    [Test]
    public void AcceptsTagOf128CharactersButNot129()
    {
        Assert.That(ImageReference.Parse("a:" + new string('t', 128)).Tag, Has.Length.EqualTo(128));
        Assert.That(Error("a:" + new string('t', 129)), Does.Contain("longer than 128").And.Contain("position 130"));
    }

    [Test]
    public void ParsesDigestsOfSupportedAlgorithms()
    {
        Assert.That(ImageReference.Parse("ubuntu@" + Sha256).Digest, Is.EqualTo(Sha256));
        Assert.That(ImageReference.Parse("ubuntu@sha384:" + new string('a', 96)).Tag, Is.Null);
        Assert.That(ImageReference.Parse("ubuntu@sha512:" + new string('0', 128)).Digest, Does.StartWith("sha512:"));
    }

    [TestCase("ubuntu@sha256:abc", "found 3, at position 14")]
    [TestCase("ubuntu@sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", "found 63")]
    [TestCase("ubuntu@sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", "found 65")]
    [TestCase("ubuntu@sha256:" + "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "lowercase")]
    [TestCase("ubuntu@md5:0123456789abcdef0123456789abcdef", "unsupported digest algorithm 'md5'")]
    [TestCase("ubuntu@sha256+b64u:0123456789abcdef0123456789abcdef", "unsupported digest algorithm")]
    [TestCase("ubuntu@", "unexpected end of digest at position 7")]
    [TestCase("ubuntu@1sha:0123456789abcdef0123456789abcdef", "invalid character '1' at position 7 in digest")]
    [TestCase("ubuntu@sha256:0123456789abcdef0123456789abcdefxyz", "invalid character 'x' at position 46 in digest")]
    public void RejectsBadDigests(string text, string expected) =>
        Assert.That(Error(text), Does.Contain(expected));

    [Test]
    public void OfficialImageAndDockerHubFlags()
    {
        Assert.That(ImageReference.Parse("ubuntu").IsOfficialImage, Is.True);
        Assert.That(ImageReference.Parse("docker.io/library/ubuntu:22.04").IsOfficialImage, Is.True);
        Assert.That(ImageReference.Parse("bitnami/redis").IsOfficialImage, Is.False);
        Assert.That(ImageReference.Parse("bitnami/redis").IsDockerHub, Is.True);
        Assert.That(ImageReference.Parse("library/a/b").IsOfficialImage, Is.False);
        Assert.That(ImageReference.Parse("ghcr.io/ubuntu").IsOfficialImage, Is.False);
        Assert.That(ImageReference.Parse("ghcr.io/ubuntu").IsDockerHub, Is.False);
        Assert.That(ImageReference.Parse("index.docker.io/ubuntu").IsDockerHub, Is.True);
    }

    [Test]
    public void Scratch()
    {
        var scratch = ImageReference.Parse("scratch");
        Assert.That(scratch.IsScratch, Is.True);
        Assert.That(scratch.NormalizedPath, Is.EqualTo("library/scratch"));
        Assert.That(ImageReference.Parse("scratch:latest").IsScratch, Is.False);
        Assert.That(ImageReference.Parse("docker.io/scratch").IsScratch, Is.False);
        Assert.That(ImageReference.Parse("ubuntu").IsScratch, Is.False);
    }

    [TestCase("", "empty")]
    [TestCase("Ubuntu", "must be lowercase: 'U' at position 0")]
    [TestCase("ubuntU:1", "must be lowercase: 'U' at position 5")]
    [TestCase("foo/Bar", "must be lowercase: 'B' at position 4")]
    [TestCase("ghcr.io/Owner/app", "must be lowercase: 'O' at position 8")]
    [TestCase("ubuntu:", "missing tag after ':' at position 6")]
    [TestCase("ubuntu:-x", "invalid character '-' at position 7 in tag")]
    [TestCase("ubuntu:.x", "invalid character '.' at position 7 in tag")]
    [TestCase("ubuntu:a b", "invalid character ' ' at position 8 in tag")]
    [TestCase("ubuntu:a/b", "invalid character ':' at position 6 in registry host")]
    [TestCase("ubuntu:a:b", "invalid character ':' at position 8 in tag")]
    [TestCase(":tag", "missing repository name at position 0")]
    [TestCase("@" + Sha256, "missing repository name at position 0")]
    [TestCase("ghcr.io/", "missing repository name at position 8")]
    [TestCase("ghcr.io/:x", "missing repository name at position 8")]
    [TestCase("a..b", "invalid character '.' at position 1 in repository name")]
    [TestCase("a.", "invalid character '.' at position 1 in repository name")]
    [TestCase(".a", "invalid character '.' at position 0 in repository name")]
    [TestCase("a___b", "invalid character '_' at position 1 in repository name")]
    [TestCase("a-", "invalid character '-' at position 1 in repository name")]
    [TestCase("a/", "unexpected end of repository name at position 2")]
    [TestCase("a//b", "invalid character '/' at position 2 in repository name")]
    [TestCase("foo/-bar", "invalid character '-' at position 4 in repository name")]
    [TestCase("foo bar", "invalid character ' ' at position 3 in repository name")]
    [TestCase("-registry.io/app", "invalid character '-' at position 0 in registry host")]
    [TestCase("registry-.io/app", "invalid character '-' at position 8 in registry host")]
    [TestCase("reg_istry.io/app", "invalid character '_' at position 3 in registry host")]
    [TestCase("registry.io:/app", "invalid character ':' at position 11 in registry host")]
    [TestCase("registry.io:5x/app", "invalid character 'x' at position 13 in registry host")]
    [TestCase("[::1/app", "registry host")]
    [TestCase("[zz]/app", "invalid character '[' at position 0 in repository name")]
    [TestCase("[zz]:5000/app", "registry host")]
    [TestCase("a.-b/app", "invalid character '-' at position 2 in registry host")]
    [TestCase("ubuntu:1.0/foo", "registry host")]
    public void RejectsMalformedReferences(string text, string expected) =>
        Assert.That(Error(text), Does.Contain(expected));

    [Test]
    public void RejectsImageIds() =>
        Assert.That(Error("7cc4b5aefd1d0cadf8d97d4350462ba51c694ebca145b08d7d41b41acc8db5aa"), Does.Contain("image ID"));

    [Test]
    public void EnforcesTotalNameLength()
    {
        // The limit applies to the normalized name: "docker.io/library/" plus the path.
        var longest = new string('a', 255 - "docker.io/library/".Length);
        Assert.That(ImageReference.TryParse(longest, out _, out _), Is.True);
        Assert.That(Error(longest + "a"), Does.Contain("255"));
        Assert.That(ImageReference.TryParse("ns/" + new string('a', 255 - "docker.io/ns/".Length), out _, out _), Is.True);
    }

    [TestCase("$IMAGE", "'IMAGE' at position 0")]
    [TestCase("${BASE}:latest", "'BASE' at position 0")]
    [TestCase("ubuntu:${TAG:-22.04}", "'TAG' at position 7")]
    [TestCase("ghcr.io/$OWNER/app", "'OWNER' at position 8")]
    [TestCase("ubuntu:$", "invalid character '$' at position 7")]
    [TestCase("ubuntu${", "position 6")]
    public void RejectsUnexpandedVariables(string text, string expected)
    {
        var error = Error(text);
        Assert.That(error, Does.Contain(expected));
    }

    [Test]
    public void ParseThrowsFormatExceptionWithTheMessage()
    {
        var ex = Assert.Throws<FormatException>(() => ImageReference.Parse("Ubuntu"));
        Assert.That(ex!.Message, Does.Contain("lowercase"));
    }

    [Test]
    public void NeverThrowsFromTryParse()
    {
        var random = new Random(42);
        const string alphabet = "aZ09.-_/:@[]$ {}";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 20)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.DoesNotThrow(() =>
            {
                if (ImageReference.TryParse(text, out var reference, out var error))
                {
                    Assert.That(error, Is.Null);
                    Assert.That(reference.PathSpan.Length, Is.GreaterThan(0));
                }
                else
                {
                    Assert.That(error, Is.Not.Empty);
                }
            }, text);
        }

        Assert.That(ImageReference.TryParse(null!, out _, out var nullError), Is.False);
        Assert.That(nullError, Does.Contain("empty"));
    }
}

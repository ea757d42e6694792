using System.Diagnostics.CodeAnalysis;
using Sprache;

namespace Dflint.Syntax.Grammars;

/// <summary>
/// A parsed image reference (<c>[registry/]path[:tag][@digest]</c>) following the grammar and
/// Docker Hub normalization of github.com/distribution/reference, which BuildKit uses for
/// <c>FROM</c> and <c>--from</c>. Spans are offsets into the parsed text.
/// </summary>
public sealed record ImageReference
{
    public const string DockerHubDomain = "docker.io";
    public const string ScratchName = "scratch";

    private const string LegacyDockerHubDomain = "index.docker.io";
    private const string OfficialPrefix = "library/";
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;

    private ImageReference(string text, string? registry, string path, string? tag, string? digest, TextSpan? registrySpan, TextSpan pathSpan, TextSpan? tagSpan, TextSpan? digestSpan)
    {
        Text = text;
        Registry = registry;
        Domain = registry is null or LegacyDockerHubDomain ? DockerHubDomain : registry;
        Path = path;
        NormalizedPath = Domain == DockerHubDomain && !path.Contains('/') ? OfficialPrefix + path : path;
        Tag = tag;
        Digest = digest;
        RegistrySpan = registrySpan;
        PathSpan = pathSpan;
        TagSpan = tagSpan;
        DigestSpan = digestSpan;
    }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>The registry host (and port) as written, or null when the reference names none.</summary>
    public string? Registry { get; }

    /// <summary>The registry with Docker Hub's default and legacy names normalized to <c>docker.io</c>.</summary>
    public string Domain { get; }

    /// <summary>The repository path as written.</summary>
    public string Path { get; }

    /// <summary>The repository path with <c>library/</c> added for single-component Docker Hub names.</summary>
    public string NormalizedPath { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    public TextSpan? RegistrySpan { get; }

    public TextSpan PathSpan { get; }

    /// <summary>Span of the tag, excluding the ':'.</summary>
    public TextSpan? TagSpan { get; }

    /// <summary>Span of the digest, excluding the '@'.</summary>
    public TextSpan? DigestSpan { get; }

    public bool IsDockerHub => Domain == DockerHubDomain;

    /// <summary>True for Docker Hub's official images, whose canonical path is <c>library/name</c>.</summary>
    public bool IsOfficialImage =>
        IsDockerHub && NormalizedPath.StartsWith(OfficialPrefix, StringComparison.Ordinal) && NormalizedPath.IndexOf('/', OfficialPrefix.Length) < 0;

    /// <summary>True for the bare name <c>scratch</c>, which BuildKit treats as the empty base image rather than pulling it.</summary>
    public bool IsScratch => Registry is null && Tag is null && Digest is null && Path == ScratchName;

    /// <summary>The fully qualified repository name, e.g. <c>docker.io/library/ubuntu</c>.</summary>
    public string CanonicalName => Domain + "/" + NormalizedPath;

    /// <summary>The short repository name Docker shows, e.g. <c>ubuntu</c> or <c>ghcr.io/o/app</c>.</summary>
    public string FamiliarName
    {
        get
        {
            if (!IsDockerHub)
            {
                return CanonicalName;
            }

            return IsOfficialImage ? NormalizedPath[OfficialPrefix.Length..] : NormalizedPath;
        }
    }

    /// <summary><see cref="FamiliarName"/> with the tag and digest.</summary>
    public string FamiliarString => FamiliarName + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public override string ToString() => Text;

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = Validate(text, out var parts);
        if (error is not null)
        {
            return false;
        }

        var (registryLength, pathStart, pathEnd, tagEnd) = parts;
        var registry = registryLength > 0 ? text[..registryLength] : null;
        var hasTag = pathEnd < text.Length && text[pathEnd] == ':';
        var hasDigest = tagEnd < text.Length;
        reference = new ImageReference(
            text,
            registry,
            text[pathStart..pathEnd],
            hasTag ? text[(pathEnd + 1)..tagEnd] : null,
            hasDigest ? text[(tagEnd + 1)..] : null,
            registry is null ? null : new TextSpan(0, registryLength),
            TextSpan.FromBounds(pathStart, pathEnd),
            hasTag ? TextSpan.FromBounds(pathEnd + 1, tagEnd) : null,
            hasDigest ? TextSpan.FromBounds(tagEnd + 1, text.Length) : null);
        return true;
    }

    private static string? Validate(string? text, out (int RegistryLength, int PathStart, int PathEnd, int TagEnd) parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(text))
        {
            return "image reference is empty";
        }

        var dollar = text.IndexOf('$', StringComparison.Ordinal);
        if (dollar >= 0)
        {
            var references = ShellWordProcessor.FindVariableReferences(text, '\\');
            return references.Length > 0
                ? $"image reference contains an unexpanded variable '{references[0].Name}' at position {references[0].Span.Start}; build arguments must be expanded first"
                : $"invalid character '$' at position {dollar} in image reference";
        }

        if (text.Length == 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return "invalid repository name: a 64-character hexadecimal string is an image ID, not a reference";
        }

        var registryLength = 0;
        var pathStart = 0;
        var slash = text.IndexOf('/');
        if (slash >= 0 && LooksLikeDomain(text.AsSpan(0, slash)))
        {
            var domainError = Check(Part.Domain, text, 0, slash, "registry host");
            if (domainError is not null)
            {
                return domainError;
            }

            registryLength = slash;
            pathStart = slash + 1;
        }

        var pathEnd = text.IndexOfAny([':', '@'], pathStart);
        if (pathEnd < 0)
        {
            pathEnd = text.Length;
        }

        if (pathEnd == pathStart)
        {
            return $"missing repository name at position {pathStart}";
        }

        for (var i = pathStart; i < pathEnd; i++)
        {
            if (char.IsAsciiLetterUpper(text[i]))
            {
                return $"repository name must be lowercase: '{text[i]}' at position {i}";
            }
        }

        var pathError = Check(Part.Path, text, pathStart, pathEnd, "repository name");
        if (pathError is not null)
        {
            return pathError;
        }

        var tagEnd = pathEnd;
        if (pathEnd < text.Length && text[pathEnd] == ':')
        {
            tagEnd = text.IndexOf('@', pathEnd + 1);
            if (tagEnd < 0)
            {
                tagEnd = text.Length;
            }

            if (tagEnd == pathEnd + 1)
            {
                return $"missing tag after ':' at position {pathEnd}";
            }

            var tagError = Check(Part.Tag, text, pathEnd + 1, tagEnd, "tag");
            if (tagError is not null)
            {
                return tagError;
            }

            if (tagEnd - pathEnd - 1 > MaxTagLength)
            {
                return $"tag is longer than {MaxTagLength} characters at position {pathEnd + 1 + MaxTagLength}";
            }
        }

        if (tagEnd < text.Length)
        {
            var digestError = CheckDigest(text, tagEnd + 1);
            if (digestError is not null)
            {
                return digestError;
            }
        }

        var domain = registryLength == 0 || text.AsSpan(0, registryLength) is LegacyDockerHubDomain ? DockerHubDomain : text[..registryLength];
        var pathLength = pathEnd - pathStart;
        var official = domain == DockerHubDomain && text.AsSpan(pathStart, pathLength).IndexOf('/') < 0;
        var nameLength = domain.Length + 1 + (official ? OfficialPrefix.Length : 0) + pathLength;
        if (nameLength > MaxNameLength)
        {
            return $"repository name must not be more than {MaxNameLength} characters (normalized name has {nameLength}) at position {pathStart}";
        }

        parts = (registryLength, pathStart, pathEnd, tagEnd);
        return null;
    }

    /// <summary>Docker's rule for when the first path component names a registry rather than a namespace.</summary>
    private static bool LooksLikeDomain(ReadOnlySpan<char> component) =>
        component is "localhost" or LegacyDockerHubDomain
        || component.IndexOfAny('.', ':') >= 0
        || component.IndexOfAnyInRange('A', 'Z') >= 0;

    private static string? CheckDigest(string text, int start)
    {
        var error = Check(Part.Digest, text, start, text.Length, "digest");
        if (error is not null)
        {
            return error;
        }

        var colon = text.IndexOf(':', start);
        var algorithm = text.AsSpan(start, colon - start);
        var hex = text.AsSpan(colon + 1);
        int expected = algorithm switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => 0,
        };
        if (expected == 0)
        {
            return $"unsupported digest algorithm '{algorithm}' at position {start}";
        }

        if (hex.Length != expected)
        {
            return $"{algorithm} digest must have {expected} hexadecimal characters, found {hex.Length}, at position {colon + 1}";
        }

        var upper = hex.IndexOfAnyInRange('A', 'F');
        if (upper >= 0)
        {
            return $"digest must use lowercase hexadecimal: '{hex[upper]}' at position {colon + 1 + upper}";
        }

        return null;
    }

    internal enum Part
    {
        Path,
        Domain,
        Tag,
        Digest,
    }

    private static string? Check(Part part, string text, int start, int end, string what)
    {
        // Nearly every reference is plain; the hand check accepts only what the grammar accepts (a test holds it to
        // that), so the grammar runs, and is loaded, only for unusual or invalid text and for its error position.
        if (PlainMatch(part, text.AsSpan(start, end - start))) return null;
        var result = Grammar(part).TryParse(text[start..end]);
        if (result.WasSuccessful)
        {
            return null;
        }

        var position = start + result.Remainder.Position;
        return position >= end
            ? $"unexpected end of {what} at position {position}"
            : $"invalid character '{text[position]}' at position {position} in {what}";
    }

    /// <summary>A quick, conservative match of the common forms of each grammar: false means "ask the grammar".</summary>
    internal static bool PlainMatch(Part part, ReadOnlySpan<char> text) => part switch
    {
        Part.Path => PlainPath(text),
        Part.Domain => PlainDomain(text),
        Part.Tag => PlainTag(text),
        _ => PlainDigest(text),
    };

    internal static bool GrammarMatch(Part part, string text) => Grammar(part).TryParse(text).WasSuccessful;

    private static Parser<bool> Grammar(Part part) => part switch
    {
        Part.Path => Grammars.Path,
        Part.Domain => Grammars.Domain,
        Part.Tag => Grammars.Tag,
        _ => Grammars.Digest,
    };

    /// <summary>Components of lowercase letters and digits joined by '/', with single '.', '_' or '-' inside them.</summary>
    private static bool PlainPath(ReadOnlySpan<char> text)
    {
        var previousIsAlphanumeric = false;
        foreach (var c in text)
        {
            if (IsLowerAlphanumeric(c))
            {
                previousIsAlphanumeric = true;
                continue;
            }
            if (!previousIsAlphanumeric || c is not ('/' or '.' or '_' or '-')) return false;
            previousIsAlphanumeric = false;
        }
        return previousIsAlphanumeric;
    }

    /// <summary>Host components of letters and digits with single inner '-', joined by '.', then an optional :port.</summary>
    private static bool PlainDomain(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            var port = text[(colon + 1)..];
            if (port.IsEmpty || port.ContainsAnyExceptInRange('0', '9')) return false;
            text = text[..colon];
        }
        var previousIsAlphanumeric = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                previousIsAlphanumeric = true;
                continue;
            }
            if (!previousIsAlphanumeric || c is not ('.' or '-')) return false;
            previousIsAlphanumeric = false;
        }
        return previousIsAlphanumeric;
    }

    private static bool PlainTag(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !IsWordCharacter(text[0])) return false;
        foreach (var c in text[1..])
        {
            if (!IsWordCharacter(c) && c is not ('.' or '-')) return false;
        }
        return true;
    }

    /// <summary>An algorithm of letters and digits starting with a letter, ':', hexadecimal digits.</summary>
    private static bool PlainDigest(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || !char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        foreach (var c in text[(colon + 1)..])
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }
        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsWordCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The Sprache grammars, in a class of their own so that they are built on first use only.</summary>
    private static class Grammars
    {
        // Path component: [a-z0-9]+ joined by '.', '_', '__' or runs of '-'. "__" is tried before '_'
        // because Sprache's Or does not revisit a branch once the rest of the sequence fails.
        private static readonly Parser<IEnumerable<char>> LowerRun = Sprache.Parse.Char(IsLowerAlphanumeric, "lowercase letter or digit").AtLeastOnce();

        private static readonly Parser<IEnumerable<char>> PathSeparator =
            Sprache.Parse.String("__")
                .Or(Sprache.Parse.Char('.').Once())
                .Or(Sprache.Parse.Char('_').Once())
                .Or(Sprache.Parse.Char('-').AtLeastOnce());

        private static readonly Parser<bool> PathComponent =
            LowerRun.Then(_ => PathSeparator.Then(_ => LowerRun).Many()).Return(true);

        public static readonly Parser<bool> Path =
            PathComponent.XDelimitedBy(Sprache.Parse.Char('/')).Return(true).End();

        // Domain component: alphanumerics with inner dashes; it cannot start or end with '-'.
        private static readonly Parser<IEnumerable<char>> HostRun = Sprache.Parse.Char(char.IsAsciiLetterOrDigit, "letter or digit").AtLeastOnce();

        private static readonly Parser<bool> HostComponent =
            HostRun.Then(_ => Sprache.Parse.Char('-').Many().Then(_ => HostRun).Many()).Return(true);

        private static readonly Parser<bool> Ipv6 =
            Sprache.Parse.Char('[')
                .Then(_ => Sprache.Parse.Char(c => char.IsAsciiHexDigit(c) || c == ':', "hexadecimal digit or ':'").AtLeastOnce())
                .Then(_ => Sprache.Parse.Char(']'))
                .Return(true);

        public static readonly Parser<bool> Domain =
            Ipv6.Or(HostComponent.XDelimitedBy(Sprache.Parse.Char('.')).Return(true))
                .Then(_ => Sprache.Parse.Char(':').Then(_ => Sprache.Parse.Digit.AtLeastOnce()).Optional())
                .Return(true)
                .End();

        public static readonly Parser<bool> Tag =
            Sprache.Parse.Char(IsWordCharacter, "word character")
                .Then(_ => Sprache.Parse.Char(c => IsWordCharacter(c) || c is '.' or '-', "tag character").Many())
                .Return(true)
                .End();

        // algorithm-component ([-_+.] algorithm-component)* ':' hex{32,}
        private static readonly Parser<IEnumerable<char>> AlgorithmComponent =
            Sprache.Parse.Char(char.IsAsciiLetter, "letter").Once().Concat(Sprache.Parse.Char(char.IsAsciiLetterOrDigit, "letter or digit").Many());

        public static readonly Parser<bool> Digest =
            AlgorithmComponent
                .Then(_ => Sprache.Parse.Chars('-', '_', '+', '.').Then(_ => AlgorithmComponent).Many())
                .Then(_ => Sprache.Parse.Char(':'))
                .Then(_ => Sprache.Parse.Char(char.IsAsciiHexDigit, "hexadecimal digit").AtLeastOnce())
                .Return(true)
                .End();
    }
}

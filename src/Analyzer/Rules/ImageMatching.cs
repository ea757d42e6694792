using Dflint.Syntax.Grammars;

namespace Dflint.Rules;

/// <summary>Matching image references against patterns from configuration (<c>*</c> matches any run of characters).</summary>
public static class ImageMatching
{
    /// <summary>True when <paramref name="pattern"/> matches the image's familiar or canonical form, with its tag.</summary>
    public static bool Matches(ImageReference image, string pattern)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(pattern);
        var tag = image.Tag is null ? "" : ":" + image.Tag;
        return Wildcard(pattern, image.FamiliarName + tag) || Wildcard(pattern, image.CanonicalName + tag)
            || (image.Tag is null && (Wildcard(pattern, image.FamiliarName) || Wildcard(pattern, image.CanonicalName)));
    }

    /// <summary>True when the image's registry is one of <paramref name="registries"/> (<c>*.example.com</c> allowed).</summary>
    public static bool IsFromRegistry(ImageReference image, IEnumerable<string> registries)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(registries);
        return registries.Any(r => Wildcard(NormalizeRegistry(r), image.Domain.ToLowerInvariant()));
    }

    /// <summary>Docker Hub goes by several host names; they are all docker.io.</summary>
    public static string NormalizeRegistry(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var lowered = registry.Trim().TrimEnd('/').ToLowerInvariant();
        return lowered is "index.docker.io" or "registry-1.docker.io" or "hub.docker.com" or "registry.hub.docker.com" ? ImageReference.DockerHubDomain : lowered;
    }

    /// <summary>Glob with <c>*</c> only; the classic two-pointer match, which never backtracks more than once per star.</summary>
    public static bool Wildcard(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && pattern[p] == text[t])
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}

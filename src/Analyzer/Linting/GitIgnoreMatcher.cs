namespace Dflint.Linting;

/// <summary>What the patterns of one <c>.gitignore</c> file say about a path.</summary>
public enum GitIgnoreVerdict
{
    /// <summary>No pattern matches; an outer file, or <c>.git/info/exclude</c>, decides.</summary>
    NotMatched,

    /// <summary>The last matching pattern excludes the path.</summary>
    Ignored,

    /// <summary>The last matching pattern is a <c>!</c> negation: the path is not ignored, whatever outer files say.</summary>
    Included,
}

/// <summary>
/// The patterns of one <c>.gitignore</c> (or <c>.git/info/exclude</c>) file with git's semantics. Paths are
/// relative to the folder holding the file, separated by <c>/</c>, without a leading or trailing slash.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class GitIgnoreMatcher
{
    private readonly ImmutableArray<GitIgnorePattern> _patterns;

    private GitIgnoreMatcher(ImmutableArray<GitIgnorePattern> patterns) => _patterns = patterns;

    public static GitIgnoreMatcher Empty { get; } = new([]);

    /// <summary>No line of the file is a pattern.</summary>
    public bool IsEmpty => _patterns.IsEmpty;

    /// <summary>Reads a file's text: one pattern per line, LF or CRLF, a byte order mark skipped, blank and <c>#</c> lines ignored.</summary>
    public static GitIgnoreMatcher Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        if (rest.StartsWith("\uFEFF")) rest = rest[1..];
        var patterns = ImmutableArray.CreateBuilder<GitIgnorePattern>();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (line.EndsWith("\r")) line = line[..^1];
            if (GitIgnorePattern.Parse(line) is { } pattern) patterns.Add(pattern);
        }
        return patterns.Count == 0 ? Empty : new GitIgnoreMatcher(patterns.ToImmutable());
    }

    /// <summary>The verdict of the last pattern that matches the path itself; folders above it are not looked at.</summary>
    public GitIgnoreVerdict Match(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return Match(relativePath.AsSpan(), isDirectory);
    }

    /// <summary>
    /// Whether git ignores the path by this file alone: a path inside an ignored folder is ignored even when a
    /// negation matches it, because git never looks inside an ignored folder.
    /// </summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        for (var slash = relativePath.IndexOf('/'); slash >= 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            if (Match(relativePath.AsSpan(0, slash), isDirectory: true) == GitIgnoreVerdict.Ignored) return true;
        }
        return Match(relativePath.AsSpan(), isDirectory) == GitIgnoreVerdict.Ignored;
    }

    internal GitIgnoreVerdict Match(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        for (var i = _patterns.Length - 1; i >= 0; i--)
        {
            var pattern = _patterns[i];
            if (pattern.Matches(relativePath, isDirectory)) return pattern.IsNegated ? GitIgnoreVerdict.Included : GitIgnoreVerdict.Ignored;
        }
        return GitIgnoreVerdict.NotMatched;
    }
}

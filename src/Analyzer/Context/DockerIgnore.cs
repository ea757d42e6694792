namespace Dflint.Context;

/// <summary>A line of an ignore file that Docker rejects or dflint cannot model; the pattern is left out.</summary>
public sealed record DockerIgnoreProblem(int Line, string Message);

/// <summary>What decided whether a path is excluded: the last pattern that matched it (or one of its folders), if any.</summary>
public readonly record struct DockerIgnoreMatch(bool IsExcluded, DockerIgnorePattern? Pattern);

/// <summary>
/// A <c>.dockerignore</c> file read the way BuildKit reads it, and matched the way the build context is filtered
/// when it is sent: walking down from the context root, a path is excluded when the last pattern that matches it or
/// one of its folders is not an exception. So a pattern that matches a folder excludes everything under it, and a
/// later <c>!</c> exception can bring back files under an excluded folder.
/// </summary>
/// <remarks>
/// Reading (BuildKit's dockerignore reader): a UTF-8 byte order mark is dropped; a line whose first character is
/// <c>#</c> is a comment (after leading spaces it is a pattern); each line is trimmed; a leading <c>!</c> marks an
/// exception and is trimmed again; the rest is cleaned like Go's <c>filepath.Clean</c> (so <c>./a/</c> is <c>a</c>
/// and <c>a/../b</c> is <c>b</c>) and loses a leading <c>/</c>. Matching is case-sensitive, with <c>/</c> as the
/// separator, as on a Linux or macOS client.
/// </remarks>
public sealed class DockerIgnore
{
    public static readonly DockerIgnore Empty = new([], []);

    private DockerIgnore(ImmutableArray<DockerIgnorePattern> patterns, ImmutableArray<DockerIgnoreProblem> problems)
    {
        Patterns = patterns;
        Problems = problems;
        foreach (var pattern in patterns) HasExceptions |= pattern.IsException;
        OnlyLiteralExceptions = true;
        foreach (var pattern in patterns)
        {
            if (pattern.IsException && WithoutTrailingGlob(pattern.Text).AsSpan().IndexOfAny("*[]?^\\") >= 0) OnlyLiteralExceptions = false;
        }
    }

    /// <summary>The usable patterns, in file order.</summary>
    public ImmutableArray<DockerIgnorePattern> Patterns { get; }

    /// <summary>Lines left out: Docker would reject the file, or dflint cannot model the pattern.</summary>
    public ImmutableArray<DockerIgnoreProblem> Problems { get; }

    /// <summary>Some pattern starts with <c>!</c>: an excluded folder may still hold included files.</summary>
    public bool HasExceptions { get; }

    // Every exception is a plain path (perhaps ending in /* or /**), so a folder no exception starts with holds nothing included.
    private bool OnlyLiteralExceptions { get; }

    /// <summary>Reads an ignore file's text.</summary>
    public static DockerIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var patterns = ImmutableArray.CreateBuilder<DockerIgnorePattern>();
        var problems = ImmutableArray.CreateBuilder<DockerIgnoreProblem>();
        var lineNumber = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            // Go's line scanner: lines end at "\n", and one "\r" before it is dropped.
            var newline = rest.IndexOf('\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (lineNumber == 0 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            lineNumber++;
            if (line.Length > 0 && line[0] == '#') continue;
            var entry = line.Trim();
            if (entry.IsEmpty) continue;
            var isException = entry[0] == '!';
            if (isException) entry = entry[1..].Trim();
            var cleaned = entry.ToString();
            if (cleaned.Length > 0)
            {
                cleaned = GoPath.Clean(cleaned);
                if (cleaned.Length > 1 && cleaned[0] == '/') cleaned = cleaned[1..];
            }
            Add(isException ? "!" + cleaned : cleaned, lineNumber, patterns, problems);
        }
        return new DockerIgnore(patterns.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Patterns given as Docker's pattern matcher takes them, such as <c>COPY --exclude</c> values (no leading-slash or comment handling).</summary>
    public static DockerIgnore FromPatterns(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var patterns = ImmutableArray.CreateBuilder<DockerIgnorePattern>();
        var problems = ImmutableArray.CreateBuilder<DockerIgnoreProblem>();
        foreach (var entry in entries) Add(entry, 0, patterns, problems);
        return new DockerIgnore(patterns.ToImmutable(), problems.ToImmutable());
    }

    private static void Add(string entry, int line, ImmutableArray<DockerIgnorePattern>.Builder patterns, ImmutableArray<DockerIgnoreProblem>.Builder problems)
    {
        if (DockerIgnorePattern.Compile(entry, line, out var problem) is { } pattern) patterns.Add(pattern);
        else if (problem is not null) problems.Add(new DockerIgnoreProblem(line, problem));
    }

    /// <summary>Whether the context leaves out <paramref name="path"/> (relative to the context, <c>/</c>-separated; it is cleaned first).</summary>
    public bool IsExcluded(string path) => Match(path).IsExcluded;

    /// <summary>
    /// Whether the context leaves out <paramref name="path"/>, and the pattern that decided. The path is evaluated
    /// folder by folder from the context root, each level starting from its parent's results, exactly as the
    /// context is filtered while it is walked. The context root itself is never excluded.
    /// </summary>
    public DockerIgnoreMatch Match(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        path = GoPath.Clean(path);
        if (Patterns.IsEmpty || path == "." || path.StartsWith('/') || path == ".." || path.StartsWith("../", StringComparison.Ordinal)) return default;
        var count = Patterns.Length;
        var onStack = count <= 64;
        Span<bool> parent = onStack ? stackalloc bool[count] : new bool[count];
        Span<bool> current = onStack ? stackalloc bool[count] : new bool[count];
        var result = default(DockerIgnoreMatch);
        var first = true;
        var end = 0;
        while (end < path.Length)
        {
            end = path.IndexOf('/', end + 1);
            if (end < 0) end = path.Length;
            result = Evaluate(path[..end], first ? default : parent, current);
            first = false;
            var swap = parent;
            parent = current;
            current = swap;
        }
        return result;
    }

    /// <summary>
    /// One level of the walk (moby's <c>MatchesUsingParentResults</c>): a pattern that matched the parent folder
    /// matches here too; otherwise it is tried only when it could change the verdict so far (an exception only when
    /// the path is excluded, a plain pattern only when it is not). <paramref name="matched"/> receives, per pattern,
    /// whether it matched, for the children.
    /// </summary>
    /// <param name="path">The clean path.</param>
    /// <param name="parentMatched">The parent's results; empty for an entry at the context root.</param>
    /// <param name="matched">Receives this path's results.</param>
    internal DockerIgnoreMatch Evaluate(string path, ReadOnlySpan<bool> parentMatched, Span<bool> matched)
    {
        var excluded = false;
        DockerIgnorePattern? decider = null;
        for (var i = 0; i < Patterns.Length; i++)
        {
            var pattern = Patterns[i];
            var match = !parentMatched.IsEmpty && parentMatched[i];
            if (!match)
            {
                if (pattern.IsException != excluded)
                {
                    matched[i] = false;
                    continue;
                }
                match = pattern.Matches(path);
                if (!match && parentMatched.IsEmpty) match = MatchesAFolderOf(pattern, path);
            }
            matched[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
                decider = pattern;
            }
        }
        return new DockerIgnoreMatch(excluded, decider);
    }

    // Without the parent's results, each folder of the path is tried (moby's MatchesOrParentMatches).
    private static bool MatchesAFolderOf(DockerIgnorePattern pattern, string path)
    {
        for (var slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.Matches(path[..slash])) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a walk must still look inside the excluded folder <paramref name="folder"/>: an exception might
    /// re-include something below it. Mirrors the context sender's shortcut, so it is false exactly when nothing
    /// below can be sent.
    /// </summary>
    public bool MayIncludeBelow(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!HasExceptions) return false;
        if (!OnlyLiteralExceptions) return true;
        var prefix = folder + "/";
        foreach (var pattern in Patterns)
        {
            if (pattern.IsException && (WithoutTrailingGlob(pattern.Text) + "/").StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // The sender trims "/**", then "/*", before comparing an exception with a folder.
    private static string WithoutTrailingGlob(string text)
    {
        if (text.EndsWith("/**", StringComparison.Ordinal)) text = text[..^3];
        if (text.EndsWith("/*", StringComparison.Ordinal)) text = text[..^2];
        return text;
    }
}

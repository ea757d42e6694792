using System.Collections.Frozen;

namespace Dflint.Context;

/// <summary>
/// The build context a Dockerfile is built with: a folder on disk and the ignore file that filters it. Rules see it
/// through <see cref="Analysis.AnalyzerOptions.BuildContext"/>, which is null when the context is unknown.
/// Paths are relative to the context root, <c>/</c>-separated; they are cleaned before use, and <c>.</c> is the root.
/// </summary>
/// <remarks>
/// The ignore file is the one BuildKit uses: <c>&lt;Dockerfile name&gt;.dockerignore</c> next to the Dockerfile
/// when it exists (it replaces the other), else <c>.dockerignore</c> at the context root. Instances are shared by
/// every Dockerfile built with the same folder and ignore file, and are thread-safe.
/// </remarks>
public sealed class BuildContext
{
    /// <summary>The most entries a walk of the context visits by default; past it, <see cref="ContextSnapshot.IsTruncated"/> is set.</summary>
    public const int DefaultMaxWalkedEntries = 20_000;

    // Folders of dependencies, build output, caches and version control: they are reported as a whole when sent,
    // and not searched, so that one node_modules does not use up the walk or turn its test keys into findings.
    private static readonly FrozenSet<string> s_opaqueFolders = FrozenSet.Create(StringComparer.Ordinal,
    [
        ".git", ".hg", ".svn", "node_modules", "bower_components", "vendor", "__pycache__", ".venv", "venv",
        ".tox", ".gradle", ".terraform", "target", "bin", "obj",
    ]);

    private readonly ContextFolder _folder;
    private readonly Lazy<ContextSnapshot> _sent;
    private readonly int _maxWalkedEntries;

    internal BuildContext(ContextFolder folder, string? ignoreFilePath, string ignoreFileName, string? dockerfileIgnoreFileName, DockerIgnore ignore, int maxWalkedEntries)
    {
        _folder = folder;
        _maxWalkedEntries = maxWalkedEntries;
        IgnoreFilePath = ignoreFilePath;
        IgnoreFileName = ignoreFileName;
        DockerfileIgnoreFileName = dockerfileIgnoreFileName;
        Ignore = ignore;
        _sent = new Lazy<ContextSnapshot>(WalkSent, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The context folder's full path.</summary>
    public string FolderPath => _folder.Root;

    /// <summary>The full path of the ignore file that applies; null when there is none.</summary>
    public string? IgnoreFilePath { get; }

    public bool HasIgnoreFile => IgnoreFilePath is not null;

    /// <summary>The ignore file as messages name it: <c>.dockerignore</c>, or the Dockerfile's own (<c>api.Dockerfile.dockerignore</c>).</summary>
    public string IgnoreFileName { get; }

    /// <summary>The name a Dockerfile-specific ignore file would have (<c>api.Dockerfile.dockerignore</c>); null when the Dockerfile has no name.</summary>
    public string? DockerfileIgnoreFileName { get; }

    /// <summary>The patterns in effect; <see cref="DockerIgnore.Empty"/> without an ignore file.</summary>
    public DockerIgnore Ignore { get; }

    /// <summary>Whether the path exists in the folder (whatever the ignore file says).</summary>
    public bool Exists(string path) => TryClean(path, out var clean) && _folder.Exists(clean);

    /// <summary>Whether the path is a folder, or a link to one (whatever the ignore file says).</summary>
    public bool IsDirectory(string path) => TryClean(path, out var clean) && _folder.IsDirectory(clean);

    /// <summary>Whether the ignore file leaves the path out of what the build receives.</summary>
    public bool IsIgnored(string path) => Ignore.IsExcluded(path);

    /// <summary>Whether the context root holds <c>.git</c> (a folder, or the file of a worktree or submodule).</summary>
    public bool HasGit => _folder.Exists(".git");

    /// <summary>The entries directly in a folder, before the ignore file, sorted by name; links are listed as files.</summary>
    public ImmutableArray<ContextEntry> List(string folder) => TryClean(folder, out var clean) ? _folder.List(clean) : [];

    /// <summary>
    /// What the build receives, walked once: every file and folder the ignore file lets through, except inside
    /// folders of dependencies, build output and version control (<c>node_modules</c>, <c>vendor</c>,
    /// <c>target</c>, <c>bin</c>, <c>obj</c>, virtual environments, <c>.git</c>, ...), which are listed but not
    /// entered. Bounded by <see cref="DefaultMaxWalkedEntries"/> entries visited.
    /// </summary>
    public ContextSnapshot Sent => _sent.Value;

    /// <summary>
    /// The paths a COPY or ADD source names, before the ignore file: the source itself when it has no wildcards and
    /// exists, else its matches, as BuildKit resolves them (elements before the first one with a wildcard are a fixed
    /// folder; each later element is matched with Go's <c>filepath.Match</c> against the entries at its depth).
    /// </summary>
    /// <param name="source">The source after variable expansion, as written (<c>./src/</c>, <c>/app/*.json</c>).</param>
    public ImmutableArray<string> ExpandSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var path = GoPath.InContext(source);
        if (path == ".") return ["."];
        var elements = path.Split('/');
        var first = Array.FindIndex(elements, GoGlob.ContainsWildcards);
        if (first < 0) return _folder.Exists(path) ? [path] : [];
        var current = new List<string> { first == 0 ? "." : string.Join('/', elements[..first]) };
        for (var i = first; i < elements.Length && current.Count > 0; i++)
        {
            var program = GoGlob.Compile(elements[i]);
            var next = new List<string>();
            if (program is not null)
            {
                foreach (var folder in current)
                {
                    foreach (var entry in _folder.List(folder))
                    {
                        if (program.IsMatch(entry.Name)) next.Add(entry.Path);
                    }
                }
            }
            current = next;
        }
        return [.. current];
    }

    /// <summary>What kind of secret the file seems to hold (by name, and for some names by a marker in its first bytes), or null.</summary>
    public string? SecretKind(string path) => TryClean(path, out var clean) ? _folder.SecretKind(clean) : null;

    /// <summary>True for folders the walk lists but does not enter (dependencies, build output, virtual environments, version control).</summary>
    public bool IsOpaqueFolder(string path) =>
        TryClean(path, out var clean) && (s_opaqueFolders.Contains(GoPath.Name(clean)) || File.Exists(Path.Join(_folder.FullPath(clean), "pyvenv.cfg")));

    private static bool TryClean(string path, out string clean)
    {
        ArgumentNullException.ThrowIfNull(path);
        clean = GoPath.Clean(path);
        return !(clean.StartsWith('/') || clean == ".." || clean.StartsWith("../", StringComparison.Ordinal));
    }

    private ContextSnapshot WalkSent()
    {
        var entries = ImmutableArray.CreateBuilder<ContextEntry>();
        var visited = 0;
        var truncated = !Walk(".", ReadOnlySpan<bool>.Empty, entries, ref visited);
        return new ContextSnapshot(entries.ToImmutable(), truncated);
    }

    // Depth-first in name order, carrying each folder's pattern results to its children as the context sender does.
    private bool Walk(string folder, ReadOnlySpan<bool> parentMatched, ImmutableArray<ContextEntry>.Builder entries, ref int visited)
    {
        var matched = new bool[Ignore.Patterns.Length];
        foreach (var entry in _folder.List(folder))
        {
            if (++visited > _maxWalkedEntries) return false;
            var excluded = Ignore.Patterns.IsEmpty ? false : Ignore.Evaluate(entry.Path, parentMatched, matched).IsExcluded;
            if (!excluded) entries.Add(entry);
            if (!entry.IsDirectory) continue;
            var enter = excluded ? Ignore.MayIncludeBelow(entry.Path) : !IsOpaqueFolder(entry.Path);
            if (enter && entry.Name != ".git" && !Walk(entry.Path, matched, entries, ref visited)) return false;
        }
        return true;
    }
}

/// <summary>The files and folders a build receives, in walk order (depth-first, names sorted).</summary>
/// <param name="Entries">Everything the ignore file lets through; folders of dependencies and build output are listed, not entered.</param>
/// <param name="IsTruncated">The walk stopped at its bound (<see cref="BuildContext.DefaultMaxWalkedEntries"/>): there may be more.</param>
public sealed record ContextSnapshot(ImmutableArray<ContextEntry> Entries, bool IsTruncated)
{
    /// <summary>The entries at or below <paramref name="folder"/> (<c>.</c> for all).</summary>
    public IEnumerable<ContextEntry> Under(string folder)
    {
        foreach (var entry in Entries)
        {
            if (GoPath.IsAtOrBelow(entry.Path, folder)) yield return entry;
        }
    }
}

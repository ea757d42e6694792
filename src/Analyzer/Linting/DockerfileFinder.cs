namespace Dflint.Linting;

/// <summary>Which files count as Dockerfiles, and finding them below a folder.</summary>
public static class DockerfileFinder
{
    private static readonly string[] s_skippedFolders = [".git", "node_modules"];

    /// <summary>
    /// <c>Dockerfile</c>, <c>Containerfile</c>, <c>*.Dockerfile</c>, <c>*.dockerfile</c> and <c>Dockerfile.*</c>,
    /// case-sensitive so that the same tree gives the same files on every file system.
    /// </summary>
    public static bool IsDockerfileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        // Dockerfile.dockerignore is the ignore file of the Dockerfile beside it, not a Dockerfile.
        return (fileName is "Dockerfile" or "Containerfile"
            || fileName.EndsWith(".Dockerfile", StringComparison.Ordinal)
            || fileName.EndsWith(".dockerfile", StringComparison.Ordinal)
            || fileName.StartsWith("Dockerfile.", StringComparison.Ordinal))
            && !fileName.EndsWith(".dockerignore", StringComparison.Ordinal);
    }

    /// <summary>
    /// The Dockerfiles below <paramref name="folder"/> as paths relative to it, sorted ordinally. Hidden
    /// folders are searched (<c>.devcontainer</c> holds Dockerfiles), <c>.git</c> and <c>node_modules</c> are
    /// not, and symbolic links to folders are not followed, which keeps a link cycle from looping forever.
    /// </summary>
    /// <remarks>
    /// What git would ignore is skipped, and an ignored folder is not entered: the <c>.gitignore</c> files in
    /// <paramref name="folder"/> and below it, those of its ancestors up to the root of the git work tree holding
    /// it, and that work tree's <c>.git/info/exclude</c>. Outside a work tree the <c>.gitignore</c> files from
    /// <paramref name="folder"/> down still apply. A nested work tree (a submodule) follows its own ignore files
    /// only, as git does. <paramref name="folder"/> itself is searched even when git would ignore it: it was asked for.
    /// </remarks>
    /// <exception cref="IOException">A folder or an ignore file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder or an ignore file could not be read.</exception>
    public static ImmutableArray<string> Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var found = new List<string>();
        var root = new DirectoryInfo(folder);
        var pending = new Stack<PendingFolder>();
        pending.Push(StartingPoint(root));
        while (pending.Count > 0)
        {
            var (current, relativePath, scopes, exclude) = pending.Pop();
            var entries = current.GetFileSystemInfos("*", s_listOptions);
            var baseLength = relativePath.Length;
            if (!ReferenceEquals(current, root) && Array.Exists(entries, e => e.Name == ".git"))
            {
                scopes = null;
                exclude = Scope(GitRepositoryFiles.ReadExclude(current.FullName), baseLength, parent: null);
            }
            if (Array.Find(entries, e => e.Name == ".gitignore") is FileInfo { LinkTarget: null } gitignore)
            {
                scopes = Scope(GitIgnoreMatcher.Parse(File.ReadAllText(gitignore.FullName)), baseLength, scopes);
            }
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is not null || Array.IndexOf(s_skippedFolders, directory.Name) >= 0) continue;
                    var path = relativePath + directory.Name;
                    if (!IsIgnored(path, isDirectory: true, scopes, exclude)) pending.Push(new PendingFolder(directory, path + "/", scopes, exclude));
                }
                else if (IsDockerfileName(entry.Name) && !IsIgnored(relativePath + entry.Name, isDirectory: false, scopes, exclude))
                {
                    found.Add(Path.GetRelativePath(root.FullName, entry.FullName));
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }

    /// <summary>
    /// The searched folder with the ignore files above it. Paths are kept relative to the work tree's root (or the
    /// searched folder outside one) so that every scope finds its own relative path as a suffix.
    /// </summary>
    private static PendingFolder StartingPoint(DirectoryInfo root)
    {
        if (GitRepositoryFiles.FindWorkTreeRoot(root.FullName) is not { } workTree) return new PendingFolder(root, "", null, null);
        var exclude = Scope(GitRepositoryFiles.ReadExclude(workTree), 0, parent: null);
        // FullName keeps a trailing separator ("sub/"), which would add an empty folder name below.
        var relative = Path.GetRelativePath(workTree, Path.TrimEndingDirectorySeparator(root.FullName));
        if (relative == ".") return new PendingFolder(root, "", null, exclude);
        IgnoreScope? scopes = null;
        var folder = workTree;
        var prefix = "";
        foreach (var name in relative.Split(Path.DirectorySeparatorChar))
        {
            scopes = Scope(GitRepositoryFiles.ReadIgnoreFile(Path.Join(folder, ".gitignore")), prefix.Length, scopes);
            folder = Path.Join(folder, name);
            prefix += name + "/";
        }
        return new PendingFolder(root, prefix, scopes, exclude);
    }

    private static IgnoreScope? Scope(GitIgnoreMatcher matcher, int baseLength, IgnoreScope? parent) =>
        matcher.IsEmpty ? parent : new IgnoreScope(matcher, baseLength, parent);

    // The nearest .gitignore with an opinion decides; info/exclude only speaks when none has one.
    private static bool IsIgnored(string path, bool isDirectory, IgnoreScope? scopes, IgnoreScope? exclude)
    {
        for (var scope = scopes; scope is not null; scope = scope.Parent)
        {
            var verdict = scope.Matcher.Match(path.AsSpan(scope.BaseLength), isDirectory);
            if (verdict != GitIgnoreVerdict.NotMatched) return verdict == GitIgnoreVerdict.Ignored;
        }
        return exclude is not null && exclude.Matcher.Match(path.AsSpan(exclude.BaseLength), isDirectory) == GitIgnoreVerdict.Ignored;
    }

    /// <summary>The patterns of one ignore file, applying to paths that start with its folder's <see cref="BaseLength"/> characters.</summary>
    private sealed record IgnoreScope(GitIgnoreMatcher Matcher, int BaseLength, IgnoreScope? Parent);

    // RelativePath is the folder's path from the top (see StartingPoint), ending in '/' unless empty.
    private sealed record PendingFolder(DirectoryInfo Folder, string RelativePath, IgnoreScope? Scopes, IgnoreScope? Exclude);

    // The defaults skip hidden entries, which on Unix means every dot-folder.
    private static readonly EnumerationOptions s_listOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        MatchType = MatchType.Simple,
    };
}

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
        return fileName is "Dockerfile" or "Containerfile"
            || fileName.EndsWith(".Dockerfile", StringComparison.Ordinal)
            || fileName.EndsWith(".dockerfile", StringComparison.Ordinal)
            || fileName.StartsWith("Dockerfile.", StringComparison.Ordinal);
    }

    /// <summary>
    /// The Dockerfiles below <paramref name="folder"/> as paths relative to it, sorted ordinally. Hidden
    /// folders are searched (<c>.devcontainer</c> holds Dockerfiles), <c>.git</c> and <c>node_modules</c> are
    /// not, and symbolic links to folders are not followed, which keeps a link cycle from looping forever.
    /// </summary>
    /// <exception cref="IOException">A folder could not be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder could not be read.</exception>
    public static ImmutableArray<string> Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var found = new List<string>();
        var pending = new Stack<DirectoryInfo>();
        var root = new DirectoryInfo(folder);
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in current.EnumerateFileSystemInfos("*", s_listOptions))
            {
                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is null && Array.IndexOf(s_skippedFolders, directory.Name) < 0) pending.Push(directory);
                }
                else if (IsDockerfileName(entry.Name))
                {
                    found.Add(Path.GetRelativePath(root.FullName, entry.FullName));
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }

    // The defaults skip hidden entries, which on Unix means every dot-folder.
    private static readonly EnumerationOptions s_listOptions = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        MatchType = MatchType.Simple,
    };
}

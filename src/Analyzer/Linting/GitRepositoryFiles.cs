namespace Dflint.Linting;

/// <summary>Where a git work tree's ignore files are, read from the file system without running git.</summary>
internal static class GitRepositoryFiles
{
    /// <summary>The nearest folder from <paramref name="folder"/> upwards that holds a <c>.git</c> folder or file, or null.</summary>
    public static string? FindWorkTreeRoot(string folder)
    {
        for (var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)); current is not null; current = Path.GetDirectoryName(current))
        {
            if (HasGitEntry(current)) return current;
        }
        return null;
    }

    public static bool HasGitEntry(string folder)
    {
        var git = Path.Join(folder, ".git");
        return Directory.Exists(git) || File.Exists(git);
    }

    /// <summary>The patterns of <c>info/exclude</c> in the work tree's git folder; empty when there is none.</summary>
    /// <remarks>
    /// A submodule or linked work tree has a <c>.git</c> file that points at its git folder, and a linked work tree
    /// shares <c>info/exclude</c> with the main one through <c>commondir</c>.
    /// </remarks>
    public static GitIgnoreMatcher ReadExclude(string workTreeRoot)
    {
        var gitFolder = Path.Join(workTreeRoot, ".git");
        if (File.Exists(gitFolder))
        {
            var pointer = File.ReadAllText(gitFolder).Trim();
            const string Prefix = "gitdir:";
            if (!pointer.StartsWith(Prefix, StringComparison.Ordinal)) return GitIgnoreMatcher.Empty;
            gitFolder = Path.GetFullPath(pointer[Prefix.Length..].Trim(), workTreeRoot);
        }
        var commonFolderFile = Path.Join(gitFolder, "commondir");
        if (File.Exists(commonFolderFile))
        {
            gitFolder = Path.GetFullPath(File.ReadAllText(commonFolderFile).Trim(), gitFolder);
        }
        return ReadIgnoreFile(Path.Join(gitFolder, "info", "exclude"));
    }

    /// <summary>The patterns of an ignore file; empty when it does not exist or is a symbolic link, which git does not follow for these.</summary>
    public static GitIgnoreMatcher ReadIgnoreFile(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && file.LinkTarget is null ? GitIgnoreMatcher.Parse(File.ReadAllText(path)) : GitIgnoreMatcher.Empty;
    }
}

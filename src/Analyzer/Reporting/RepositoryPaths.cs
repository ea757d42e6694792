using System.Text;

namespace Dflint.Reporting;

/// <summary>
/// Paths as code-hosting services want them: relative to the repository root, with forward slashes. The root is the
/// nearest folder at or above the working directory that holds <c>.git</c> (a folder, or a file in a worktree or
/// submodule), else the working directory itself.
/// </summary>
public sealed class RepositoryPaths
{
    public RepositoryPaths(string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(workingDirectory);
        WorkingDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
        Root = FindRoot(WorkingDirectory);
    }

    public string WorkingDirectory { get; }

    /// <summary>The repository root, absolute, without a trailing separator (except for a file system root).</summary>
    public string Root { get; }

    /// <summary>The root as an absolute <c>file:</c> URI ending in <c>/</c>, as SARIF's <c>originalUriBaseIds</c> requires.</summary>
    public string RootUri
    {
        get
        {
            var uri = FileUri(Root);
            return uri.EndsWith('/') ? uri : uri + "/";
        }
    }

    /// <summary>The absolute path of a file shown as <paramref name="displayPath"/> (which is relative to the working directory).</summary>
    public string FullPath(string displayPath) => Path.GetFullPath(displayPath, WorkingDirectory);

    /// <summary>The path below the root with <c>/</c> separators, or null when the file is outside the repository.</summary>
    public string? RelativePath(string displayPath)
    {
        var relative = Path.GetRelativePath(Root, FullPath(displayPath));
        if (Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The repository-relative path when there is one, else the absolute path, with <c>/</c> separators.</summary>
    public string ReportPath(string displayPath) =>
        RelativePath(displayPath) ?? FullPath(displayPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>A relative path as a URI reference: each segment percent-encoded (UTF-8), <c>/</c> kept.</summary>
    public static string RelativeUri(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>An absolute path as a <c>file:///</c> URI, each segment percent-encoded; a drive letter stays as it is.</summary>
    public static string FileUri(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var segments = fullPath.Replace('\\', '/').Split('/');
        var builder = new StringBuilder("file://");
        foreach (var (segment, index) in segments.Select((s, i) => (s, i)))
        {
            if (index == 0 && segment.Length == 0) continue;
            builder.Append('/');
            var isDrive = index == 0 && segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':';
            builder.Append(isDrive ? segment : Uri.EscapeDataString(segment));
        }
        return builder.ToString();
    }

    private static string FindRoot(string workingDirectory)
    {
        for (var folder = workingDirectory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Join(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return folder;
        }
        return workingDirectory;
    }
}

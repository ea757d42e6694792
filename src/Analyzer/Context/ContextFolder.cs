using System.Collections.Concurrent;

namespace Dflint.Context;

/// <summary>A file or folder of the build context: its clean path relative to the context root, <c>/</c>-separated.</summary>
public sealed record ContextEntry(string Path, bool IsDirectory)
{
    /// <summary>The last element of <see cref="Path"/>.</summary>
    public string Name => GoPath.Name(Path);
}

/// <summary>
/// A context folder as it is on disk, before any ignore file: listings are read once per folder and shared by every
/// Dockerfile that uses this context (the CLI lints files in parallel, so everything here is thread-safe).
/// </summary>
internal sealed class ContextFolder(string root)
{
    private static readonly EnumerationOptions s_listing = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    private readonly ConcurrentDictionary<string, ImmutableArray<ContextEntry>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _secretKinds = new(StringComparer.Ordinal);

    /// <summary>The full path of the context folder, without a trailing separator.</summary>
    public string Root { get; } = root;

    public string FullPath(string path) => path == "." ? Root : Path.Join(Root, path);

    public bool Exists(string path)
    {
        var full = FullPath(path);
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary>A folder, or a link to one (COPY follows a link named as its source).</summary>
    public bool IsDirectory(string path) => Directory.Exists(FullPath(path));

    /// <summary>
    /// The entries directly in <paramref name="folder"/>, sorted by name (ordinal); empty when it is not a readable
    /// folder. A link is listed as a file: the context sends links as links, so a walk does not follow them.
    /// </summary>
    public ImmutableArray<ContextEntry> List(string folder) => _listings.GetOrAdd(folder, Read);

    private ImmutableArray<ContextEntry> Read(string folder)
    {
        try
        {
            var info = new DirectoryInfo(FullPath(folder));
            if (!info.Exists) return [];
            var entries = new List<ContextEntry>();
            foreach (var child in info.EnumerateFileSystemInfos("*", s_listing))
            {
                var isDirectory = (child.Attributes & FileAttributes.Directory) != 0 && (child.Attributes & FileAttributes.ReparsePoint) == 0;
                entries.Add(new ContextEntry(GoPath.Join(folder, child.Name), isDirectory));
            }
            entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return [.. entries];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [];
        }
    }

    /// <summary>What kind of secret the file at <paramref name="path"/> holds, if it looks like one; read once per file.</summary>
    public string? SecretKind(string path) => _secretKinds.GetOrAdd(path, p => SecretFiles.Classify(p, ReadStart));

    // The first bytes of a file, for content checks; null when it cannot be read.
    private string? ReadStart(string path)
    {
        try
        {
            using var stream = new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[SecretFiles.ContentWindow];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            return System.Text.Encoding.Latin1.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }
}

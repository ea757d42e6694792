using System.Collections.Concurrent;
using System.Text;

namespace Dflint.Context;

/// <summary>
/// Opens build contexts for a run over many Dockerfiles: each folder is listed once and each ignore file read once,
/// however many Dockerfiles share them. Thread-safe: the CLI lints files in parallel.
/// </summary>
public sealed class BuildContextCache
{
    /// <summary>The ignore file at the context root.</summary>
    public const string DefaultIgnoreFileName = ".dockerignore";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly ConcurrentDictionary<string, ContextFolder> _folders = new(StringComparer.Ordinal);
    // Keyed by a string (root, ignore file and Dockerfile name joined by NUL, which no path holds): a tuple key is a
    // struct instantiation the runtime must compile at start-up, where string keys use precompiled shared code.
    private readonly ConcurrentDictionary<string, Lazy<BuildContext>> _contexts = new(StringComparer.Ordinal);

    /// <summary>The most entries one walk of a context visits.</summary>
    internal int MaxWalkedEntries { get; init; } = BuildContext.DefaultMaxWalkedEntries;

    /// <summary>
    /// The context in <paramref name="contextFolder"/> for the Dockerfile at <paramref name="dockerfilePath"/>; null
    /// when the folder does not exist.
    /// </summary>
    /// <param name="contextFolder">The context folder; a relative path is taken from the working folder.</param>
    /// <param name="dockerfilePath">
    /// The Dockerfile, whose <c>&lt;name&gt;.dockerignore</c> beside it replaces the context's <c>.dockerignore</c>;
    /// null when the Dockerfile has no path (standard input without a name).
    /// </param>
    public BuildContext? Get(string contextFolder, string? dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(contextFolder);
        string root;
        try
        {
            root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contextFolder));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
        if (!Directory.Exists(root)) return null;
        var dockerfileName = dockerfilePath is null ? null : Path.GetFileName(dockerfilePath);
        string? specific = null;
        if (!string.IsNullOrEmpty(dockerfileName))
        {
            var candidate = Path.GetFullPath(dockerfilePath!) + DefaultIgnoreFileName;
            if (File.Exists(candidate)) specific = candidate;
        }
        var general = Path.Join(root, DefaultIgnoreFileName);
        var ignoreFile = specific ?? (File.Exists(general) ? general : null);
        var name = string.IsNullOrEmpty(dockerfileName) ? null : dockerfileName;
        var key = string.Join('\0', root, ignoreFile ?? "", name ?? "");
        return _contexts.GetOrAdd(key, _ => new Lazy<BuildContext>(() => Open(root, ignoreFile, name))).Value;
    }

    private BuildContext Open(string root, string? ignoreFile, string? dockerfileName)
    {
        var isDockerfileSpecific = ignoreFile is not null && !string.Equals(ignoreFile, Path.Join(root, DefaultIgnoreFileName), StringComparison.Ordinal);
        var folder = _folders.GetOrAdd(root, r => new ContextFolder(r));
        var ignore = ignoreFile is null ? DockerIgnore.Empty : Read(ignoreFile);
        var specificName = dockerfileName is null ? null : dockerfileName + DefaultIgnoreFileName;
        var shownName = isDockerfileSpecific ? specificName! : DefaultIgnoreFileName;
        return new BuildContext(folder, ignoreFile, shownName, specificName, ignore, MaxWalkedEntries);
    }

    private static DockerIgnore Read(string path)
    {
        try
        {
            return DockerIgnore.Parse(s_utf8.GetString(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // An ignore file that cannot be read fails the build; until then, nothing is known to be excluded.
            return DockerIgnore.Empty;
        }
    }
}

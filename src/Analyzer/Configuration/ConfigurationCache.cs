using System.Collections.Concurrent;

namespace Dflint.Configuration;

/// <summary>
/// Remembers, for one run over many files, which configuration applies to each folder and what each file says, so
/// that every folder is looked up and every file is read once. Safe to use from several threads.
/// </summary>
public sealed class ConfigurationCache
{
    private readonly ConcurrentDictionary<string, ConfigurationLookup> _lookups = new(StringComparer.Ordinal);

    // Lazy caches a failure too, so a broken file throws the same exception for every Dockerfile under it.
    private readonly ConcurrentDictionary<string, Lazy<LintConfiguration>> _configurations = new(StringComparer.Ordinal);

    /// <summary>Like <see cref="ConfigurationLoader.Find"/>, but each folder on the way up is looked at once per cache.</summary>
    public ConfigurationLookup Find(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var unresolved = new List<string>();
        var found = ConfigurationLookup.NotFound;
        for (var current = ConfigurationLoader.FullFolderPath(folder); current is not null; current = Path.GetDirectoryName(current))
        {
            if (_lookups.TryGetValue(current, out var known))
            {
                found = known;
                break;
            }
            unresolved.Add(current);
            if (ConfigurationLoader.FindIn(current) is { } here)
            {
                found = here;
                break;
            }
        }
        foreach (var path in unresolved) _lookups.TryAdd(path, found);
        return found;
    }

    /// <summary>The configuration for files in <paramref name="folder"/>, or <see cref="LintConfiguration.Empty"/> when none applies.</summary>
    /// <exception cref="ConfigurationException">The applicable file is malformed.</exception>
    /// <exception cref="IOException">The applicable file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The applicable file could not be read.</exception>
    public LintConfiguration GetForFolder(string folder)
    {
        var lookup = Find(folder);
        if (lookup.Path is not { } path) return LintConfiguration.Empty;
        return _configurations.GetOrAdd(path, static p => new Lazy<LintConfiguration>(() => ConfigurationLoader.Load(p))).Value;
    }

    /// <summary>The configuration for the file at <paramref name="filePath"/>, from the folder that holds it.</summary>
    public LintConfiguration GetForFile(string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var full = Path.GetFullPath(filePath);
        return GetForFolder(Path.GetDirectoryName(full) ?? full);
    }
}

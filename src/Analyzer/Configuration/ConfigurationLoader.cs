namespace Dflint.Configuration;

/// <summary>Where a folder's configuration file is, as found by <see cref="ConfigurationLoader.Find"/>.</summary>
/// <param name="Path">The full path of the file that applies, or null when there is none up to the file-system root.</param>
/// <param name="Format">The schema <paramref name="Path"/> follows; <see cref="ConfigurationFormat.None"/> when nothing was found.</param>
/// <param name="Shadowed">Other configuration files in the same folder that lost to <paramref name="Path"/>, for a host to warn about.</param>
public sealed record ConfigurationLookup(string? Path, ConfigurationFormat Format, ImmutableArray<string> Shadowed)
{
    public static ConfigurationLookup NotFound { get; } = new(null, ConfigurationFormat.None, []);

    public bool Found => Path is not null;
}

/// <summary>Finds and reads <c>.dflint.yaml</c> and <c>.hadolint.yaml</c> files.</summary>
public static class ConfigurationLoader
{
    /// <summary>The names looked for in each folder, the winner first.</summary>
    public static ImmutableArray<string> FileNames { get; } = [".dflint.yaml", ".dflint.yml", ".hadolint.yaml", ".hadolint.yml"];

    /// <summary>
    /// The configuration for files in <paramref name="startFolder"/>: the first folder from it up to the file-system
    /// root that holds one of <see cref="FileNames"/>, where a dflint file wins over a hadolint file in the same folder.
    /// </summary>
    public static ConfigurationLookup Find(string startFolder)
    {
        ArgumentNullException.ThrowIfNull(startFolder);
        for (var folder = FullFolderPath(startFolder); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (FindIn(folder) is { } found) return found;
        }
        return ConfigurationLookup.NotFound;
    }

    /// <summary>Reads a configuration file in the schema its name implies (see <see cref="FormatOf"/>).</summary>
    /// <exception cref="ConfigurationException">The file is not valid YAML or does not follow its schema.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file could not be read.</exception>
    public static LintConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path, FormatOf(path));
    }

    /// <summary>Reads configuration text, e.g. an editor's unsaved buffer.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="path">The path that locations name; it is not opened.</param>
    /// <param name="format">The schema to read it with.</param>
    /// <exception cref="ConfigurationException">The text is not valid YAML or does not follow the schema.</exception>
    public static LintConfiguration Parse(string text, string path, ConfigurationFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        if (format == ConfigurationFormat.None) throw new ArgumentOutOfRangeException(nameof(format), format, "a file has a format");
        var configuration = new LintConfiguration { Path = path, Format = format };
        var root = YamlTree.Read(text, path);
        if (root is null or YamlScalar { IsNull: true }) return configuration;
        if (root is not YamlMapping mapping)
        {
            throw new ConfigurationException(root.Location, $"a configuration file must be a mapping of settings, found {root.Description}");
        }
        return format == ConfigurationFormat.Hadolint
            ? HadolintConfigurationReader.Read(mapping, configuration)
            : DflintConfigurationReader.Read(mapping, configuration);
    }

    /// <summary><see cref="ConfigurationFormat.Hadolint"/> for names starting with <c>.hadolint</c> or <c>hadolint</c>, otherwise dflint's schema.</summary>
    public static ConfigurationFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        // Also NAME.hadolint.yaml, as rule fixtures name the configuration that goes with a Dockerfile.
        var stem = Path.GetFileNameWithoutExtension(name);
        return name.StartsWith(".hadolint", StringComparison.OrdinalIgnoreCase) || name.StartsWith("hadolint", StringComparison.OrdinalIgnoreCase)
            || stem.EndsWith(".hadolint", StringComparison.OrdinalIgnoreCase)
            ? ConfigurationFormat.Hadolint
            : ConfigurationFormat.Dflint;
    }

    /// <summary>The configuration file in exactly this folder, or null when it has none.</summary>
    internal static ConfigurationLookup? FindIn(string folder)
    {
        string? winner = null;
        var shadowed = ImmutableArray.CreateBuilder<string>();
        foreach (var name in FileNames)
        {
            var candidate = Path.Join(folder, name);
            if (!File.Exists(candidate)) continue;
            if (winner is null) winner = candidate;
            else shadowed.Add(candidate);
        }
        return winner is null ? null : new ConfigurationLookup(winner, FormatOf(winner), shadowed.ToImmutable());
    }

    internal static string FullFolderPath(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
}

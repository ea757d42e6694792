using System.Runtime.InteropServices;

namespace Dflint.Integration.Tests;

/// <summary>
/// dflint packed once per run as the release does it (RID-specific and ReadyToRun for this machine, with the portable
/// fallback), then installed from those packages with <c>dotnet tool install --tool-path</c>.
/// </summary>
internal sealed class PackedTool
{
    private static readonly Lazy<PackedTool> s_instance = new(Create);

    private PackedTool(string packageFolder, string toolFolder, string version, string runtimeIdentifier)
    {
        PackageFolder = packageFolder;
        ToolFolder = toolFolder;
        Version = version;
        RuntimeIdentifier = runtimeIdentifier;
    }

    public static PackedTool Instance => s_instance.Value;

    public string PackageFolder { get; }

    public string ToolFolder { get; }

    public string Version { get; }

    public string RuntimeIdentifier { get; }

    public string Executable => Path.Combine(ToolFolder, "dflint");

    /// <summary>A nuget.config with no sources, so only the packages made here can be installed, as pre-commit does it.</summary>
    public static string WriteIsolatedNuGetConfig(string folder)
    {
        var path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        return path;
    }

    /// <summary>This machine's portable RID, the form tool packages are named with.</summary>
    public static string CurrentRuntimeIdentifier()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return os + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
    }

    private static PackedTool Create()
    {
        var version = RepositorySnapshot.Version;
        var rid = CurrentRuntimeIdentifier();
        var packages = Scratch.NewFolder("packages");
        ChildProcess.RunChecked(
            "dotnet",
            ["pack", Path.Combine("src", "Cli", "Cli.csproj"), "-c", "Release", "-o", packages, "-p:DflintToolRuntimeIdentifiers=" + rid],
            RepositorySnapshot.Path);

        var tool = Scratch.NewFolder("tool");
        var config = WriteIsolatedNuGetConfig(Scratch.NewFolder("nuget"));
        ChildProcess.RunChecked(
            "dotnet",
            ["tool", "install", "dflint", "--version", version, "--tool-path", tool, "--add-source", packages, "--configfile", config],
            tool);
        return new PackedTool(packages, tool, version, rid);
    }
}

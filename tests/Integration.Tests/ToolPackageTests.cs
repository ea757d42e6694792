using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Dflint.Integration.Tests;

/// <summary>`dotnet pack` makes the dflint tool, and `dotnet tool install` gives a working, ReadyToRun dflint.</summary>
[TestFixture]
public sealed class ToolPackageTests
{
    private PackedTool _tool = null!;

    [OneTimeSetUp]
    public void PackAndInstall() => _tool = PackedTool.Instance;

    [Test]
    public void Pack_writes_a_pointer_package_one_per_platform_and_a_portable_fallback()
    {
        var names = Directory.GetFiles(_tool.PackageFolder, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.That(names, Is.EqualTo(new[]
        {
            $"dflint.{_tool.Version}.nupkg",
            $"dflint.any.{_tool.Version}.nupkg",
            $"dflint.{_tool.RuntimeIdentifier}.{_tool.Version}.nupkg",
        }.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void Pointer_package_is_a_dotnet_tool_with_readme_and_project_metadata()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_tool.PackageFolder, $"dflint.{_tool.Version}.nupkg"));
        var metadata = Nuspec(package);

        Assert.Multiple(() =>
        {
            Assert.That(Element(metadata, "id"), Is.EqualTo("dflint"));
            Assert.That(Element(metadata, "version"), Is.EqualTo(_tool.Version));
            Assert.That(metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")?.Value), Is.EqualTo(new[] { "DotnetTool" }));
            Assert.That(Element(metadata, "readme"), Is.EqualTo("README.md"));
            Assert.That(package.GetEntry("README.md"), Is.Not.Null, "the readme named in the nuspec is in the package");
            Assert.That(Element(metadata, "projectUrl"), Does.StartWith("https://"));
            Assert.That(Element(metadata, "description"), Is.Not.Empty.And.Not.EqualTo("Package Description"));
            if (File.Exists(Path.Combine(RepositorySnapshot.SourceRoot, "LICENSE")))
            {
                Assert.That(package.GetEntry("LICENSE"), Is.Not.Null, "the repository's LICENSE is in the package");
            }
        });
    }

    [Test]
    public void Portable_fallback_package_holds_the_framework_dependent_build()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_tool.PackageFolder, $"dflint.any.{_tool.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.That(entries, Does.Contain("tools/net10.0/any/dflint.dll").And.Contain("tools/net10.0/any/dflint.runtimeconfig.json"));
        var tools = entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal)).ToList();
        Assert.That(tools.Where(e => e.EndsWith(".xml", StringComparison.Ordinal) && !e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)), Is.Empty, "no API documentation files in a tool");
        Assert.That(tools.Where(e => e.Count(c => c == '/') > 3), Is.Empty, "no satellite resource folders: dflint speaks English only");
    }

    [Test]
    public void Installed_tool_prints_the_version_from_Directory_Build_props()
    {
        var run = RunTool(Scratch.NewFolder("version"), "--version");

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Stdout.Trim(), Does.StartWith(_tool.Version), run.ToString);
    }

    [Test]
    public void Installed_tool_is_the_ReadyToRun_build_for_this_platform()
    {
        var analyzers = Directory.GetFiles(Path.Combine(_tool.ToolFolder, ".store"), "Dflint.Analyzer.dll", SearchOption.AllDirectories);

        Assert.That(analyzers, Has.Length.EqualTo(1));
        Assert.That(analyzers[0], Does.Contain(Path.DirectorySeparatorChar + _tool.RuntimeIdentifier + Path.DirectorySeparatorChar));
        using var stream = File.OpenRead(analyzers[0]);
        using var pe = new PEReader(stream);
        // A ReadyToRun image carries a managed native header next to its IL; a plain IL assembly has none.
        Assert.That(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.GreaterThan(0), "Dflint.Analyzer.dll is precompiled (ReadyToRun)");
    }

    [Test]
    public void Installed_tool_reports_findings_with_exit_code_1()
    {
        var folder = Scratch.NewFolder("lint-bad");
        Scratch.WriteFiles(folder, ("Dockerfile", SampleDockerfiles.LatestTag));

        var run = RunTool(folder, "Dockerfile");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString);
        Assert.That(run.Stdout, Does.Contain("Dockerfile:1:6: warning[DL3007]").And.Contain("Found 1 problem"), run.ToString);
    }

    [Test]
    public void Installed_tool_passes_a_clean_folder_with_exit_code_0()
    {
        var folder = Scratch.NewFolder("lint-clean");
        Scratch.WriteFiles(folder, ("Dockerfile", SampleDockerfiles.Clean), ("web/web.Dockerfile", SampleDockerfiles.Clean));

        var run = RunTool(folder, ".");

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Stdout, Does.Contain("All checks passed: 2 files."), run.ToString);
    }

    [Test]
    public void Installed_tool_explains_rules_from_the_pages_inside_it()
    {
        var run = RunTool(Scratch.NewFolder("explain"), "explain", "DL3008");

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Stdout, Does.Contain("apt-get"), run.ToString);
    }

    private ProcessResult RunTool(string folder, params string[] arguments) => ChildProcess.Run(_tool.Executable, arguments, folder);

    private static XElement Nuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}

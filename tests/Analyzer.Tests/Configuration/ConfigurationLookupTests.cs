using Dflint.Configuration;

namespace Dflint.Tests.Configuration;

public sealed class ConfigurationLookupTests
{
    private string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("dflint-config-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string text = "")
    {
        var path = Path.Join(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Folder(string relativePath) => Directory.CreateDirectory(Path.Join(_root, relativePath)).FullName;

    [Test]
    public void ADflintFileWinsOverAHadolintFileInTheSameFolder()
    {
        var hadolint = Write("a/.hadolint.yaml");
        var dflint = Write("a/.dflint.yml");
        var lookup = ConfigurationLoader.Find(Folder("a/b/c"));
        Assert.That(lookup.Path, Is.EqualTo(dflint));
        Assert.That(lookup.Format, Is.EqualTo(ConfigurationFormat.Dflint));
        Assert.That(lookup.Found, Is.True);
        Assert.That(lookup.Shadowed, Is.EqualTo(new[] { hadolint }));
    }

    [Test]
    public void YamlWinsOverYml()
    {
        var yaml = Write(".dflint.yaml");
        var yml = Write(".dflint.yml");
        var hadolintYaml = Write(".hadolint.yaml");
        var hadolintYml = Write(".hadolint.yml");
        var lookup = ConfigurationLoader.Find(_root);
        Assert.That(lookup.Path, Is.EqualTo(yaml));
        Assert.That(lookup.Shadowed, Is.EqualTo(new[] { yml, hadolintYaml, hadolintYml }));
        File.Delete(yaml);
        File.Delete(yml);
        Assert.That(ConfigurationLoader.Find(_root).Path, Is.EqualTo(hadolintYaml));
    }

    [Test]
    public void TheNearestFolderWinsWhateverItsFormat()
    {
        Write(".dflint.yaml");
        var nearer = Write("a/.hadolint.yml");
        var lookup = ConfigurationLoader.Find(Folder("a/b"));
        Assert.That(lookup.Path, Is.EqualTo(nearer));
        Assert.That(lookup.Format, Is.EqualTo(ConfigurationFormat.Hadolint));
        Assert.That(lookup.Shadowed, Is.Empty);
    }

    [Test]
    public void TheStartFolderItselfCounts()
    {
        var here = Write("a/.dflint.yaml");
        Assert.That(ConfigurationLoader.Find(Path.Join(_root, "a")).Path, Is.EqualTo(here));
        Assert.That(ConfigurationLoader.Find(Path.Join(_root, "a") + Path.DirectorySeparatorChar).Path, Is.EqualTo(here));
    }

    [Test]
    public void AFolderNamedLikeAConfigurationFileIsNotOne()
    {
        Folder("a/.dflint.yaml");
        var file = Write("a/.hadolint.yaml");
        Assert.That(ConfigurationLoader.Find(Path.Join(_root, "a")).Path, Is.EqualTo(file));
    }

    [Test]
    public void FindsNothingWhenNoFolderUpToTheRootHasAFile()
    {
        Assume.That(ConfigurationLoader.Find(Path.GetDirectoryName(_root)!).Found, Is.False, "a configuration file above the temporary folder");
        Assert.That(ConfigurationLoader.Find(Folder("a/b")), Is.SameAs(ConfigurationLookup.NotFound));
    }

    [TestCase(".dflint.yaml", ConfigurationFormat.Dflint)]
    [TestCase(".dflint.yml", ConfigurationFormat.Dflint)]
    [TestCase("custom.yaml", ConfigurationFormat.Dflint)]
    [TestCase(".hadolint.yaml", ConfigurationFormat.Hadolint)]
    [TestCase(".hadolint.yml", ConfigurationFormat.Hadolint)]
    [TestCase("hadolint.yaml", ConfigurationFormat.Hadolint)]
    [TestCase("pass_trusted.hadolint.yaml", ConfigurationFormat.Hadolint)]
    [TestCase("pass_trusted.dflint.yaml", ConfigurationFormat.Dflint)]
    public void LoadsInTheFormatTheNameImplies(string name, ConfigurationFormat format)
    {
        var path = Write(name, "strict-labels: true\n");
        var configuration = ConfigurationLoader.Load(path);
        Assert.That(ConfigurationLoader.FormatOf(path), Is.EqualTo(format));
        Assert.That(configuration.Format, Is.EqualTo(format));
        Assert.That(configuration.Path, Is.EqualTo(path));
        Assert.That(configuration.StrictLabels, Is.True);
    }

    [Test]
    public void LoadReportsTheFilePathItWasGiven()
    {
        var path = Write(".dflint.yaml", "\n\nselect: DL3006\n");
        Assert.That(Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path))!.Message, Is.EqualTo($"{path}:3:9: 'select' must be a list of rule codes, found a string"));
        Assert.That(Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Path.Join(_root, "..", Path.GetFileName(_root), ".dflint.yaml")))!.Location.Path,
            Is.EqualTo(Path.Join(_root, "..", Path.GetFileName(_root), ".dflint.yaml")));
    }

    [Test]
    public void LoadReadsAByteOrderMark()
    {
        var path = Path.Join(_root, ".dflint.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "ignore: [DL3008]\n"u8]);
        Assert.That(ConfigurationLoader.Load(path).Ignore.Single().Location, Is.EqualTo(new ConfigLocation(path, 1, 10)));
    }

    [Test]
    public void TheCacheFindsAndLoadsEachFileOnce()
    {
        var top = Write(".dflint.yaml", "ignore: [DL3008]\n");
        var nested = Write("a/b/.hadolint.yaml", "ignored: [DL3009]\n");
        var cache = new ConfigurationCache();

        var forRoot = cache.GetForFolder(_root);
        var forSibling = cache.GetForFile(Write("c/d/Dockerfile"));
        var forNested = cache.GetForFolder(Folder("a/b/e"));
        Assert.That(forRoot.Path, Is.EqualTo(top));
        Assert.That(forSibling, Is.SameAs(forRoot));
        Assert.That(forNested.Path, Is.EqualTo(nested));
        Assert.That(cache.GetForFolder(Folder("a")), Is.SameAs(forRoot));

        // The cache answers from memory: removing the files changes nothing for folders it has seen.
        File.Delete(top);
        File.Delete(nested);
        Assert.That(cache.GetForFolder(Path.Join(_root, "c", "d")), Is.SameAs(forRoot));
        Assert.That(cache.Find(Path.Join(_root, "a", "b", "e")).Path, Is.EqualTo(nested));
        Assert.That(new ConfigurationCache().Find(Path.Join(_root, "a", "b", "e")).Path, Is.Not.EqualTo(nested));
    }

    [Test]
    public void TheCacheGivesTheEmptyConfigurationWhenNoneApplies()
    {
        Assume.That(ConfigurationLoader.Find(_root).Found, Is.False, "a configuration file above the temporary folder");
        Assert.That(new ConfigurationCache().GetForFolder(_root), Is.SameAs(LintConfiguration.Empty));
    }

    [Test]
    public void TheCacheRethrowsABrokenFileForEveryFolderUnderIt()
    {
        Write(".dflint.yaml", "nonsense: true\n");
        var cache = new ConfigurationCache();
        var first = Assert.Throws<ConfigurationException>(() => cache.GetForFolder(Folder("a")))!;
        var second = Assert.Throws<ConfigurationException>(() => cache.GetForFolder(Folder("b")))!;
        Assert.That(second.Message, Is.EqualTo(first.Message));
        Assert.That(first.Message, Does.StartWith(Path.Join(_root, ".dflint.yaml") + ":1:1: unknown key 'nonsense'"));
    }

    [Test]
    public void TheCacheIsSafeAcrossThreads()
    {
        var config = Write(".dflint.yaml", "ignore: [DL3008]\n");
        var folders = Enumerable.Range(0, 50).Select(i => Folder($"f{i % 7}/g{i}")).ToArray();
        var cache = new ConfigurationCache();
        var results = new LintConfiguration[folders.Length];
        Parallel.For(0, folders.Length, i => results[i] = cache.GetForFolder(folders[i]));
        Assert.That(results.Select(r => r.Path).Distinct(), Is.EqualTo(new[] { config }));
        Assert.That(results.Distinct().Count(), Is.EqualTo(1));
    }
}

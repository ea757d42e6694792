using Dflint.Analysis;
using Dflint.Configuration;
using Dflint.Linting;

namespace Dflint.Tests.Context;

/// <summary><c>context:</c> in <c>.dflint.yaml</c>: a folder relative to the configuration file's own folder.</summary>
public sealed class ContextConfigurationTests
{
    private static readonly string s_folder = Path.Combine(Path.GetTempPath(), "repo");

    private static LintConfiguration Parse(string yaml) =>
        ConfigurationLoader.Parse(yaml, Path.Combine(s_folder, ".dflint.yaml"), ConfigurationFormat.Dflint);

    [TestCase("context: .", "")]
    [TestCase("context: services/api", "services/api")]
    [TestCase("context: ../shared", "../shared")]
    public void Relative_folders_start_at_the_configuration_file(string yaml, string relative) =>
        Assert.That(Parse(yaml).Context, Is.EqualTo(Path.GetFullPath(Path.Combine(s_folder, relative))));

    [Test]
    public void An_absolute_folder_is_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere");
        Assert.That(Parse($"context: '{absolute}'").Context, Is.EqualTo(absolute));
    }

    [Test]
    public void Unset_means_the_dockerfile_folder() => Assert.That(Parse("select: [DF0310]").Context, Is.Null);

    [Test]
    public void A_list_is_an_error() =>
        Assert.That(() => Parse("context: [a, b]"), Throws.InstanceOf<ConfigurationException>().With.Message.Contains("context"));

    [Test]
    public void Resolved_settings_carry_the_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "dflint-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "docker"));
        try
        {
            File.WriteAllText(Path.Combine(root, ".dflint.yaml"), "context: .\n");
            var settings = new ConfiguredSettings(RuleRegistry.Default, SelectionFlags.None, null, noConfig: false);
            Assert.That(settings.For(Path.Combine(root, "docker", "Dockerfile")).ContextFolder, Is.EqualTo(root));
            var none = new ConfiguredSettings(RuleRegistry.Default, SelectionFlags.None, null, noConfig: true);
            Assert.That(none.For(Path.Combine(root, "docker", "Dockerfile")).ContextFolder, Is.Null);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

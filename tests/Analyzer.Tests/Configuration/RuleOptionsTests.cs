using Dflint.Configuration;

namespace Dflint.Tests.Configuration;

public sealed class RuleOptionsTests
{
    private const string Path = ".dflint.yaml";

    private static RuleOptions Options() => ConfigurationLoader.Parse("""
        rules:
          DF0201:
            images: ["gcr.io/distroless/*:nonroot", scratch]
            strict: true
            max-lines: 40
            negative: -3
            shell: /bin/bash
            version: 1.0
            quoted-number: "12"
            nothing: ~
            empty: []
            nested: { a: 1 }
          apt-get-pin-versions: {}
        """, Path, ConfigurationFormat.Dflint).RuleOptions["DF0201"];

    private static string Error(Func<RuleOptions, object?> read) =>
        Assert.Throws<ConfigurationException>(() => read(Options()))!.Message;

    [Test]
    public void ReadsTypedValues()
    {
        var options = Options();
        Assert.That(options.GetStringList("images"), Is.EqualTo(new[] { "gcr.io/distroless/*:nonroot", "scratch" }));
        Assert.That(options.GetStringList("empty"), Is.Empty);
        Assert.That(options.GetBool("strict"), Is.True);
        Assert.That(options.GetInt("max-lines"), Is.EqualTo(40));
        Assert.That(options.GetInt("negative"), Is.EqualTo(-3));
        Assert.That(options.GetString("shell"), Is.EqualTo("/bin/bash"));
        Assert.That(options.GetString("version"), Is.EqualTo("1.0"));
        Assert.That(options.GetString("quoted-number"), Is.EqualTo("12"));
        Assert.That(options.GetString("max-lines"), Is.EqualTo("40"));
    }

    [Test]
    public void AbsentAndNullOptionsReadAsNull()
    {
        var options = Options();
        Assert.That(options.GetStringList("missing"), Is.Null);
        Assert.That(options.GetBool("missing"), Is.Null);
        Assert.That(options.GetInt("missing"), Is.Null);
        Assert.That(options.GetString("missing"), Is.Null);
        Assert.That(options.GetString("nothing"), Is.Null);
        Assert.That(options.GetStringList("nothing"), Is.Null);
        Assert.That(options.Contains("nothing"), Is.True);
        Assert.That(options.Contains("missing"), Is.False);
    }

    [Test]
    public void KnowsItsNamesAndWhereTheyAre()
    {
        var options = Options();
        Assert.That(options.Names, Is.EqualTo(new[] { "images", "strict", "max-lines", "negative", "shell", "version", "quoted-number", "nothing", "empty", "nested" }));
        Assert.That(options.LocationOf("strict"), Is.EqualTo(new ConfigLocation(Path, 4, 5)));
        Assert.That(options.LocationOf("missing"), Is.Null);
        Assert.That(options.Location, Is.EqualTo(new ConfigLocation(Path, 2, 3)));
        Assert.That(options.Error("shell", "no such shell").Message, Is.EqualTo(".dflint.yaml:7:12: no such shell"));
        Assert.That(options.Error("missing", "required").Message, Is.EqualTo(".dflint.yaml:2:3: required"));
    }

    [Test]
    public void KeepsRulesKeyedAsWritten()
    {
        var rules = ConfigurationLoader.Parse("rules:\n  DF0201: {}\n  apt-get-pin-versions: {}\n", Path, ConfigurationFormat.Dflint).RuleOptions;
        Assert.That(rules.Keys, Is.EquivalentTo(new[] { "DF0201", "apt-get-pin-versions" }));
        Assert.That(rules["apt-get-pin-versions"].Location, Is.EqualTo(new ConfigLocation(Path, 3, 3)));
    }

    [Test]
    public void ReportsTypeErrorsAtTheValue()
    {
        Assert.That(Error(o => o.GetStringList("shell")), Is.EqualTo(".dflint.yaml:7:12: 'rules.DF0201.shell' must be a list of strings, found a string"));
        Assert.That(Error(o => o.GetStringList("nested")), Is.EqualTo(".dflint.yaml:12:13: 'rules.DF0201.nested' must be a list of strings, found a mapping"));
        Assert.That(Error(o => o.GetBool("shell")), Is.EqualTo(".dflint.yaml:7:12: 'rules.DF0201.shell' must be true or false, found a string"));
        Assert.That(Error(o => o.GetInt("version")), Is.EqualTo(".dflint.yaml:8:14: 'rules.DF0201.version' must be a whole number, found a string"));
        Assert.That(Error(o => o.GetInt("quoted-number")), Is.EqualTo(".dflint.yaml:9:20: 'rules.DF0201.quoted-number' must be a whole number, found a string"));
        Assert.That(Error(o => o.GetString("images")), Is.EqualTo(".dflint.yaml:3:13: 'rules.DF0201.images' must be a string, found a list"));
    }
}

using Dflint.Configuration;
using Microsoft.CodeAnalysis;

namespace Dflint.Tests.Configuration;

public sealed class HadolintConfigurationTests
{
    private const string Path = "repo/.hadolint.yaml";

    private static LintConfiguration Parse(string yaml) => ConfigurationLoader.Parse(yaml, Path, ConfigurationFormat.Hadolint);

    private static string Located(ConfiguredCode code) => $"{code.Text}@{code.Location.Line}:{code.Location.Column}";

    [Test]
    public void ReadsEveryKeyDflintUses()
    {
        var configuration = Parse("""
            ignored:
              - DL3008
              - SC2086
            trustedRegistries:
              - docker.io
              - my-company.com:5000
            override:
              error: [DL3001]
              warning: [DL3002]
              info: [DL3003]
              style: [DL3004]
            failure-threshold: warning
            label-schema:
              author: text
              url: url
            strict-labels: true
            no-fail: true
            """);

        Assert.That(configuration.Format, Is.EqualTo(ConfigurationFormat.Hadolint));
        Assert.That(configuration.Path, Is.EqualTo(Path));
        Assert.That(configuration.Select.IsDefault, Is.True);
        Assert.That(configuration.Ignore.Select(Located), Is.EqualTo(new[] { "DL3008@2:5", "SC2086@3:5" }));
        Assert.That(configuration.TrustedRegistries, Is.EqualTo(new[] { "docker.io", "my-company.com:5000" }));
        Assert.That(configuration.SeverityOverrides.Select(o => $"{Located(o.Code)}={o.Severity}"), Is.EqualTo(new[]
        {
            "DL3004@11:11=Hidden", "DL3003@10:10=Info", "DL3002@9:13=Warning", "DL3001@8:11=Error",
        }));
        Assert.That(configuration.FailureThreshold, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(configuration.LabelSchema, Is.EquivalentTo(new Dictionary<string, LabelType> { ["author"] = LabelType.Text, ["url"] = LabelType.Url }));
        Assert.That(configuration.StrictLabels, Is.True);
        Assert.That(configuration.NoFail, Is.True);
        Assert.That(configuration.Warnings, Is.Empty);
    }

    [Test]
    public void TheMostSevereOverrideOfACodeComesLast()
    {
        // hadolint applies style first and error last; the engine lets the later entry win.
        var configuration = Parse("override:\n  error: [DL3008]\n  style: [DL3008]\n");
        Assert.That(configuration.SeverityOverrides.Select(o => o.Severity), Is.EqualTo(new DiagnosticSeverity?[] { DiagnosticSeverity.Hidden, DiagnosticSeverity.Error }));
    }

    [Test]
    public void AcceptsTheHyphenatedSpellingOfTrustedRegistries() =>
        Assert.That(Parse("trusted-registries: [ghcr.io]\n").TrustedRegistries, Is.EqualTo(new[] { "ghcr.io" }));

    [TestCase("error", DiagnosticSeverity.Error)]
    [TestCase("warning", DiagnosticSeverity.Warning)]
    [TestCase("info", DiagnosticSeverity.Info)]
    [TestCase("style", DiagnosticSeverity.Hidden)]
    public void ReadsFailureThresholds(string word, DiagnosticSeverity severity) =>
        Assert.That(Parse($"failure-threshold: {word}\n").FailureThreshold, Is.EqualTo(severity));

    [TestCase("ignore")]
    [TestCase("none")]
    public void IgnoreAndNoneNeverFail(string word)
    {
        var configuration = Parse($"failure-threshold: {word}\n");
        Assert.That(configuration.FailureThreshold, Is.Null);
        Assert.That(configuration.FailureThresholdIsNone, Is.True);
    }

    [Test]
    public void WarnsAboutSettingsDflintDoesNotUse()
    {
        var configuration = Parse("""
            format: json
            no-color: true
            verbose: true
            disable-ignore-pragma: true
            output-format: tty
            ignored: [DL3008]
            trustedregistries: [docker.io]
            override:
              fatal: [DL3000]
              Error: [DL3001]
            """);
        Assert.That(configuration.Warnings.Select(w => w.ToString()), Is.EqualTo(new[]
        {
            "repo/.hadolint.yaml:1:1: dflint ignores hadolint's 'format' setting",
            "repo/.hadolint.yaml:2:1: dflint ignores hadolint's 'no-color' setting",
            "repo/.hadolint.yaml:3:1: dflint ignores hadolint's 'verbose' setting",
            "repo/.hadolint.yaml:4:1: dflint ignores hadolint's 'disable-ignore-pragma' setting",
            "repo/.hadolint.yaml:5:1: dflint ignores hadolint's 'output-format' setting",
            "repo/.hadolint.yaml:7:1: unknown hadolint key 'trustedregistries' is ignored",
            "repo/.hadolint.yaml:9:3: unknown key 'override.fatal' is ignored; hadolint reads error, warning, info and style",
            "repo/.hadolint.yaml:10:3: unknown key 'override.Error' is ignored; hadolint reads error, warning, info and style",
        }));
        Assert.That(configuration.Ignore.Select(c => c.Text), Is.EqualTo(new[] { "DL3008" }));
        Assert.That(configuration.TrustedRegistries, Is.Empty);
        Assert.That(configuration.SeverityOverrides, Is.Empty);
    }

    [TestCase("")]
    [TestCase("# ignored:\n#  - DL3008\n")]
    public void AnEmptyFileIsAnEmptyConfiguration(string yaml) =>
        Assert.That(Parse(yaml), Is.EqualTo(LintConfiguration.Empty with { Path = Path, Format = ConfigurationFormat.Hadolint }));

    [Test]
    public void NullValuesAreAbsentKeys()
    {
        var configuration = Parse("ignored:\noverride:\n  error:\ntrustedRegistries: ~\n");
        Assert.That(configuration.Ignore, Is.Empty);
        Assert.That(configuration.SeverityOverrides, Is.Empty);
        Assert.That(configuration.Warnings, Is.Empty);
    }

    // hadolint fails on values of the wrong type too; only unknown keys are lenient.
    [TestCase("ignored: DL3008\n", "repo/.hadolint.yaml:1:10: 'ignored' must be a list of rule codes, found a string")]
    [TestCase("trustedRegistries: {docker.io: yes}\n", "repo/.hadolint.yaml:1:20: 'trustedRegistries' must be a list of strings, found a mapping")]
    [TestCase("override: [DL3008]\n", "repo/.hadolint.yaml:1:11: 'override' must be a mapping, found a list")]
    [TestCase("override:\n  error: DL3008\n", "repo/.hadolint.yaml:2:10: 'override.error' must be a list of rule codes, found a string")]
    [TestCase("failure-threshold: fatal\n", "repo/.hadolint.yaml:1:20: unknown failure threshold 'fatal'; expected error, warning, info or style, ignore or none")]
    [TestCase("no-fail: 0\n", "repo/.hadolint.yaml:1:10: 'no-fail' must be true or false, found a number")]
    [TestCase("strict-labels: [true]\n", "repo/.hadolint.yaml:1:16: 'strict-labels' must be true or false, found a list")]
    [TestCase("label-schema:\n  author: name\n", "repo/.hadolint.yaml:2:11: unknown label type 'name' for 'author'; expected text, url, semver, hash, rfc3339, spdx or email")]
    [TestCase("ignored: [DL3008]\nignored: [DL3009]\n", "repo/.hadolint.yaml:2:1: duplicate key 'ignored' (first at line 1)")]
    [TestCase("ignored: [DL3008\n", "repo/.hadolint.yaml:2:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")]
    [TestCase("[DL3008]\n", "repo/.hadolint.yaml:1:1: a configuration file must be a mapping of settings, found a list")]
    public void ReportsMalformedFilesWithTheirPosition(string yaml, string message) =>
        Assert.That(Assert.Throws<ConfigurationException>(() => Parse(yaml))!.Message, Is.EqualTo(message));
}

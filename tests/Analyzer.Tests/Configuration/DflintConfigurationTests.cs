using Dflint.Configuration;
using Microsoft.CodeAnalysis;

namespace Dflint.Tests.Configuration;

public sealed class DflintConfigurationTests
{
    private const string Path = "repo/.dflint.yaml";

    private static LintConfiguration Parse(string yaml) => ConfigurationLoader.Parse(yaml, Path, ConfigurationFormat.Dflint);

    private static string Error(string yaml) =>
        Assert.Throws<ConfigurationException>(() => Parse(yaml))!.Message;

    private static string Located(ConfiguredCode code) => $"{code.Text}@{code.Location.Line}:{code.Location.Column}";

    [Test]
    public void ReadsEveryKey()
    {
        var configuration = Parse("""
            # comment
            select: [DL3006, DF0201]
            extend-select:
              - DL3059
            ignore: [DL3008, apt-get-pin-versions]
            severity: { DL3008: error, DL3015: off, DL3009: Warning, DL3010: INFO, DL3011: style, DL3012: none }
            trusted-registries: [docker.io, ghcr.io]
            failure-threshold: warning
            no-fail: false
            label-schema: { maintainer: text, org.opencontainers.image.source: url, version: semver, digest: hash, created: rfc3339, license: spdx, contact: email }
            strict-labels: true
            rules:
              DF0201: { known-unprivileged-images: ["gcr.io/distroless/*:nonroot"] }
            """);

        Assert.That(configuration.Path, Is.EqualTo(Path));
        Assert.That(configuration.Format, Is.EqualTo(ConfigurationFormat.Dflint));
        Assert.That(configuration.Select.Select(Located), Is.EqualTo(new[] { "DL3006@2:10", "DF0201@2:18" }));
        Assert.That(configuration.ExtendSelect.Select(Located), Is.EqualTo(new[] { "DL3059@4:5" }));
        Assert.That(configuration.Ignore.Select(Located), Is.EqualTo(new[] { "DL3008@5:10", "apt-get-pin-versions@5:18" }));
        Assert.That(configuration.Ignore[0].Location.Path, Is.EqualTo(Path));
        Assert.That(configuration.SeverityOverrides.Select(o => $"{Located(o.Code)}={o.Severity?.ToString() ?? "off"}"), Is.EqualTo(new[]
        {
            "DL3008@6:13=Error", "DL3015@6:28=off", "DL3009@6:41=Warning", "DL3010@6:58=Info", "DL3011@6:72=Hidden", "DL3012@6:87=off",
        }));
        Assert.That(configuration.SeverityOverrides[1].TurnsRuleOff, Is.True);
        Assert.That(configuration.TrustedRegistries, Is.EqualTo(new[] { "docker.io", "ghcr.io" }));
        Assert.That(configuration.FailureThreshold, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(configuration.FailureThresholdIsNone, Is.False);
        Assert.That(configuration.NoFail, Is.False);
        Assert.That(configuration.LabelSchema, Is.EquivalentTo(new Dictionary<string, LabelType>
        {
            ["maintainer"] = LabelType.Text,
            ["org.opencontainers.image.source"] = LabelType.Url,
            ["version"] = LabelType.Semver,
            ["digest"] = LabelType.Hash,
            ["created"] = LabelType.Rfc3339,
            ["license"] = LabelType.Spdx,
            ["contact"] = LabelType.Email,
        }));
        Assert.That(configuration.StrictLabels, Is.True);
        var options = configuration.RuleOptions["DF0201"];
        Assert.That(options.Rule, Is.EqualTo("DF0201"));
        Assert.That(options.Location, Is.EqualTo(new ConfigLocation(Path, 13, 3)));
        Assert.That(options.GetStringList("known-unprivileged-images"), Is.EqualTo(new[] { "gcr.io/distroless/*:nonroot" }));
        Assert.That(configuration.Warnings, Is.Empty);
    }

    [Test]
    public void AbsentKeysKeepTheirDefaults()
    {
        var configuration = Parse("ignore: [DL3008]\n");
        Assert.That(configuration.Select.IsDefault, Is.True);
        Assert.That(configuration.ExtendSelect, Is.Empty);
        Assert.That(configuration.SeverityOverrides, Is.Empty);
        Assert.That(configuration.TrustedRegistries, Is.Empty);
        Assert.That(configuration.FailureThreshold, Is.Null);
        Assert.That(configuration.FailureThresholdIsNone, Is.False);
        Assert.That(configuration.NoFail, Is.Null);
        Assert.That(configuration.LabelSchema, Is.Empty);
        Assert.That(configuration.StrictLabels, Is.False);
        Assert.That(configuration.RuleOptions, Is.Empty);
    }

    [Test]
    public void AnEmptySelectRunsNothingRatherThanTheDefaults()
    {
        var configuration = Parse("select: []\n");
        Assert.That(configuration.Select.IsDefault, Is.False);
        Assert.That(configuration.Select, Is.Empty);
    }

    [Test]
    public void AllIsPassedOnAsWritten() =>
        Assert.That(Parse("select: [ALL]\n").Select.Select(Located), Is.EqualTo(new[] { "ALL@1:10" }));

    [TestCase("")]
    [TestCase("\n\n")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n")]
    [TestCase("~\n")]
    public void AnEmptyFileIsAnEmptyConfiguration(string yaml)
    {
        var configuration = Parse(yaml);
        Assert.That(configuration, Is.EqualTo(LintConfiguration.Empty with { Path = Path, Format = ConfigurationFormat.Dflint }));
        Assert.That(configuration.Select.IsDefault, Is.True);
    }

    [Test]
    public void ANullValueLeavesTheKeyUnset()
    {
        var configuration = Parse("""
            select:
            #  - DL3006
            ignore: ~
            failure-threshold: null
            rules:
              DF0201:
            """);
        Assert.That(configuration.Select.IsDefault, Is.True);
        Assert.That(configuration.Ignore, Is.Empty);
        Assert.That(configuration.FailureThreshold, Is.Null);
        Assert.That(configuration.RuleOptions["DF0201"].Names, Is.Empty);
    }

    [TestCase("error", DiagnosticSeverity.Error)]
    [TestCase("Warning", DiagnosticSeverity.Warning)]
    [TestCase("INFO", DiagnosticSeverity.Info)]
    [TestCase("style", DiagnosticSeverity.Hidden)]
    public void ReadsFailureThresholds(string word, DiagnosticSeverity severity)
    {
        var configuration = Parse($"failure-threshold: {word}\n");
        Assert.That(configuration.FailureThreshold, Is.EqualTo(severity));
        Assert.That(configuration.FailureThresholdIsNone, Is.False);
    }

    [TestCase("none")]
    [TestCase("None")]
    public void AThresholdOfNoneNeverFails(string word)
    {
        var configuration = Parse($"failure-threshold: {word}\n");
        Assert.That(configuration.FailureThreshold, Is.Null);
        Assert.That(configuration.FailureThresholdIsNone, Is.True);
    }

    [Test]
    public void FollowsAliases()
    {
        var configuration = Parse("""
            ignore: &noisy [DL3008, DL3015]
            rules:
              DF0201: { images: *noisy }
            """);
        Assert.That(configuration.Ignore.Select(Located), Is.EqualTo(new[] { "DL3008@1:17", "DL3015@1:25" }));
        Assert.That(configuration.RuleOptions["DF0201"].GetStringList("images"), Is.EqualTo(new[] { "DL3008", "DL3015" }));
    }

    [Test]
    public void ReadsCodesWrittenInEveryScalarStyle()
    {
        var configuration = Parse("ignore: [\"DL3008\", 'DL3009', DL3010]\nseverity:\n  \"DL3011\": 'error'\n");
        Assert.That(configuration.Ignore.Select(Located), Is.EqualTo(new[] { "DL3008@1:10", "DL3009@1:20", "DL3010@1:30" }));
        Assert.That(configuration.SeverityOverrides.Single().Code.Text, Is.EqualTo("DL3011"));
    }

    // Every error names the place of the offending key or value, 1-based.
    [TestCase("select: [DL3006\n", "repo/.dflint.yaml:2:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")]
    [TestCase("a: 1\n  b: 2\n", "repo/.dflint.yaml:2:4: invalid YAML: while scanning a plain scalar value, found invalid mapping")]
    [TestCase("ignore: [\"DL3008]\n", "repo/.dflint.yaml:1:10: invalid YAML: while scanning a quoted scalar, found unexpected end of stream")]
    [TestCase("ignore: *missing\n", "repo/.dflint.yaml:1:9: unknown alias '*missing'")]
    [TestCase("select: [DL3006]\n---\nselect: []\n", "repo/.dflint.yaml:2:1: a configuration file holds one YAML document; found a second one")]
    [TestCase("- DL3006\n", "repo/.dflint.yaml:1:1: a configuration file must be a mapping of settings, found a list")]
    [TestCase("select\n", "repo/.dflint.yaml:1:1: a configuration file must be a mapping of settings, found a string")]
    [TestCase("selct: [DL3006]\n", "repo/.dflint.yaml:1:1: unknown key 'selct'; expected one of select, extend-select, ignore, severity, trusted-registries, failure-threshold, no-fail, statistics, quiet, label-schema, strict-labels, rules, context")]
    [TestCase("no-fail: true\nignored: [DL3008]\n", "repo/.dflint.yaml:2:1: unknown key 'ignored' (hadolint's name; here it is 'ignore'); expected one of select, extend-select, ignore, severity, trusted-registries, failure-threshold, no-fail, statistics, quiet, label-schema, strict-labels, rules, context")]
    [TestCase("trustedRegistries: [a]\n", "repo/.dflint.yaml:1:1: unknown key 'trustedRegistries' (hadolint's name; here it is 'trusted-registries'); expected one of select, extend-select, ignore, severity, trusted-registries, failure-threshold, no-fail, statistics, quiet, label-schema, strict-labels, rules, context")]
    [TestCase("override: {}\n", "repo/.dflint.yaml:1:1: unknown key 'override' (hadolint's name; here it is 'severity', a mapping from rule to severity); expected one of select, extend-select, ignore, severity, trusted-registries, failure-threshold, no-fail, statistics, quiet, label-schema, strict-labels, rules, context")]
    [TestCase("ignore: [DL3008]\nignore: [DL3009]\n", "repo/.dflint.yaml:2:1: duplicate key 'ignore' (first at line 1)")]
    [TestCase("severity:\n  DL3008: error\n  DL3008: off\n", "repo/.dflint.yaml:3:3: duplicate key 'DL3008' (first at line 2)")]
    [TestCase("rules:\n  DF0201: { a: 1, a: 2 }\n", "repo/.dflint.yaml:2:19: duplicate key 'a' (first at line 2)")]
    [TestCase("? [a, b]\n: c\n", "repo/.dflint.yaml:1:3: a key must be a single value, not a list")]
    [TestCase("select: DL3006\n", "repo/.dflint.yaml:1:9: 'select' must be a list of rule codes, found a string")]
    [TestCase("extend-select: {DL3006: on}\n", "repo/.dflint.yaml:1:16: 'extend-select' must be a list of rule codes, found a mapping")]
    [TestCase("ignore:\n  - DL3008\n  - [DL3009]\n", "repo/.dflint.yaml:3:5: 'ignore' must be a list of rule codes, found a list")]
    [TestCase("ignore: [DL3008, ~]\n", "repo/.dflint.yaml:1:18: 'ignore' must be a list of rule codes, found null")]
    [TestCase("ignore: ['']\n", "repo/.dflint.yaml:1:10: 'ignore' holds an empty rule code")]
    [TestCase("severity: [DL3008]\n", "repo/.dflint.yaml:1:11: 'severity' must be a mapping, found a list")]
    [TestCase("severity:\n  DL3008: fatal\n", "repo/.dflint.yaml:2:11: unknown severity 'fatal' for 'DL3008'; expected error, warning, info or style, or off")]
    [TestCase("severity:\n  DL3008: [error]\n", "repo/.dflint.yaml:2:11: 'severity.DL3008' must be a severity, found a list")]
    [TestCase("severity:\n  DL3008:\n", "repo/.dflint.yaml:2:10: 'severity.DL3008' must be a severity, found null")]
    [TestCase("trusted-registries: docker.io\n", "repo/.dflint.yaml:1:21: 'trusted-registries' must be a list of strings, found a string")]
    [TestCase("failure-threshold: fatal\n", "repo/.dflint.yaml:1:20: unknown failure threshold 'fatal'; expected error, warning, info or style, or none")]
    [TestCase("failure-threshold: off\n", "repo/.dflint.yaml:1:20: unknown failure threshold 'off'; expected error, warning, info or style, or none")]
    [TestCase("failure-threshold: [error]\n", "repo/.dflint.yaml:1:20: 'failure-threshold' must be a severity, found a list")]
    [TestCase("no-fail: yes\n", "repo/.dflint.yaml:1:10: 'no-fail' must be true or false, found a string")]
    [TestCase("no-fail: \"true\"\n", "repo/.dflint.yaml:1:10: 'no-fail' must be true or false, found a string")]
    [TestCase("strict-labels: 1\n", "repo/.dflint.yaml:1:16: 'strict-labels' must be true or false, found a number")]
    [TestCase("label-schema: [maintainer]\n", "repo/.dflint.yaml:1:15: 'label-schema' must be a mapping, found a list")]
    [TestCase("label-schema:\n  maintainer: person\n", "repo/.dflint.yaml:2:15: unknown label type 'person' for 'maintainer'; expected text, url, semver, hash, rfc3339, spdx or email")]
    [TestCase("rules: [DF0201]\n", "repo/.dflint.yaml:1:8: 'rules' must be a mapping, found a list")]
    [TestCase("rules:\n  DF0201: [a]\n", "repo/.dflint.yaml:2:11: 'rules.DF0201' must be a mapping, found a list")]
    public void ReportsMalformedFilesWithTheirPosition(string yaml, string message) =>
        Assert.That(Error(yaml), Is.EqualTo(message));

    [Test]
    public void ErrorsCarryTheirLocationAndProblemApart()
    {
        var exception = Assert.Throws<ConfigurationException>(() => Parse("no-fail: maybe\n"))!;
        Assert.That(exception.Location, Is.EqualTo(new ConfigLocation(Path, 1, 10)));
        Assert.That(exception.Problem, Is.EqualTo("'no-fail' must be true or false, found a string"));
    }

    // YamlDotNet throws InvalidOperationException and ArgumentException on these rather than a YamlException.
    [TestCase("? [{@b@\"'!\n>[\n@&'\\\\\"]\\-|,b?a?")]
    [TestCase("!!?a[\n!' \"#\t\nba -b|,b-*")]
    public void ParserCrashesBecomeConfigurationErrors(string yaml) =>
        Assert.That(Error(yaml), Does.StartWith(Path + ":").And.Contain("invalid YAML"));

    [Test]
    public void RandomTextFailsOnlyWithConfigurationExceptions()
    {
        var random = new Random(12345);
        const string alphabet = "ab:- \n\t[]{},\"'#&*!|>?%@`~\\";
        for (var i = 0; i < 20000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            try
            {
                Parse(text);
            }
            catch (ConfigurationException e)
            {
                Assert.That(e.Message, Does.StartWith(Path + ":"), text);
                Assert.That(e.Message, Does.Not.Contain("YamlDotNet"), text);
            }
        }
    }
}

using Dflint.Configuration;
using Microsoft.CodeAnalysis;

namespace Dflint.Tests.Configuration;

/// <summary>The examples in docs/CONFIGURATION.md are read as they are written, so they cannot drift from the readers.</summary>
public sealed class DocumentationExampleTests
{
    private static string[] YamlExamples()
    {
        var text = File.ReadAllText(Path.Join(Snapshot.RepositoryRoot, "docs", "CONFIGURATION.md")).ReplaceLineEndings("\n");
        return [.. text.Split("```yaml\n").Skip(1).Select(block => block[..block.IndexOf("```", StringComparison.Ordinal)])];
    }

    [Test]
    public void TheDflintExampleReadsWithoutWarnings()
    {
        var configuration = ConfigurationLoader.Parse(YamlExamples()[0], ".dflint.yaml", ConfigurationFormat.Dflint);
        Assert.That(configuration.Select.Select(c => c.Text), Is.EqualTo(new[] { "DL3006", "DF0201", "apt-get-pin-versions" }));
        Assert.That(configuration.SeverityOverrides, Has.Length.EqualTo(3));
        Assert.That(configuration.FailureThreshold, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(configuration.RuleOptions["DF0201"].GetStringList("known-unprivileged-images"), Is.EqualTo(new[] { "gcr.io/distroless/*:nonroot" }));
        Assert.That(configuration.Warnings, Is.Empty);
    }

    [Test]
    public void TheHadolintExampleReadsWithoutWarnings()
    {
        var configuration = ConfigurationLoader.Parse(YamlExamples()[1], ".hadolint.yaml", ConfigurationFormat.Hadolint);
        Assert.That(configuration.Ignore.Select(c => c.Text), Is.EqualTo(new[] { "DL3008", "SC2086" }));
        Assert.That(configuration.SeverityOverrides, Has.Length.EqualTo(4));
        Assert.That(configuration.StrictLabels, Is.True);
        Assert.That(configuration.Warnings, Is.Empty);
    }
}

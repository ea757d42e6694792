using System.Text;

namespace Dflint.Integration.Tests;

/// <summary>One scratch folder for the whole run, removed at its end; every test works in folders below it.</summary>
internal static class Scratch
{
    private static readonly Lazy<string> s_root = new(() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dflint-integration-" + Guid.NewGuid().ToString("N"))).FullName);

    public static string NewFolder(string name) =>
        Directory.CreateDirectory(Path.Combine(s_root.Value, name + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>Writes files given as relative path and text, creating folders on the way.</summary>
    public static void WriteFiles(string folder, params (string Path, string Text)[] files)
    {
        foreach (var (relative, text) in files)
        {
            var full = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    internal static void Delete()
    {
        if (!s_root.IsValueCreated) return;
        try
        {
            Directory.Delete(s_root.Value, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover folder in the temp directory must not turn a passing run into a failing one.
        }
    }
}

/// <summary>Removes the scratch folder after the last test of the assembly.</summary>
[SetUpFixture]
public sealed class ScratchCleanup
{
    [OneTimeTearDown]
    public void DeleteScratch() => Scratch.Delete();
}

/// <summary>Dockerfiles the tests lint: one with a warning and one without findings at the default threshold.</summary>
internal static class SampleDockerfiles
{
    /// <summary>Raises DL3007 (a warning) at 1:6 and nothing else.</summary>
    public const string LatestTag = "FROM ubuntu:latest\nUSER nobody\nCMD [\"true\"]\n";

    public const string Clean = "FROM alpine:3.20\nUSER nobody\nCMD [\"true\"]\n";
}

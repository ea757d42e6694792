namespace Dflint.Tests;

/// <summary>
/// Snapshot files (<c>*.verified.txt</c>) kept beside the tests. A mismatch writes <c>*.received.txt</c> next to
/// it and fails; setting DFLINT_UPDATE_SNAPSHOTS=1 accepts the new output. Snapshots are reviewed in diffs,
/// never edited by hand.
/// </summary>
internal static class Snapshot
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static void Verify(string verifiedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("DFLINT_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot yet: review {receivedPath} and accept it with DFLINT_UPDATE_SNAPSHOTS=1."
            : $"Snapshot differs: compare {receivedPath} with {verifiedPath}; accept with DFLINT_UPDATE_SNAPSHOTS=1.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzer.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("Analyzer.sln not found above " + AppContext.BaseDirectory);
    }
}

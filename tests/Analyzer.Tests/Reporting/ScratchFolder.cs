namespace Dflint.Tests.Reporting;

/// <summary>A temporary folder, optionally a repository root (it holds <c>.git</c>), removed afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(bool withGit)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dflint-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (withGit) Directory.CreateDirectory(System.IO.Path.Combine(Path, ".git"));
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory must not fail the test that used it.
        }
    }
}

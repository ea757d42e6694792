using System.Xml.Linq;

namespace Dflint.Integration.Tests;

/// <summary>
/// The working tree under test, copied once per run into a scratch git repository with one commit: uncommitted
/// changes included, build output and ignored files left out. pre-commit needs a repository and a revision to clone,
/// and builds made here cannot collide with the build of the tests themselves.
/// </summary>
internal static class RepositorySnapshot
{
    private const string GitUser = "dflint tests";
    private const string GitEmail = "tests@dflint.invalid";

    private static readonly Lazy<(string Path, string Commit)> s_snapshot = new(Create);

    /// <summary>The repository the tests run from: the first folder above the test assembly that holds Analyzer.sln.</summary>
    public static string SourceRoot { get; } = FindSourceRoot();

    public static string Path => s_snapshot.Value.Path;

    public static string Commit => s_snapshot.Value.Commit;

    /// <summary>The version set in Directory.Build.props, the one place it is set.</summary>
    public static string Version =>
        XDocument.Load(System.IO.Path.Combine(SourceRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    /// <summary>Runs git in <paramref name="folder"/> with a fixed identity, so commits work on a machine without one.</summary>
    public static string Git(string folder, params string[] arguments) =>
        ChildProcess.RunChecked("git", ["-c", "user.name=" + GitUser, "-c", "user.email=" + GitEmail, "-c", "commit.gpgsign=false", .. arguments], folder).Stdout;

    /// <summary>Makes <paramref name="folder"/> a git repository with everything in it added (pre-commit lints what git tracks).</summary>
    public static void InitAndAdd(string folder)
    {
        Git(folder, "init", "-q", "-b", "main");
        Git(folder, "add", "-A");
    }

    private static string FindSourceRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Analyzer.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"no Analyzer.sln above {AppContext.BaseDirectory}");
    }

    private static (string, string) Create()
    {
        var listing = ChildProcess.Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], SourceRoot);
        Assert.That(listing.ExitCode, Is.Zero, () => "the integration tests copy the working tree by asking git for its files; is this a git checkout?\n" + listing);

        var snapshot = Scratch.NewFolder("repository");
        foreach (var relative in listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = System.IO.Path.Combine(SourceRoot, relative);
            // Tracked files deleted in the working tree are listed too; the snapshot is the working tree.
            if (!File.Exists(source)) continue;
            var target = System.IO.Path.Combine(snapshot, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
        InitAndAdd(snapshot);
        Git(snapshot, "commit", "-q", "-m", "working tree under test");
        return (snapshot, Git(snapshot, "rev-parse", "HEAD").Trim());
    }
}

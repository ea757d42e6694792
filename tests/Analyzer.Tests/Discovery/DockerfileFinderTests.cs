using Dflint.Linting;

namespace Dflint.Tests.Discovery;

public sealed class DockerfileFinderTests
{
    private string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("dflint-find-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    private void Touch(params string[] relativePaths)
    {
        foreach (var relative in relativePaths) WriteText(relative, "");
    }

    private void WriteText(string relativePath, string text)
    {
        var path = Path.Join(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string[] Native(params string[] paths) => [.. paths.Select(p => p.Replace('/', Path.DirectorySeparatorChar))];

    private string[] Find(string relativeFolder = "") => [.. DockerfileFinder.Find(Path.Join(_root, relativeFolder))];

    [Test]
    public void FindsDockerfileNamesSorted()
    {
        Touch("b/Dockerfile", "a/Containerfile", "app.Dockerfile", "tool.dockerfile", "Dockerfile.dev", "README.md", "dockerfile", "Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("Dockerfile", "Dockerfile.dev", "a/Containerfile", "app.Dockerfile", "b/Dockerfile", "tool.dockerfile")));
    }

    [Test]
    public void SearchesHiddenFoldersButNotGitOrNodeModules()
    {
        Touch(".devcontainer/Dockerfile", ".git/Dockerfile", "node_modules/pkg/Dockerfile", "a/node_modules/Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native(".devcontainer/Dockerfile")));
    }

    [Test]
    public void DoesNotFollowLinkedFolders()
    {
        Touch("real/Dockerfile");
        Directory.CreateSymbolicLink(Path.Join(_root, "link"), Path.Join(_root, "real"));
        Directory.CreateSymbolicLink(Path.Join(_root, "real", "loop"), _root);
        Assert.That(Find(), Is.EqualTo(Native("real/Dockerfile")));
    }

    [Test]
    public void SkipsWhatTheGitignoreFilesOfTheTreeIgnore()
    {
        WriteText(".gitignore", "build/\n*.tmp.Dockerfile\n/top-only.Dockerfile\n");
        Touch("Dockerfile", "x.tmp.Dockerfile", "top-only.Dockerfile", "sub/top-only.Dockerfile", "build/Dockerfile", "src/build/Dockerfile");
        WriteText("sub/.gitignore", "Dockerfile.*\n!Dockerfile.keep\n");
        Touch("sub/Dockerfile", "sub/Dockerfile.dev", "sub/Dockerfile.keep", "sub/deeper/Dockerfile.prod", "Dockerfile.root");
        Assert.That(Find(), Is.EqualTo(Native("Dockerfile", "Dockerfile.root", "sub/Dockerfile", "sub/Dockerfile.keep", "sub/top-only.Dockerfile")));
    }

    [Test]
    public void ANestedGitignoreCanReincludeWhatAnOuterOneIgnores()
    {
        WriteText(".gitignore", "*.Dockerfile\n");
        WriteText("keep/.gitignore", "!app.Dockerfile\n");
        Touch("app.Dockerfile", "keep/app.Dockerfile", "keep/other.Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("keep/app.Dockerfile")));
    }

    [Test]
    public void NothingInsideAnIgnoredFolderComesBack()
    {
        WriteText(".gitignore", "vendor/\n!vendor/Dockerfile\n");
        WriteText("vendor/.gitignore", "!Dockerfile\n");
        Touch("vendor/Dockerfile", "Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("Dockerfile")));
    }

    [Test]
    public void AppliesTheAncestorsGitignoreFilesUpToTheWorkTreeRoot()
    {
        WriteText(".gitignore", "*.skip.Dockerfile\n");
        Directory.CreateDirectory(Path.Join(_root, "repo", ".git", "info"));
        WriteText("repo/.gitignore", "/a/b/generated/\n*.old.Dockerfile\n");
        WriteText("repo/a/.gitignore", "b/local.Dockerfile\n");
        Touch("repo/a/b/Dockerfile", "repo/a/b/x.old.Dockerfile", "repo/a/b/local.Dockerfile", "repo/a/b/generated/Dockerfile", "repo/a/b/c.skip.Dockerfile");
        // The .gitignore above the work tree is not the repository's: c.skip.Dockerfile stays.
        Assert.That(Find("repo/a/b"), Is.EqualTo(Native("Dockerfile", "c.skip.Dockerfile")));
        Assert.That(Find("repo/a/b/"), Is.EqualTo(Native("Dockerfile", "c.skip.Dockerfile")));
        Assert.That(Find("repo/a/./b/../b"), Is.EqualTo(Native("Dockerfile", "c.skip.Dockerfile")));
    }

    [Test]
    public void AppliesInfoExclude()
    {
        WriteText(".git/info/exclude", "# local\n/private/\n");
        Touch("private/Dockerfile", "public/Dockerfile", "public/private/Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("public/Dockerfile", "public/private/Dockerfile")));
        Assert.That(Find("public"), Is.EqualTo(Native("Dockerfile", "private/Dockerfile")));
    }

    [Test]
    public void AGitignoreOverridesInfoExclude()
    {
        WriteText(".git/info/exclude", "*.Dockerfile\n");
        WriteText(".gitignore", "!wanted.Dockerfile\n");
        Touch("wanted.Dockerfile", "other.Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("wanted.Dockerfile")));
    }

    [Test]
    public void OutsideAWorkTreeOnlyTheSearchedTreesGitignoreFilesApply()
    {
        Assume.That(File.Exists(Path.Join(Path.GetDirectoryName(_root), ".git")) || Directory.Exists(Path.Join(Path.GetDirectoryName(_root), ".git")), Is.False);
        WriteText(".gitignore", "*.Dockerfile\n");
        WriteText("inner/.gitignore", "ignored/\n");
        Touch("inner/a.Dockerfile", "inner/Dockerfile", "inner/ignored/Dockerfile");
        Assert.That(Find("inner"), Is.EqualTo(Native("Dockerfile", "a.Dockerfile")));
        Assert.That(Find(), Is.EqualTo(Native("inner/Dockerfile")));
    }

    [Test]
    public void ANestedWorkTreeFollowsOnlyItsOwnIgnoreFiles()
    {
        Directory.CreateDirectory(Path.Join(_root, ".git"));
        WriteText(".gitignore", "*.Dockerfile\nskipped/\n");
        WriteText("module/.git", "gitdir: ../.git/modules/module\n");
        WriteText(".git/modules/module/info/exclude", "excluded.Dockerfile\n");
        Touch("module/app.Dockerfile", "module/excluded.Dockerfile", "skipped/.git/HEAD", "skipped/Dockerfile", "outer.Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("module/app.Dockerfile")));
    }

    [Test]
    public void ALinkedWorkTreeSharesTheMainInfoExclude()
    {
        Git.RequireGit();
        Directory.CreateDirectory(Path.Join(_root, "main"));
        var main = Path.Join(_root, "main");
        Git.Init(main);
        WriteText("main/Dockerfile", "");
        Assert.That(Git.Run(main, "add", "Dockerfile").ExitCode, Is.Zero);
        var commit = Git.Run(main, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "x");
        Assert.That(commit.ExitCode, Is.Zero, commit.Output);
        var add = Git.Run(main, "worktree", "add", "--quiet", Path.Join(_root, "linked"));
        Assert.That(add.ExitCode, Is.Zero, add.Output);
        WriteText("main/.git/info/exclude", "local.Dockerfile\n");
        Touch("linked/local.Dockerfile", "linked/kept.Dockerfile");
        Assert.That(Find("linked"), Is.EqualTo(Native("Dockerfile", "kept.Dockerfile")));
    }

    [Test]
    public void IgnoresALinkedGitignore()
    {
        WriteText("patterns.txt", "*.Dockerfile\n");
        File.CreateSymbolicLink(Path.Join(_root, ".gitignore"), Path.Join(_root, "patterns.txt"));
        Touch("a.Dockerfile");
        Assert.That(Find(), Is.EqualTo(Native("a.Dockerfile")));
    }

    [Test]
    public void AgreesWithGitLsFilesOnRandomTrees()
    {
        Git.RequireGit();
        string[] patterns =
        [
            "*.Dockerfile", "!keep.Dockerfile", "a/", "/b", "b/", "Dockerfile.*", "!Dockerfile.keep", "**/c/Dockerfile",
            "a/**/Dockerfile", "x*/", "!a/", "/a/Dockerfile", "[ab]/", "?/Dockerfile", "d/**", "!d/keep.Dockerfile", "*/x",
            "c", "!c/", "Dockerfile", "!Dockerfile", "**/b/**",
        ];
        string[] folders = ["a", "b", "c", "d", "xa", "a/b", "a/c", "b/c", "c/a", "d/a", "xa/b", "a/b/c", ".hidden", ".hidden/a"];
        string[] names = ["Dockerfile", "Dockerfile.dev", "Dockerfile.keep", "keep.Dockerfile", "app.Dockerfile", "x"];
        var random = new Random(20240611);
        for (var round = 0; round < 20; round++)
        {
            var repository = Path.Join(_root, $"r{round}");
            Directory.CreateDirectory(repository);
            Git.Init(repository);
            foreach (var folder in folders.Prepend("").Where(_ => random.Next(3) > 0))
            {
                var path = Path.Join(repository, folder);
                Directory.CreateDirectory(path);
                foreach (var name in names.Where(_ => random.Next(2) == 0)) File.WriteAllText(Path.Join(path, name), "");
                if (random.Next(2) == 0)
                {
                    var lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ => patterns[random.Next(patterns.Length)]);
                    File.WriteAllText(Path.Join(path, ".gitignore"), string.Join('\n', lines) + "\n");
                }
            }
            if (random.Next(2) == 0) File.WriteAllText(Path.Join(repository, ".git", "info", "exclude"), patterns[random.Next(patterns.Length)] + "\n");

            var (exitCode, output) = Git.Run(repository, "ls-files", "--others", "--exclude-standard");
            Assert.That(exitCode, Is.Zero, output);
            var expected = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => DockerfileFinder.IsDockerfileName(p[(p.LastIndexOf('/') + 1)..]))
                .Select(p => p.Replace('/', Path.DirectorySeparatorChar))
                .Order(StringComparer.Ordinal);
            var ignoreFiles = string.Join("\n", Directory.EnumerateFiles(repository, ".gitignore", SearchOption.AllDirectories)
                .Select(f => $"{Path.GetRelativePath(repository, f)}: {File.ReadAllText(f).ReplaceLineEndings(" ")}"));
            Assert.That(DockerfileFinder.Find(repository), Is.EqualTo(expected), $"round {round}\n{ignoreFiles}");
        }
    }
}

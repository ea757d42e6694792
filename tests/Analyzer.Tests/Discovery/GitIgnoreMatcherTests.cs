using Dflint.Linting;

namespace Dflint.Tests.Discovery;

/// <summary>
/// Each case states what git does and is checked twice: against the matcher, and against <c>git check-ignore</c>
/// in a scratch repository, so the table itself cannot drift from git.
/// </summary>
public sealed class GitIgnoreMatcherTests
{
    private string _repository = "";
    private int _caseNumber;

    [OneTimeSetUp]
    public void CreateRepository() => _repository = Directory.CreateTempSubdirectory("dflint-gitignore-").FullName;

    [OneTimeTearDown]
    public void DeleteRepository() => Directory.Delete(_repository, recursive: true);

    // A path ending in '/' names a folder.
    [TestCase("# comment\n\nfoo\n", "foo", true, TestName = "Comments and blank lines are skipped")]
    [TestCase("#foo\n", "#foo", false, TestName = "A line starting with # is a comment")]
    [TestCase("\\#foo\n", "#foo", true, TestName = "An escaped # is literal")]
    [TestCase("\\!important\n", "!important", true, TestName = "An escaped ! is literal")]
    [TestCase("foo   \n", "foo", true, TestName = "Trailing spaces are trimmed")]
    [TestCase("foo\\ \n", "foo ", true, TestName = "An escaped trailing space is kept")]
    [TestCase("foo\\ \n", "foo", false, TestName = "An escaped trailing space must match")]
    [TestCase("foo\t\n", "foo", false, TestName = "Trailing tabs are not trimmed")]
    [TestCase("   \nbar\n", "bar", true, TestName = "A line of spaces is blank")]
    [TestCase("foo\r\nbar\r\n", "foo", true, TestName = "CRLF line ends")]
    [TestCase("\uFEFFfoo\n", "foo", true, TestName = "A byte order mark is skipped")]
    [TestCase("*.log\n!keep.log\n", "keep.log", false, TestName = "A negation re-includes")]
    [TestCase("*.log\n!keep.log\n", "other.log", true, TestName = "A negation re-includes only what it matches")]
    [TestCase("!keep.log\n*.log\n", "keep.log", true, TestName = "The last matching pattern wins")]
    [TestCase("dir/\n!dir/keep\n", "dir/keep", true, TestName = "A file in an excluded folder cannot be re-included")]
    [TestCase("dir\n!dir/keep\n", "dir/keep", true, TestName = "A file in an excluded folder cannot be re-included by name")]
    [TestCase("dir/*\n!dir/keep\n", "dir/keep", false, TestName = "Excluding the contents lets a file be re-included")]
    [TestCase("dir/*\n!dir/keep\n", "dir/other", true, TestName = "Excluding the contents excludes the rest")]
    [TestCase("/*\n!/sub/\n", "sub/Dockerfile", false, TestName = "A re-included folder's contents are searched")]
    [TestCase("/*\n!/sub/\n", "other/Dockerfile", true, TestName = "Contents of the still excluded folders are not")]
    [TestCase("build/\n", "build/", true, TestName = "A trailing slash matches a folder")]
    [TestCase("build/\n", "build", false, TestName = "A trailing slash does not match a file")]
    [TestCase("build/\n", "src/build/", true, TestName = "A trailing slash alone does not anchor")]
    [TestCase("build/\n", "src/build/x.txt", true, TestName = "A file below a matched folder is ignored")]
    [TestCase("/foo\n", "foo", true, TestName = "A leading slash anchors to the file's folder")]
    [TestCase("/foo\n", "a/foo", false, TestName = "A leading slash does not match deeper")]
    [TestCase("a/foo\n", "a/foo", true, TestName = "A middle slash anchors")]
    [TestCase("a/foo\n", "x/a/foo", false, TestName = "A middle slash does not match deeper")]
    [TestCase("a/b/\n", "x/a/b/", false, TestName = "A middle slash anchors a folder pattern")]
    [TestCase("foo\n", "x/y/foo", true, TestName = "A name matches at any depth")]
    [TestCase("foo\n", "x/foo/", true, TestName = "A name matches folders too")]
    [TestCase("*.txt\n", "a/b.txt", true, TestName = "Star matches in a name at any depth")]
    [TestCase("*.txt\n", "b.txt/", true, TestName = "Star matches a folder's name")]
    [TestCase("a/*.txt\n", "a/b.txt", true, TestName = "Anchored star matches in its folder")]
    [TestCase("a/*.txt\n", "a/x/b.txt", false, TestName = "Anchored star does not cross a slash")]
    [TestCase("*/foo\n", "a/foo", true, TestName = "Leading star matches one folder")]
    [TestCase("*/foo\n", "a/b/foo", false, TestName = "Leading star matches only one folder")]
    [TestCase("a/*\n", "a/b/c", true, TestName = "A file below a star-matched folder is ignored")]
    [TestCase("?oo\n", "foo", true, TestName = "Question mark matches one character")]
    [TestCase("?oo\n", "oo", false, TestName = "Question mark needs a character")]
    [TestCase("x/a?b\n", "x/a/b", false, TestName = "Question mark does not match a slash")]
    [TestCase("*\n", "any/thing", true, TestName = "Star alone matches everything")]
    [TestCase("[a-c]x\n", "bx", true, TestName = "A range matches")]
    [TestCase("[a-c]x\n", "dx", false, TestName = "A range excludes the rest")]
    [TestCase("[!a-c]x\n", "dx", true, TestName = "A negated class matches the rest")]
    [TestCase("[!a-c]x\n", "bx", false, TestName = "A negated class excludes its members")]
    [TestCase("[^a]x\n", "bx", true, TestName = "Caret negates too")]
    [TestCase("[]a]\n", "]", true, TestName = "A bracket first in a class is literal")]
    [TestCase("[a-]\n", "-", true, TestName = "A dash last in a class is literal")]
    [TestCase("[\\]]\n", "]", true, TestName = "An escaped bracket in a class")]
    [TestCase("[[:digit:]]x\n", "1x", true, TestName = "A POSIX class matches")]
    [TestCase("[[:digit:]]x\n", "ax", false, TestName = "A POSIX class excludes")]
    [TestCase("[[:upper:][:punct:]]\n", "-", true, TestName = "Two POSIX classes")]
    [TestCase("[[:foo:]]x\n", "fx", false, TestName = "An unknown POSIX class matches nothing")]
    [TestCase("[[:x]\n", ":", true, TestName = "Bracket colon without colon bracket is a plain set")]
    [TestCase("[abc\n", "[abc", false, TestName = "An unclosed class matches nothing")]
    [TestCase("a[/]b\n", "a/b", false, TestName = "A class never matches a slash")]
    [TestCase("foo\\\n", "foo", false, TestName = "A trailing backslash matches nothing")]
    [TestCase("f\\oo\n", "foo", true, TestName = "An escaped ordinary character is itself")]
    [TestCase("**/foo\n", "foo", true, TestName = "Leading double star matches no folder")]
    [TestCase("**/foo\n", "a/b/foo", true, TestName = "Leading double star matches folders")]
    [TestCase("**/foo/bar\n", "x/y/foo/bar", true, TestName = "Leading double star before a path")]
    [TestCase("**/foo/bar\n", "foo/bar", true, TestName = "Leading double star before a path, no folder")]
    [TestCase("foo/**\n", "foo/x/y", true, TestName = "Trailing double star matches everything inside")]
    [TestCase("foo/**\n", "foo/", false, TestName = "Trailing double star does not match the folder itself")]
    [TestCase("foo/**\n", "foo", false, TestName = "Trailing double star needs something inside")]
    [TestCase("a/**/b\n", "a/b", true, TestName = "Middle double star matches no folder")]
    [TestCase("a/**/b\n", "a/x/y/b", true, TestName = "Middle double star matches folders")]
    [TestCase("a/**/b\n", "a/xb", false, TestName = "Middle double star keeps its slashes")]
    [TestCase("a**b\n", "axb", true, TestName = "Double star inside a name is a star")]
    [TestCase("x/a**b\n", "x/ax/yb", false, TestName = "Double star inside a name does not cross a slash")]
    [TestCase("**\n", "x/y", true, TestName = "Double star alone matches everything")]
    [TestCase("*a*a*a*a*a*a*a*a*a*a*b\n", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false, TestName = "Many stars do not backtrack")]
    [TestCase("/\n!\nfoo\n", "foo", true, TestName = "A lone slash or bang is no pattern")]
    public void AgreesWithGit(string gitignore, string path, bool ignored)
    {
        var isDirectory = path.EndsWith('/');
        var relative = path.TrimEnd('/');
        Assert.That(GitIgnoreMatcher.Parse(gitignore).IsIgnored(relative, isDirectory), Is.EqualTo(ignored), "matcher");

        Git.RequireGit();
        var folder = Path.Join(_repository, $"case{_caseNumber++}");
        Directory.CreateDirectory(folder);
        if (!File.Exists(Path.Join(_repository, ".git", "HEAD"))) Git.Init(_repository);
        File.WriteAllText(Path.Join(folder, ".gitignore"), gitignore);
        var full = Path.Join(folder, relative);
        if (isDirectory) Directory.CreateDirectory(full);
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, "");
        }
        Assert.That(Git.CheckIgnore(_repository, Path.GetRelativePath(_repository, full)), Is.EqualTo(ignored), "git check-ignore");
    }

    [Test]
    public void MatchGivesTheLastMatchingPatternsVerdict()
    {
        var matcher = GitIgnoreMatcher.Parse("*.log\n!keep.log\nbuild/\n");
        Assert.That(matcher.Match("a.log", isDirectory: false), Is.EqualTo(GitIgnoreVerdict.Ignored));
        Assert.That(matcher.Match("x/keep.log", isDirectory: false), Is.EqualTo(GitIgnoreVerdict.Included));
        Assert.That(matcher.Match("a.txt", isDirectory: false), Is.EqualTo(GitIgnoreVerdict.NotMatched));
        Assert.That(matcher.Match("build", isDirectory: true), Is.EqualTo(GitIgnoreVerdict.Ignored));
        // Match looks at the path alone; IsIgnored also at the folders above it.
        Assert.That(matcher.Match("build/Dockerfile", isDirectory: false), Is.EqualTo(GitIgnoreVerdict.NotMatched));
        Assert.That(matcher.IsIgnored("build/Dockerfile", isDirectory: false), Is.True);
    }

    [TestCase("")]
    [TestCase("\n\n# only comments\n   \n")]
    public void AFileWithoutPatternsIsEmpty(string text)
    {
        var matcher = GitIgnoreMatcher.Parse(text);
        Assert.That(matcher.IsEmpty, Is.True);
        Assert.That(matcher.IsIgnored("anything", isDirectory: false), Is.False);
    }

    [Test]
    public void LongPatternsAndPathsStayFast()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 300)) + "b";
        var path = new string('a', 5000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.That(GitIgnoreMatcher.Parse(pattern).IsIgnored(path, isDirectory: false), Is.False);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }
}

using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis.Text;
using static Dflint.Tests.Shell.ShellTestSupport;

namespace Dflint.Tests.Shell;

public sealed class ShellArgumentTests
{
    private static readonly HashSet<string> s_aptGetOptionsWithValue = ["-o", "-c", "-t", "--target-release"];

    private static ShellCommand Command(string script) => ShellScript.Parse(script).Commands[0];

    [TestCase("apt-get install -y curl", true)]
    [TestCase("apt-get install --yes curl", true)]
    [TestCase("apt-get install --yes=true curl", true)]
    [TestCase("apt-get -qy install curl", true)]
    [TestCase("apt-get install \"-y\" curl", true)]
    [TestCase("apt-get install --assume-yes curl", true)]
    [TestCase("apt-get install curl", false)]
    [TestCase("apt-get install --yesterday curl", false)]
    [TestCase("apt-get install -- -y", false)]
    [TestCase("apt-get install y", false)]
    public void HasOption_matches_long_names_and_letters_in_combined_short_flags(string script, bool expected)
    {
        Assert.That(Command(script).HasOption("-y", "--yes", "--assume-yes"), Is.EqualTo(expected));
    }

    [Test]
    public void HasOption_with_a_long_single_dash_name_matches_only_that_word()
    {
        Assert.That(Command("find . -name x").HasOption("-name"), Is.True);
        Assert.That(Command("find . -n").HasOption("-name"), Is.False);
        Assert.That(Command("pip install --no-cache-dir x").HasOption("--no-cache-dir"), Is.True);
        Assert.That(Command("pip install --no-cache-dir x").HasOption("-n"), Is.False);
    }

    [Test]
    public void ParseArguments_finds_the_subcommand_and_its_positionals()
    {
        var arguments = Command("apt-get -q -o Dpkg::Options::=--force-confold install -y curl=1.2 wget").ParseArguments(s_aptGetOptionsWithValue);
        Assert.Multiple(() =>
        {
            Assert.That(arguments.Positionals.Select(w => w.Text), Is.EqualTo(new[] { "install", "curl=1.2", "wget" }));
            Assert.That(arguments.Subcommand!.Value, Is.EqualTo("install"));
            Assert.That(arguments.SubcommandArguments.Select(w => w.Value), Is.EqualTo(new[] { "curl=1.2", "wget" }));
            Assert.That(arguments.Options.Select(o => (o.Name, o.Value)), Is.EqualTo(new (string, string?)[] { ("-q", null), ("-o", "Dpkg::Options::=--force-confold"), ("-y", null) }));
            Assert.That(arguments.HasOption("-y"), Is.True);
            Assert.That(arguments.HasOption("--yes"), Is.False);
            Assert.That(arguments.FindOption("-o")!.ValueWord!.Text, Is.EqualTo("Dpkg::Options::=--force-confold"));
            Assert.That(arguments.EndOfOptions, Is.Null);
        });
    }

    [Test]
    public void ParseArguments_reads_attached_and_equals_values_with_their_spans()
    {
        const string text = "tool -ofile -qt x --target-release=bookworm --target-release stable --flag=\"a b\" pos";
        var arguments = Command(text).ParseArguments(new HashSet<string> { "-o", "-t", "--target-release" });
        Assert.That(arguments.Options.Select(o => (o.Name, o.Value, o.ValueWord?.Text)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("-o", "file", null),
            ("-q", null, null),
            ("-t", "x", "x"),
            ("--target-release", "bookworm", null),
            ("--target-release", "stable", "stable"),
            ("--flag", "a b", null),
        }));
        Assert.That(arguments.Positionals.Select(w => w.Text), Is.EqualTo(new[] { "pos" }));
        Assert.That(Spanned(text, arguments.Options[0].ValueSpan), Is.EqualTo("file"));
        Assert.That(Spanned(text, arguments.Options[2].ValueSpan), Is.EqualTo("x"));
        Assert.That(Spanned(text, arguments.Options[3].ValueSpan), Is.EqualTo("bookworm"));
        Assert.That(Spanned(text, arguments.Options[5].ValueSpan), Is.EqualTo("--flag=\"a b\""), "a quoted word has no plain sub-span");
        Assert.That(arguments.Options[1].ValueSpan, Is.Null);
    }

    private static string Spanned(string text, TextSpan? span) => text.Substring(span!.Value.Start, span.Value.Length);

    [Test]
    public void A_double_dash_ends_the_options_and_a_lone_dash_is_positional()
    {
        var arguments = Command("rm -f -- -weird - -x").ParseArguments();
        Assert.That(arguments.Options.Select(o => o.Name), Is.EqualTo(new[] { "-f" }));
        Assert.That(arguments.Positionals.Select(w => w.Text), Is.EqualTo(new[] { "-weird", "-", "-x" }));
        Assert.That(arguments.EndOfOptions!.Text, Is.EqualTo("--"));
    }

    [Test]
    public void Options_can_stop_at_the_first_positional()
    {
        var arguments = Command("sudo -u app apt-get install -y x").ParseArguments(new HashSet<string> { "-u" }, stopAtFirstPositional: true);
        Assert.That(arguments.Options.Select(o => (o.Name, o.Value)), Is.EqualTo(new (string, string?)[] { ("-u", "app") }));
        Assert.That(arguments.Positionals.Select(w => w.Text), Is.EqualTo(new[] { "apt-get", "install", "-y", "x" }));
    }

    [Test]
    public void Option_values_at_the_end_are_missing_not_taken_from_nowhere()
    {
        var arguments = Command("apt-get install -o").ParseArguments(s_aptGetOptionsWithValue);
        Assert.That(arguments.Options.Single().Value, Is.Null);
        Assert.That(arguments.Options.Single().ValueSpan, Is.Null);
    }

    [Test]
    public void Options_in_a_continued_RUN_point_at_the_file()
    {
        var (tree, script) = Single("FROM debian\nRUN apt-get install \\\n  --no-install-recommends -y \\\n  curl=7.88\n");
        var command = script.Commands[0];
        var arguments = command.ParseArguments(s_aptGetOptionsWithValue);
        Assert.That(At(tree, arguments.FindOption("--no-install-recommends")!.Word.Span), Is.EqualTo("--no-install-recommends"));
        Assert.That(Position(tree, arguments.SubcommandArguments[0].Span.Start), Is.EqualTo("4:3"));
    }
}

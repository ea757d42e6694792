using Dflint.Semantics.Shell;
using static Dflint.Tests.Shell.ShellTestSupport;

namespace Dflint.Tests.Shell;

/// <summary>An exec-form RUN without a shell read as the one command it runs.</summary>
public sealed class ExecFormCommandTests
{
    [Test]
    public void The_strings_are_the_words_and_their_spans_are_the_string_contents()
    {
        var (tree, script) = Single("FROM debian\nRUN [ \"apt-get\",\"install\", \"-y\",  \"curl\" ]\n");
        Assert.That(script.Source.Kind, Is.EqualTo(ShellSourceKind.ExecForm));
        var command = script.Commands.Single();
        Assert.Multiple(() =>
        {
            Assert.That(command.Words.Select(w => w.Value), Is.EqualTo(new[] { "apt-get", "install", "-y", "curl" }));
            Assert.That(command.Words.Select(w => At(tree, w.Span)), Is.EqualTo(new[] { "apt-get", "install", "-y", "curl" }));
            Assert.That(At(tree, command.Span), Is.EqualTo("apt-get\",\"install\", \"-y\",  \"curl"));
            Assert.That(command.BaseName, Is.EqualTo("apt-get"));
            Assert.That(command.Assignments, Is.Empty);
            Assert.That(command.Redirections, Is.Empty);
            Assert.That(command.Index, Is.Zero);
            Assert.That(command.ToString(), Is.EqualTo("apt-get install -y curl"));
            Assert.That(script.Errors, Is.Empty);
        });
    }

    [Test]
    public void Strings_are_decoded_and_never_expanded_or_split()
    {
        var (tree, script) = Single("FROM debian\nRUN [\"echo\", \"a \\\"b\\\" $HOME\", \"\\u0041;\", \"\"]\n");
        var words = script.Commands.Single().Words;
        Assert.Multiple(() =>
        {
            Assert.That(words.Select(w => w.Value), Is.EqualTo(new[] { "echo", "a \"b\" $HOME", "A;", "" }));
            Assert.That(words.Select(w => w.Text), Is.EqualTo(words.Select(w => w.Value)));
            Assert.That(words.Select(w => w.HasExpansion), Is.All.False);
            Assert.That(At(tree, words[1].Span), Is.EqualTo("a \\\"b\\\" $HOME"));
            Assert.That(At(tree, words[2].Span), Is.EqualTo("\\u0041;"));
            Assert.That(words[3].Span.Length, Is.Zero);
        });
    }

    [Test]
    public void A_string_split_by_a_continuation_is_one_word()
    {
        var (tree, script) = Single("FROM debian\nRUN [\"apk\", \"add\", \"cu\\\n  rl\"]\n");
        var curl = script.Commands.Single().Words[2];
        Assert.That(curl.Value, Is.EqualTo("cu  rl"));
        Assert.That(At(tree, curl.Span), Is.EqualTo("cu\\\n  rl"));
    }

    [Test]
    public void A_shell_run_with_c_behind_a_wrapper_is_read_as_a_nested_script()
    {
        var (tree, script) = Single("FROM debian\nRUN [\"sudo\", \"-E\", \"sh\", \"-c\", \"apt-get update && apt-get install -y \\\"curl\\\"\"]\n");
        Assert.That(Describe(script), Is.EqualTo(new[]
        {
            "sudo -E sh -c apt-get update && apt-get install -y \"curl\"",
            "apt-get update &&",
            "&& apt-get install -y \"curl\"",
        }));
        Assert.That(script.Commands.Skip(1).Select(c => c.Parent), Is.All.SameAs(script.Commands[0]));
        var curl = script.Commands[2].Arguments[2];
        Assert.That(curl.Value, Is.EqualTo("curl"));
        Assert.That(At(tree, curl.Span), Is.EqualTo("\\\"curl\\\""));
    }

    [Test]
    public void A_hand_made_exec_form_source_splits_at_spaces()
    {
        var source = new ShellSource(MappedText.FromContiguous("pip install flask", 10), ShellSourceKind.ExecForm);
        var command = ShellScript.Parse(source).Commands.Single();
        Assert.That(command.Words.Select(w => (w.Value, w.Span.Start)), Is.EqualTo(new[] { ("pip", 10), ("install", 14), ("flask", 22) }));
    }

    [Test]
    public void Wrappers_in_exec_form_are_looked_through()
    {
        var (_, script) = Single("FROM debian\nRUN [\"env\", \"PIP_NO_CACHE_DIR=1\", \"pip\", \"install\", \"x\"]\n");
        var effective = script.Commands.Single().Effective;
        Assert.That(effective.BaseName, Is.EqualTo("pip"));
        Assert.That(effective.FindAssignment("PIP_NO_CACHE_DIR"), Is.EqualTo("1"));
    }
}

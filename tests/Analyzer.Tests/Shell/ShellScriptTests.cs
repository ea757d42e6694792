using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis.Text;
using static Dflint.Tests.Shell.ShellTestSupport;

namespace Dflint.Tests.Shell;

public sealed class ShellScriptTests
{
    private static string[] Commands(string script) => Describe(ShellScript.Parse(script));

    private static ShellCommand Command(string script, int index = 0) => ShellScript.Parse(script).Commands[index];

    [Test]
    public void Lists_and_pipelines_record_the_operators_between_commands()
    {
        var script = ShellScript.Parse("set -eux; apt-get update && apt-get install -y curl || true; curl -fsSL https://x/y.tgz | tar -xz -C /opt & wait");
        Assert.That(Describe(script), Is.EqualTo(new[]
        {
            "set -eux ;",
            "; apt-get update &&",
            "&& apt-get install -y curl ||",
            "|| true ;",
            "; curl -fsSL https://x/y.tgz |",
            "| tar -xz -C /opt &",
            "& wait",
        }));
        Assert.That(script.Commands.Select(c => c.IsInPipeline), Is.EqualTo(new[] { false, false, false, false, true, true, false }));
        Assert.That(script.Commands.Select(c => c.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6 }));
        Assert.That(script.Errors, Is.Empty);
    }

    [Test]
    public void Operators_are_recognised_without_blanks_and_pipe_with_stderr_is_a_pipe()
    {
        Assert.That(Commands("a&&b||c;d|e|&f"), Is.EqualTo(new[] { "a &&", "&& b ||", "|| c ;", "; d |", "| e |", "| f" }));
    }

    [Test]
    public void Names_and_arguments()
    {
        var command = Command("/usr/bin/apt-get install -y curl");
        Assert.Multiple(() =>
        {
            Assert.That(command.Name, Is.EqualTo("/usr/bin/apt-get"));
            Assert.That(command.BaseName, Is.EqualTo("apt-get"));
            Assert.That(command.NameWord!.Text, Is.EqualTo("/usr/bin/apt-get"));
            Assert.That(command.Arguments.Select(w => w.Text), Is.EqualTo(new[] { "install", "-y", "curl" }));
            Assert.That(command.ToString(), Is.EqualTo("/usr/bin/apt-get install -y curl"));
        });
        var empty = Command("> /dev/null");
        Assert.That((empty.Name, empty.BaseName, empty.NameWord, empty.Arguments.Length), Is.EqualTo(("", "", (ShellWord?)null, 0)));
    }

    [TestCase("plain", "plain", "plain", false, false)]
    [TestCase("'a b'", "'a b'", "a b", false, true)]
    [TestCase("\"${HOME}/x\"", "\"${HOME}/x\"", "${HOME}/x", true, true)]
    [TestCase("\"a \\\"b\\\" \\$c \\d\"", "\"a \\\"b\\\" \\$c \\d\"", "a \"b\" $c \\d", false, true)]
    [TestCase("a\\ b", "a\\ b", "a b", false, true)]
    [TestCase("'$HOME'", "'$HOME'", "$HOME", false, true)]
    [TestCase("$HOME/bin", "$HOME/bin", "$HOME/bin", true, false)]
    [TestCase("x$1y", "x$1y", "x$1y", true, false)]
    [TestCase("$(uname -m)", "$(uname -m)", "$(uname -m)", true, false)]
    [TestCase("\"$(dpkg --print-architecture)\"", "\"$(dpkg --print-architecture)\"", "$(dpkg --print-architecture)", true, true)]
    [TestCase("`date +%s`", "`date +%s`", "`date +%s`", true, false)]
    [TestCase("$((1 + 2))", "$((1 + 2))", "$((1 + 2))", true, false)]
    [TestCase("${VAR:-\"}\"}", "${VAR:-\"}\"}", "${VAR:-\"}\"}", true, false)]
    [TestCase("$'a\\nb\\q'", "$'a\\nb\\q'", "a\nb\\q", false, true)]
    [TestCase("$\"x\"", "$\"x\"", "x", false, true)]
    [TestCase("a$", "a$", "a$", false, false)]
    [TestCase("100%", "100%", "100%", false, false)]
    [TestCase("a#b", "a#b", "a#b", false, false)]
    [TestCase("{a,b}", "{a,b}", "{a,b}", false, false)]
    [TestCase("''", "''", "", false, true)]
    public void Word_text_value_and_flags(string written, string text, string value, bool hasExpansion, bool isQuoted)
    {
        var word = Command("echo " + written).Arguments.Single();
        Assert.That((word.Text, word.Value, word.HasExpansion, word.IsQuoted, word.IsLiteral), Is.EqualTo((text, value, hasExpansion, isQuoted, !hasExpansion)));
        Assert.That(word.LogicalStart, Is.EqualTo(5));
    }

    [Test]
    public void A_line_continuation_inside_a_script_joins_the_word()
    {
        var command = Command("apt-get ins\\\ntall \\\n  curl");
        Assert.That(command.Words.Select(w => (w.Text, w.Value)), Is.EqualTo(new[] { ("apt-get", "apt-get"), ("ins\\\ntall", "install"), ("curl", "curl") }));
    }

    [Test]
    public void Assignments_before_the_command()
    {
        var command = Command("DEBIAN_FRONTEND=noninteractive PATH=\"/opt/bin:$PATH\" A+=x apt-get install -y X=1");
        Assert.That(command.Assignments.Select(a => (a.Name, a.Value.Text, a.Value.Value, a.Value.HasExpansion, a.Value.IsQuoted, a.IsAppend)), Is.EqualTo(new[]
        {
            ("DEBIAN_FRONTEND", "noninteractive", "noninteractive", false, false, false),
            ("PATH", "\"/opt/bin:$PATH\"", "/opt/bin:$PATH", true, true, false),
            ("A", "x", "x", false, false, true),
        }));
        Assert.That(command.Name, Is.EqualTo("apt-get"));
        Assert.That(command.Arguments.Select(w => w.Text), Is.EqualTo(new[] { "install", "-y", "X=1" }));
        Assert.That(command.Assignments[1].Value.Span, Is.EqualTo(new TextSpan(36, 16)));
        Assert.That(command.Assignments[1].Span, Is.EqualTo(new TextSpan(31, 21)));
    }

    [Test]
    public void Assignments_only_and_export_and_words_that_only_look_like_assignments()
    {
        var script = ShellScript.Parse("A=1 B=; export C=2; \"D\"=3; 1X=4; =5; arr=(a \"b c\" $d)");
        Assert.That(Describe(script), Is.EqualTo(new[] { "A=1 B= ;", "; export C=2 ;", "; \"D\"=3 ;", "; 1X=4 ;", "; =5 ;", "; arr=(a \"b c\" $d)" }));
        Assert.That(script.Commands[0].Words, Is.Empty);
        Assert.That(script.Commands[0].Assignments[1].Value.Text, Is.Empty);
        Assert.That(script.Commands[1].Name, Is.EqualTo("export"));
        Assert.That(script.Commands[1].Assignments, Is.Empty);
        Assert.That(script.Commands.Skip(2).Take(3).Select(c => c.Assignments.Length), Is.EqualTo(new[] { 0, 0, 0 }));
        var array = script.Commands[5].Assignments.Single();
        Assert.That((array.Name, array.Value.Text, array.Value.HasExpansion, array.Value.IsQuoted), Is.EqualTo(("arr", "(a \"b c\" $d)", true, true)));
        var plainArray = Command("list=(a b)").Assignments.Single().Value;
        Assert.That((plainArray.Value, plainArray.HasExpansion, plainArray.IsQuoted), Is.EqualTo(("(a b)", false, false)));
    }

    [Test]
    public void Redirections_with_file_descriptors()
    {
        var command = Command("make >build.log 2>&1 </dev/null >>all.log &>both 2>/dev/null >|forced 3<>rw 0<&- cat<<<\"here string\"");
        Assert.That(command.Redirections.Select(r => (r.FileDescriptor, r.Operator, r.Target!.Text)), Is.EqualTo(new (int?, string, string)[]
        {
            (null, ">", "build.log"),
            (2, ">&", "1"),
            (null, "<", "/dev/null"),
            (null, ">>", "all.log"),
            (null, "&>", "both"),
            (2, ">", "/dev/null"),
            (null, ">|", "forced"),
            (3, "<>", "rw"),
            (0, "<&", "-"),
            (null, "<<<", "\"here string\""),
        }));
        Assert.That(command.Words.Select(w => w.Text), Is.EqualTo(new[] { "make", "cat" }));
        Assert.That(command.Redirections[1].Span, Is.EqualTo(new TextSpan(16, 4)));
        Assert.That(command.Span, Is.EqualTo(new TextSpan(0, command.ToString().Length)));
        Assert.That(Command("echo 2 > x").Redirections.Single().FileDescriptor, Is.Null);
        Assert.That(Command("echo 2 > x").Arguments.Single().Text, Is.EqualTo("2"));
    }

    [Test]
    public void Heredoc_bodies_in_a_script_are_skipped_to_their_terminator()
    {
        const string text = "cat > /etc/conf <<EOF\napt-get install x\nEOF\ncat <<-'END' | sh\n\techo $HOME\n\tEND\necho after\n";
        var script = ShellScript.Parse(text);
        Assert.That(Describe(script), Is.EqualTo(new[] { "cat >/etc/conf <<EOF NL", "NL cat <<-'END' |", "| sh NL", "NL echo after NL" }));
        var first = script.Commands[0].Redirections[1];
        Assert.That(first.IsHeredoc, Is.True);
        Assert.That(first.HeredocBodySpan, Is.EqualTo(new TextSpan(22, 18)));
        Assert.That(text.Substring(first.HeredocBodySpan!.Value.Start, first.HeredocBodySpan.Value.Length), Is.EqualTo("apt-get install x\n"));
        Assert.That(script.Commands[1].Redirections[0].HeredocBodySpan!.Value.Length, Is.EqualTo("\techo $HOME\n".Length));
        Assert.That(script.Errors, Is.Empty);
    }

    [Test]
    public void Two_heredocs_on_one_line_are_read_one_after_the_other()
    {
        var script = ShellScript.Parse("paste <<A <<B\n1\nA\n2\nB\nnext\n");
        Assert.That(Describe(script), Is.EqualTo(new[] { "paste <<A <<B NL", "NL next NL" }));
    }

    [Test]
    public void If_for_while_until_and_case_bodies_are_commands_but_keywords_are_not()
    {
        const string text = "if [ \"$(uname -m)\" = x86_64 ]; then ARCH=amd64; elif test -f /arm; then ARCH=arm64; else exit 1; fi\n" +
            "for pkg in curl wget; do apk add \"$pkg\"; done\n" +
            "while read -r line; do echo \"$line\"; done < list\n" +
            "until curl -sf localhost; do sleep 1; done\n" +
            "case \"$ARCH\" in\n  amd64|x86_64) url=a ;;\n  (arm64) url=b;;\n  *) echo unknown; exit 1 ;;\nesac";
        var script = ShellScript.Parse(text);
        Assert.That(Describe(script), Is.EqualTo(new[]
        {
            "[ \"$(uname -m)\" = x86_64 ] ;",
            "uname -m",
            "ARCH=amd64 ;",
            "test -f /arm ;",
            "ARCH=arm64 ;",
            "exit 1 ;",
            "apk add \"$pkg\" ;",
            "read -r line ;",
            "echo \"$line\" ;",
            "curl -sf localhost ;",
            "sleep 1 ;",
            "url=a ;",
            "url=b ;",
            "echo unknown ;",
            "; exit 1 ;",
        }));
        Assert.That(script.Commands[1].IsInSubstitution, Is.True);
        Assert.That(script.Commands[0].IsInSubstitution, Is.False);
        Assert.That(script.Errors, Is.Empty);
    }

    [Test]
    public void Commands_after_a_compound_command_see_its_operator()
    {
        Assert.That(Commands("if a; then b; fi && c || d"), Is.EqualTo(new[] { "a ;", "b ;", "&& c ||", "|| d" }));
        Assert.That(Commands("for f in *.sh; do sh $f; done | tee log"), Is.EqualTo(new[] { "sh $f ;", "| tee log" }));
        Assert.That(Commands("{ a; b; } > log 2>&1; c"), Is.EqualTo(new[] { "a ;", "; b ;", "; c" }));
    }

    [Test]
    public void Groups_subshells_and_functions()
    {
        const string text = "( cd /src && make ) && { echo ok; }; build() { make \"$@\"; }; function clean { rm -rf out; }; function test2() ( true ); build all";
        Assert.That(Commands(text), Is.EqualTo(new[]
        {
            "cd /src &&",
            "&& make",
            "echo ok ;",
            "make \"$@\" ;",
            "rm -rf out ;",
            "true",
            "; build all",
        }));
        Assert.That(ShellScript.Parse(text).Errors, Is.Empty);
    }

    [Test]
    public void Negation_marks_every_command_of_the_pipeline()
    {
        var script = ShellScript.Parse("! grep -q x f | wc -l && echo y; if ! command -v curl; then exit 1; fi");
        Assert.That(script.Commands.Select(c => (c.Name, c.IsNegated)), Is.EqualTo(new[] { ("grep", true), ("wc", true), ("echo", false), ("command", true), ("exit", false) }));
    }

    [Test]
    public void Comments_and_newlines()
    {
        const string text = "# setup\nset -e # strict\n\napt-get update \\\n  && apt-get clean # done\necho a#b\n";
        Assert.That(Commands(text), Is.EqualTo(new[] { "set -e NL", "NL apt-get update &&", "&& apt-get clean NL", "NL echo a#b NL" }));
    }

    [Test]
    public void A_newline_after_an_operator_continues_the_list()
    {
        Assert.That(Commands("a &&\n\n  b |\n c;\nd"), Is.EqualTo(new[] { "a &&", "&& b |", "| c ;", "; d" }));
        Assert.That(Commands("then_\nfor x in 1\n2; do :; done"), Is.EqualTo(new[] { "then_ NL", "2 ;", ": ;" }));
    }

    [Test]
    public void Command_substitutions_backticks_and_process_substitutions_hold_commands()
    {
        var script = ShellScript.Parse("VERSION=$(curl -s https://api/x | jq -r '.tag') make; echo `uname -r`; diff <(sort a) <(sort b); echo \"$(cat \"$(ls)\")\"");
        Assert.That(Describe(script), Is.EqualTo(new[]
        {
            "VERSION=$(curl -s https://api/x | jq -r '.tag') make ;",
            "curl -s https://api/x |",
            "| jq -r '.tag'",
            "; echo `uname -r` ;",
            "uname -r",
            "; diff <(sort a) <(sort b) ;",
            "sort a",
            "sort b",
            "; echo \"$(cat \"$(ls)\")\"",
            "cat \"$(ls)\"",
            "ls",
        }));
        Assert.That(script.Commands.Select(c => c.IsInSubstitution), Is.EqualTo(new[] { false, true, true, false, true, false, true, true, false, true, true }));
        Assert.That(script.Commands[0].Assignments[0].Value.HasExpansion, Is.True);
        Assert.That(script.Commands[1].Span, Is.EqualTo(new TextSpan(10, "curl -s https://api/x".Length)));
    }

    [Test]
    public void A_case_inside_a_command_substitution_does_not_end_it_early()
    {
        Assert.That(Commands("x=$(case $a in a) echo 1;; esac) && next"), Is.EqualTo(new[] { "x=$(case $a in a) echo 1;; esac) &&", "echo 1 ;", "&& next" }));
    }

    [Test]
    public void Backticks_with_backslashes_are_kept_opaque()
    {
        Assert.That(Commands("echo `echo \\`date\\``"), Is.EqualTo(new[] { "echo `echo \\`date\\``" }));
    }

    [Test]
    public void Test_brackets_keep_operators_as_words_and_arithmetic_is_skipped()
    {
        var script = ShellScript.Parse("[[ -f a && $b > 1 || ( c ) ]] && echo y; (( i++ )); for ((i=0; i<3; i++)); do echo $i; done");
        Assert.That(Describe(script), Is.EqualTo(new[] { "[[ -f a && $b > 1 || ( c ) ]] &&", "&& echo y ;", "echo $i ;" }));
        Assert.That(script.Commands[0].Redirections, Is.Empty);
        Assert.That(script.Errors, Is.Empty);
    }

    [Test]
    public void sh_c_with_a_literal_script_holds_nested_commands_mapped_into_the_file()
    {
        const string dockerfile = "FROM debian\nRUN sh -c 'apt-get update && apt-get install -y curl'\n";
        var (tree, script) = Single(dockerfile);
        Assert.That(Describe(script), Is.EqualTo(new[] { "sh -c 'apt-get update && apt-get install -y curl'", "apt-get update &&", "&& apt-get install -y curl" }));
        var sh = script.Commands[0];
        var install = script.Commands[2];
        Assert.Multiple(() =>
        {
            Assert.That(sh.Parent, Is.Null);
            Assert.That(script.Commands[1].Parent, Is.SameAs(sh));
            Assert.That(install.Parent, Is.SameAs(sh));
            Assert.That(install.Source.Kind, Is.EqualTo(ShellSourceKind.ShellCArgument));
            Assert.That(install.Source.Text.Text, Is.EqualTo("apt-get update && apt-get install -y curl"));
            Assert.That(At(tree, install.Span), Is.EqualTo("apt-get install -y curl"));
            Assert.That(At(tree, install.Arguments[2].Span), Is.EqualTo("curl"));
            Assert.That(Position(tree, install.Arguments[2].Span.Start), Is.EqualTo("2:49"));
            Assert.That(install.Index, Is.EqualTo(2));
        });
    }

    [Test]
    public void sh_c_spans_map_through_double_quotes_and_escapes()
    {
        const string dockerfile = "FROM debian\nRUN bash -euxc \"echo \\\"a b\\\" \\$HOME && apt-get ins\\\ntall -y git\"\n";
        var (tree, script) = Single(dockerfile);
        var echo = script.Commands[1];
        Assert.That(echo.Source.Text.Text, Is.EqualTo("echo \"a b\" $HOME && apt-get install -y git"));
        Assert.That(echo.Arguments.Select(w => (w.Text, w.Value, w.HasExpansion)), Is.EqualTo(new[] { ("\"a b\"", "a b", false), ("$HOME", "$HOME", true) }));
        Assert.That(At(tree, echo.Arguments[0].Span), Is.EqualTo("\\\"a b\\\""));
        Assert.That(At(tree, echo.Arguments[1].Span), Is.EqualTo("\\$HOME"));
        var install = script.Commands[2];
        Assert.That(At(tree, install.Arguments[0].Span), Is.EqualTo("ins\\\ntall"));
        Assert.That(At(tree, install.Arguments[2].Span), Is.EqualTo("git"));
    }

    [TestCase("sh -c \"apt-get install $PKG\"", 1)]
    [TestCase("bash script.sh -c 'x'", 1)]
    [TestCase("python -c 'import x'", 1)]
    [TestCase("bash -o pipefail -c 'a | b'", 3)]
    [TestCase("/bin/bash -lc 'a'", 2)]
    [TestCase("dash -c -- 'a; b'", 3)]
    [TestCase("zsh -c a", 2)]
    [TestCase("sh -c \"sh -c 'echo nested'\"", 2)]
    public void Only_one_level_of_literal_sh_c_scripts_is_read(string text, int commands)
    {
        Assert.That(ShellScript.Parse(text).Commands, Has.Length.EqualTo(commands));
    }

    [Test]
    public void Nested_sh_c_inside_a_nested_script_stays_a_word()
    {
        var script = ShellScript.Parse("sh -c \"sh -c 'echo nested'\"");
        Assert.That(Describe(script), Is.EqualTo(new[] { "sh -c \"sh -c 'echo nested'\"", "sh -c 'echo nested'" }));
        Assert.That(script.Commands[1].Parent, Is.SameAs(script.Commands[0]));
    }

    [Test]
    public void Unterminated_constructs_are_errors_and_the_rest_is_still_read()
    {
        var script = ShellScript.Parse("apt-get update && echo \"unterminated; apt-get install x");
        Assert.That(Describe(script), Is.EqualTo(new[] { "apt-get update &&", "&& echo \"unterminated; apt-get install x" }));
        Assert.That(script.Errors.Select(e => (e.Message, e.Span)), Is.EqualTo(new[] { ("unterminated double quote", new TextSpan(23, 1)) }));
        Assert.That(script.Commands[1].Arguments.Single().Value, Is.EqualTo("unterminated; apt-get install x"));
    }

    [TestCase("echo 'a", "unterminated single quote", 5, 1)]
    [TestCase("echo $(ls", "unterminated command substitution: no ')' closes it", 5, 2)]
    [TestCase("echo `ls", "unterminated backtick: no '`' closes it", 5, 1)]
    [TestCase("echo ${a", "unterminated '${': no '}' closes it", 5, 2)]
    [TestCase("echo $((1", "unterminated '$((': no '))' closes it", 5, 3)]
    [TestCase("echo $'a", "unterminated single quote", 5, 2)]
    [TestCase("cat <<EOF\nbody\n", "unterminated heredoc: no line 'EOF' closes it", 4, 5)]
    [TestCase("if true; then echo", "'if' is not closed: no 'fi' follows", 0, 2)]
    [TestCase("for a in b; do echo", "'for' is not closed: no 'done' follows", 0, 3)]
    [TestCase("( echo", "'(' is not closed: no ')' follows", 0, 1)]
    [TestCase("{ echo", "'{' is not closed: no '}' follows", 0, 1)]
    [TestCase("case a in b) x;;", "'case' is not closed: no 'esac' follows", 0, 4)]
    [TestCase("echo; fi", "unexpected 'fi'", 6, 2)]
    [TestCase("echo )", "unexpected ')'", 5, 1)]
    [TestCase("echo >", "'>' needs a target", 5, 1)]
    [TestCase("echo > ;", "'>' needs a target", 5, 1)]
    [TestCase("echo (", "unexpected '(' after a command word", 5, 1)]
    public void Syntax_errors(string text, string message, int start, int length)
    {
        var script = ShellScript.Parse(text);
        Assert.That(script.Errors.Select(e => (e.Message, e.Span)).First(), Is.EqualTo((message, new TextSpan(start, length))));
        Assert.That(script.Commands, Is.Not.Empty);
    }

    [Test]
    public void A_redirection_without_a_target_ends_the_command_at_the_operator()
    {
        var script = ShellScript.Parse("echo hi > ; next");
        Assert.That(Describe(script), Is.EqualTo(new[] { "echo hi > ;", "; next" }));
        Assert.That(script.Commands[0].Span, Is.EqualTo(new TextSpan(0, 9)));
        Assert.That(script.Commands[0].Redirections.Single().Target, Is.Null);
    }

    [Test]
    public void A_heredoc_marker_without_a_body_in_a_one_line_script_is_no_error()
    {
        var script = ShellScript.Parse("cat <<EOF > /etc/motd");
        Assert.That(script.Errors, Is.Empty);
        Assert.That(script.Commands.Single().Redirections[0].HeredocBodySpan, Is.Null);
    }

    [Test]
    public void Empty_and_blank_scripts_have_no_commands()
    {
        Assert.That(ShellScript.Parse("").Commands, Is.Empty);
        Assert.That(ShellScript.Parse("  \n # c \n;").Commands, Is.Empty);
    }

    [Test]
    public void A_huge_script_is_read_in_one_pass()
    {
        var builder = new System.Text.StringBuilder("FROM alpine\nRUN ");
        for (var i = 0; i < 100_000; i++) builder.Append(i == 0 ? "" : " && ").Append("echo ").Append(i);
        var tree = Tree(builder.Append('\n').ToString());
        Assert.That(tree.Text.Length, Is.GreaterThan(1_000_000));
        var script = Scripts(tree, 1).Single();
        Assert.That(script.Commands, Has.Length.EqualTo(100_000));
        Assert.That(At(tree, script.Commands[^1].Span), Is.EqualTo("echo 99999"));
    }

    [Test]
    public void Deeply_nested_substitutions_and_groups_do_not_exhaust_the_stack()
    {
        var nested = string.Concat(Enumerable.Repeat("$(", 5000)) + "x" + new string(')', 5000);
        var subshells = string.Concat(Enumerable.Repeat("( ", 5000)) + "y" + new string(')', 5000);
        var script = ShellScript.Parse("echo " + nested + "; " + subshells);
        Assert.That(script.Errors, Is.Empty);
        Assert.That(script.Commands[^1].Name, Is.EqualTo("y"));
        Assert.That(script.Commands.Count(c => c.Name == "x"), Is.EqualTo(0), "beyond the nesting cap the text is opaque");
        Assert.That(script.Commands, Has.Length.EqualTo(65 + 1));
    }
}

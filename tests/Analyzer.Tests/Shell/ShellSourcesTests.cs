using System.Collections.Immutable;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Dflint.Tests.Shell.ShellTestSupport;

namespace Dflint.Tests.Shell;

public sealed class ShellSourcesTests
{
    private static ImmutableArray<ShellSource> Sources(DockerfileSyntaxTree tree, int index) =>
        ShellSources.For(tree.Instructions[index], tree.EscapeChar);

    [Test]
    public void Shell_form_RUN_is_joined_as_BuildKit_joins_it_and_maps_back_to_the_file()
    {
        const string dockerfile = "FROM debian:12\n" +
            "RUN --mount=type=cache,target=/var/cache/apt apt-get update \\\n" +
            "    # tools we need\n" +
            "    && apt-get install -y --no-install-recommends \\\n" +
            "\n" +
            "       curl=7.88.1-10 \\\n" +
            "       wget \\\n" +
            "    && rm -rf /var/lib/apt/lists/*\n";
        var tree = Tree(dockerfile);
        var run = (RunInstructionSyntax)tree.Instructions[1];
        var sources = Sources(tree, 1);

        Assert.That(sources, Has.Length.EqualTo(1));
        var text = sources[0].Text;
        Assert.Multiple(() =>
        {
            Assert.That(sources[0].Kind, Is.EqualTo(ShellSourceKind.ShellForm));
            Assert.That(text.Text, Is.EqualTo("apt-get update     && apt-get install -y --no-install-recommends        curl=7.88.1-10        wget     && rm -rf /var/lib/apt/lists/*"));
            Assert.That(text.Text, Is.EqualTo(run.ShellForm!.CommandText));
            Assert.That(text.SegmentCount, Is.EqualTo(5), "one segment per physical line kept");
            Assert.That(At(tree, text.FileSpan), Is.EqualTo(dockerfile[(dockerfile.IndexOf("apt-get", StringComparison.Ordinal))..^1]));
        });

        var curl = ShellScript.Parse(sources[0]).Commands[1].Arguments[3];
        Assert.That(curl.Text, Is.EqualTo("curl=7.88.1-10"));
        Assert.That(At(tree, curl.Span), Is.EqualTo("curl=7.88.1-10"));
        Assert.That(Position(tree, curl.Span.Start), Is.EqualTo("6:8"));
    }

    [Test]
    public void A_word_split_by_a_continuation_is_one_word_whose_span_covers_both_pieces()
    {
        var (tree, script) = Single("FROM alpine\nRUN apt-get ins\\\ntall -y curl\n");
        var install = script.Commands[0].Arguments[0];
        Assert.Multiple(() =>
        {
            Assert.That(install.Text, Is.EqualTo("install"));
            Assert.That(install.Value, Is.EqualTo("install"));
            Assert.That(At(tree, install.Span), Is.EqualTo("ins\\\ntall"));
            Assert.That(At(tree, script.Commands[0].Arguments[2].Span), Is.EqualTo("curl"));
            Assert.That(Position(tree, script.Commands[0].Arguments[2].Span.Start), Is.EqualTo("3:9"));
        });
    }

    [Test]
    public void The_backtick_escape_directive_continues_lines_with_a_backtick()
    {
        const string dockerfile = "# escape=`\nFROM debian\nRUN apt-get update `\n    && apt-get install -y `\n       curl\n";
        var (tree, script) = Single(dockerfile);
        Assert.That(tree.EscapeChar, Is.EqualTo('`'));
        Assert.That(script.Source.Text.Text, Is.EqualTo("apt-get update     && apt-get install -y        curl"));
        Assert.That(Describe(script), Is.EqualTo(new[] { "apt-get update &&", "&& apt-get install -y curl" }));
        var curl = script.Commands[1].Arguments[2];
        Assert.That(At(tree, curl.Span), Is.EqualTo("curl"));
        Assert.That(Position(tree, curl.Span.Start), Is.EqualTo("5:8"));
    }

    [Test]
    public void An_empty_assignment_value_before_a_continuation_sits_after_the_equals_sign()
    {
        var (tree, script) = Single("FROM alpine\nRUN A=\\\n  make\n");
        var assignment = script.Commands[0].Assignments.Single();
        Assert.That(assignment.Value.Span, Is.EqualTo(new TextSpan(assignment.Word.Span.End, 0)));
        Assert.That(At(tree, assignment.Word.Span), Is.EqualTo("A="));
    }

    [Test]
    public void Backslashes_stay_shell_escapes_under_the_backtick_directive()
    {
        var (tree, script) = Single("# escape=`\nFROM debian\nRUN echo a\\ b `\n  c:\\path\n");
        Assert.That(script.Source.Text.Text, Is.EqualTo("echo a\\ b   c:\\path"));
        Assert.That(script.Commands[0].Arguments.Select(w => w.Value), Is.EqualTo(new[] { "a b", "c:path" }));
        Assert.That(At(tree, script.Commands[0].Arguments[1].Span), Is.EqualTo("c:\\path"));
    }

    [Test]
    public void CRLF_line_ends_are_not_part_of_the_script()
    {
        const string dockerfile = "FROM alpine\r\nRUN apk add \\\r\n    # comment\r\n    curl \\\r\n    git\r\nRUN echo done\r\n";
        var tree = Tree(dockerfile);
        var script = Scripts(tree, 1).Single();
        Assert.That(script.Source.Text.Text, Is.EqualTo("apk add     curl     git"));
        Assert.That(script.Commands[0].Words.Select(w => At(tree, w.Span)), Is.EqualTo(new[] { "apk", "add", "curl", "git" }));
        Assert.That(Position(tree, script.Commands[0].Words[3].Span.Start), Is.EqualTo("5:5"));
        Assert.That(Describe(Scripts(tree, 2).Single()), Is.EqualTo(new[] { "echo done" }));
    }

    [Test]
    public void CRLF_heredoc_bodies_end_lines_before_the_carriage_return()
    {
        const string dockerfile = "FROM alpine\r\nRUN <<EOF\r\napk add curl\r\necho ok\r\nEOF\r\n";
        var tree = Tree(dockerfile);
        var script = Scripts(tree, 1).Single();
        Assert.That(script.Source.Text.Text, Is.EqualTo("apk add curl\r\necho ok\r\n"));
        Assert.That(Describe(script), Is.EqualTo(new[] { "apk add curl NL", "NL echo ok NL" }));
        Assert.That(At(tree, script.Commands[0].Span), Is.EqualTo("apk add curl"));
        Assert.That(script.Errors, Is.Empty);
    }

    [Test]
    public void A_lone_heredoc_marker_runs_the_body_as_the_script()
    {
        const string dockerfile = "FROM debian\nRUN <<EOF\nset -eux\napt-get update\napt-get install -y curl\nEOF\n";
        var tree = Tree(dockerfile);
        var sources = Sources(tree, 1);
        Assert.That(sources.Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[]
        {
            (ShellSourceKind.HeredocBody, "set -eux\napt-get update\napt-get install -y curl\n"),
        }));
        var script = ShellScript.Parse(sources[0]);
        Assert.That(Describe(script), Is.EqualTo(new[] { "set -eux NL", "NL apt-get update NL", "NL apt-get install -y curl NL" }));
        var curl = script.Commands[2].Arguments[2];
        Assert.That(At(tree, curl.Span), Is.EqualTo("curl"));
        Assert.That(Position(tree, curl.Span.Start), Is.EqualTo("5:20"));
        Assert.That(script.Commands[2].Source.Kind, Is.EqualTo(ShellSourceKind.HeredocBody));
    }

    [Test]
    public void A_chomping_heredoc_drops_leading_tabs_and_maps_around_them()
    {
        const string dockerfile = "FROM debian\nRUN <<-EOT\n\tapt-get update\n\t\tapt-get install -y curl\n\tEOT\n";
        var tree = Tree(dockerfile);
        var source = Sources(tree, 1).Single();
        Assert.That(source.Text.Text, Is.EqualTo("apt-get update\napt-get install -y curl\n"));
        var script = ShellScript.Parse(source);
        Assert.That(script.Commands[1].Span, Is.EqualTo(new TextSpan(dockerfile.IndexOf("apt-get install", StringComparison.Ordinal), "apt-get install -y curl".Length)));
        Assert.That(At(tree, script.Commands[1].NameWord!.Span), Is.EqualTo("apt-get"));
        Assert.That(Position(tree, script.Commands[1].Span.Start), Is.EqualTo("4:3"));
    }

    [TestCase("bash <<EOF")]
    [TestCase("bash -ex <<EOF")]
    [TestCase("<<EOF sh")]
    [TestCase("/bin/sh -s -- arg <<EOF")]
    [TestCase("set -e; bash -o pipefail <<EOF")]
    public void A_shell_reading_a_heredoc_runs_the_body_too(string command)
    {
        var dockerfile = $"FROM debian\nRUN {command}\necho hi\nEOF\n";
        var tree = Tree(dockerfile);
        var sources = Sources(tree, 1);
        Assert.That(sources.Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[]
        {
            (ShellSourceKind.ShellForm, command),
            (ShellSourceKind.HeredocBody, "echo hi\n"),
        }));
        Assert.That(At(tree, sources[1].Text.FileSpan), Is.EqualTo("echo hi\n"));
    }

    [TestCase("python3 <<EOF")]
    [TestCase("cat > /etc/apt/sources.list <<EOF")]
    [TestCase("cat <<EOF > /etc/motd")]
    [TestCase("bash script.sh <<EOF")]
    [TestCase("bash -c 'cat' <<EOF")]
    [TestCase("bash 3<<EOF")]
    public void Other_heredocs_are_data(string command)
    {
        var tree = Tree($"FROM debian\nRUN {command}\nprint('hi')\nEOF\n");
        var sources = Sources(tree, 1);
        Assert.That(sources.Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[] { (ShellSourceKind.ShellForm, command) }));
    }

    [Test]
    public void The_command_line_of_a_data_heredoc_is_still_a_script()
    {
        var (tree, script) = Single("FROM debian\nRUN cat <<EOF > /etc/motd\nhello\nEOF\n");
        var cat = script.Commands.Single();
        Assert.That(cat.Name, Is.EqualTo("cat"));
        Assert.That(cat.Redirections.Select(r => (r.Operator, r.Target!.Value)), Is.EqualTo(new[] { ("<<", "EOF"), (">", "/etc/motd") }));
        Assert.That(At(tree, cat.Span), Is.EqualTo("cat <<EOF > /etc/motd"));
        Assert.That(script.Errors, Is.Empty);
    }

    [TestCase("#!/bin/bash\nset -e\n", 1)]
    [TestCase("#!/usr/bin/env sh\necho\n", 1)]
    [TestCase("#!/usr/bin/env python3\nprint(1)\n", 0)]
    [TestCase("#!/usr/bin/perl\nprint 1;\n", 0)]
    public void A_lone_heredoc_with_an_interpreter_line_is_a_script_only_for_a_shell(string body, int expected)
    {
        var tree = Tree($"FROM debian\nRUN <<EOF\n{body}EOF\n");
        Assert.That(Sources(tree, 1), Has.Length.EqualTo(expected));
    }

    [Test]
    public void Exec_form_sh_c_gives_the_decoded_script_mapped_inside_the_JSON_string()
    {
        const string dockerfile = "FROM alpine\nRUN [\"/bin/sh\", \"-c\", \"echo \\\"hi there\\\" && apk add --no-cache curl\\u0021\"]\n";
        var tree = Tree(dockerfile);
        var source = Sources(tree, 1).Single();
        Assert.That(source.Kind, Is.EqualTo(ShellSourceKind.ExecFormShellC));
        Assert.That(source.Text.Text, Is.EqualTo("echo \"hi there\" && apk add --no-cache curl!"));
        var script = ShellScript.Parse(source);
        Assert.That(Describe(script), Is.EqualTo(new[] { "echo \"hi there\" &&", "&& apk add --no-cache curl!" }));
        var quoted = script.Commands[0].Arguments[0];
        Assert.That(quoted.Value, Is.EqualTo("hi there"));
        Assert.That(At(tree, quoted.Span), Is.EqualTo("\\\"hi there\\\""));
        Assert.That(At(tree, script.Commands[1].Arguments[2].Span), Is.EqualTo("curl\\u0021"));
    }

    [TestCase("RUN [\"bash\", \"-ec\", \"make install\"]", "make install")]
    [TestCase("RUN [\"bash\", \"-o\", \"pipefail\", \"-c\", \"make | tee log\"]", "make | tee log")]
    [TestCase("CMD [\"sh\", \"-xc\", \"exec nginx\"]", "exec nginx")]
    [TestCase("ENTRYPOINT [\"/bin/bash\", \"-euxc\", \"run.sh\"]", "run.sh")]
    [TestCase("HEALTHCHECK --interval=5s CMD [\"sh\", \"-c\", \"curl -f localhost\"]", "curl -f localhost")]
    public void Exec_forms_running_a_shell_with_c_are_scripts(string instruction, string expected)
    {
        var tree = Tree("FROM alpine\n" + instruction + "\n");
        Assert.That(Sources(tree, 1).Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[] { (ShellSourceKind.ExecFormShellC, expected) }));
    }

    [TestCase("CMD [\"nginx\", \"-g\", \"daemon off;\"]")]
    [TestCase("ENTRYPOINT [\"python3\", \"-c\", \"print(1)\"]")]
    [TestCase("RUN []")]
    [TestCase("SHELL [\"/bin/bash\", \"-c\"]")]
    [TestCase("HEALTHCHECK NONE")]
    [TestCase("COPY a b")]
    [TestCase("ENV A=b")]
    [TestCase("ONBUILD COPY . /src")]
    public void Other_instructions_run_no_shell_script(string instruction)
    {
        var tree = Tree("FROM alpine\n" + instruction + "\n");
        Assert.That(Sources(tree, 1), Is.Empty);
    }

    [TestCase("RUN [\"bash\", \"script.sh\"]", "bash script.sh")]
    [TestCase("RUN [\"sh\", \"-c\"]", "sh -c")]
    [TestCase("RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]", "apt-get install -y curl")]
    [TestCase("ONBUILD RUN [\"/usr/bin/pip\", \"install\", \"a b\"]", "/usr/bin/pip install a b")]
    public void Other_exec_form_RUNs_are_one_command_line(string instruction, string expected)
    {
        var tree = Tree("FROM alpine\n" + instruction + "\n");
        Assert.That(Sources(tree, 1).Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[] { (ShellSourceKind.ExecForm, expected) }));
    }

    [Test]
    public void A_JSON_newline_escape_separates_commands()
    {
        var tree = Tree("FROM alpine\nRUN [\"sh\", \"-c\", \"set -e\\napk add curl\"]\n");
        var script = Scripts(tree, 1).Single();
        Assert.That(Describe(script), Is.EqualTo(new[] { "set -e NL", "NL apk add curl" }));
        Assert.That(At(tree, script.Commands[1].Span), Is.EqualTo("apk add curl"));
    }

    [Test]
    public void A_JSON_string_split_by_a_continuation_maps_both_pieces()
    {
        const string dockerfile = "FROM alpine\nRUN [\"sh\", \"-c\", \"apk add \\\n  curl\"]\n";
        var tree = Tree(dockerfile);
        var source = Sources(tree, 1).Single();
        Assert.That(source.Text.Text, Is.EqualTo("apk add   curl"));
        var curl = ShellScript.Parse(source).Commands[0].Arguments[1];
        Assert.That(At(tree, curl.Span), Is.EqualTo("curl"));
        Assert.That(Position(tree, curl.Span.Start), Is.EqualTo("3:3"));
    }

    [Test]
    public void CMD_ENTRYPOINT_and_HEALTHCHECK_in_shell_form_are_scripts()
    {
        const string dockerfile = "FROM alpine\nCMD exec nginx -g 'daemon off;'\nENTRYPOINT [ -f /x ] && run\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n";
        var tree = Tree(dockerfile);
        Assert.Multiple(() =>
        {
            Assert.That(Describe(Scripts(tree, 1).Single()), Is.EqualTo(new[] { "exec nginx -g 'daemon off;'" }));
            Assert.That(Describe(Scripts(tree, 2).Single()), Is.EqualTo(new[] { "[ -f /x ] &&", "&& run" }));
            Assert.That(Describe(Scripts(tree, 3).Single()), Is.EqualTo(new[] { "curl -f http://localhost/ ||", "|| exit 1" }));
        });
        var exit = Scripts(tree, 3).Single().Commands[1];
        Assert.That(At(tree, exit.Span), Is.EqualTo("exit 1"));
    }

    [Test]
    public void ONBUILD_gives_the_scripts_of_its_trigger()
    {
        const string dockerfile = "FROM alpine\nONBUILD RUN apk add curl\nONBUILD RUN <<EOF\napk add git\nEOF\n";
        var tree = Tree(dockerfile);
        Assert.That(Scripts(tree, 1).Select(s => Describe(s).Single()), Is.EqualTo(new[] { "apk add curl" }));
        var heredoc = Scripts(tree, 2).Single();
        Assert.That(heredoc.Source.Kind, Is.EqualTo(ShellSourceKind.HeredocBody));
        Assert.That(Describe(heredoc), Is.EqualTo(new[] { "apk add git NL" }));
        Assert.That(At(tree, heredoc.Commands[0].Arguments[1].Span), Is.EqualTo("git"));
    }

    [Test]
    public void Several_heredocs_only_run_as_scripts_when_a_shell_reads_them()
    {
        const string dockerfile = "FROM alpine\nRUN <<A cat > /a && bash <<B\nfile a\nA\necho b\nB\n";
        var tree = Tree(dockerfile);
        Assert.That(Sources(tree, 1).Select(s => (s.Kind, s.Text.Text)), Is.EqualTo(new[]
        {
            (ShellSourceKind.ShellForm, "<<A cat > /a && bash <<B"),
            (ShellSourceKind.HeredocBody, "echo b\n"),
        }));
    }

    [Test]
    public void Sources_follow_the_escape_character_passed_in()
    {
        var tree = Tree("FROM alpine\nRUN echo a \\\n  b\n");
        var joined = ShellSources.For(tree.Instructions[1], '\\').Single().Text.Text;
        Assert.That(joined, Is.EqualTo("echo a   b"));
    }
}

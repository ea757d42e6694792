namespace Dflint.Tests.BuildKit;

/// <summary>
/// Hand-written expectations for the BuildKit reference model. Each expected value was
/// derived by reading BuildKit's parser sources, not by running the model.
/// </summary>
[TestFixture]
public sealed class BuildKitReferenceParserTests
{
    // byteLevelQuirk: BuildKit reads flags and the HEALTHCHECK type byte by byte, which cuts non-ASCII
    // characters in half; dflint's tree keeps whole characters there (a documented difference), so those
    // cases are not compared with the tree.
    private static BuildKitParseResult Ok(string dockerfile, bool byteLevelQuirk = false)
    {
        var r = BuildKitReferenceParser.Parse(dockerfile);
        Assert.That(r.Error, Is.Null, "unexpected error");
        // Every hand-checked case doubles as a check that dflint's tree reads the text the same way.
        if (!byteLevelQuirk) BuildKitComparison.AssertAgrees(dockerfile);
        return r;
    }

    private static void AssertDump(string dockerfile, string expected, bool byteLevelQuirk = false)
    {
        var r = Ok(dockerfile, byteLevelQuirk);
        Assert.That(r.Dump(), Is.EqualTo(expected));
    }

    private static BuildKitError Fails(string dockerfile, string message, int start, int end)
    {
        var r = BuildKitReferenceParser.Parse(dockerfile);
        Assert.That(r.Error, Is.Not.Null, "expected an error");
        BuildKitComparison.AssertAgrees(dockerfile);
        Assert.Multiple(() =>
        {
            Assert.That(r.Error!.Message, Is.EqualTo(message));
            Assert.That(r.Error.StartLine, Is.EqualTo(start), "start line");
            Assert.That(r.Error.EndLine, Is.EqualTo(end), "end line");
        });
        return r.Error!;
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Test]
    public void Every_instruction_in_its_plain_form()
    {
        var text = Lines(
            "FROM alpine:3.19 AS build",
            "RUN echo hi",
            "CMD echo hi",
            "LABEL a=b",
            "MAINTAINER me <me@x>",
            "EXPOSE 80 443/udp",
            "ENV A=1",
            "ADD a.tar /x/",
            "COPY a b /c/",
            "ENTRYPOINT [\"/bin/sh\", \"-c\"]",
            "VOLUME /data",
            "USER app:app",
            "WORKDIR /src",
            "ARG V=1",
            "ONBUILD RUN make",
            "STOPSIGNAL SIGTERM",
            "HEALTHCHECK CMD curl -f http://x/",
            "SHELL [\"/bin/bash\", \"-c\"]");
        var expected = Lines(
            "(from \"alpine:3.19\" \"AS\" \"build\")",
            "(run \"echo hi\")",
            "(cmd \"echo hi\")",
            "(label \"a\" \"b\" \"=\")",
            "(maintainer \"me <me@x>\")",
            "(expose \"80\" \"443/udp\")",
            "(env \"A\" \"1\" \"=\")",
            "(add \"a.tar\" \"/x/\")",
            "(copy \"a\" \"b\" \"/c/\")",
            "(entrypoint \"/bin/sh\" \"-c\")",
            "(volume \"/data\")",
            "(user \"app:app\")",
            "(workdir \"/src\")",
            "(arg \"V=1\")",
            "(onbuild (run \"make\"))",
            "(stopsignal \"SIGTERM\")",
            "(healthcheck \"CMD\" \"curl -f http://x/\")",
            "(shell \"/bin/bash\" \"-c\")");
        var r = Ok(text);
        Assert.That(r.Dump(), Is.EqualTo(expected));
        Assert.That(r.Instructions.Select(n => (n.StartLine, n.EndLine)), Is.EqualTo(Enumerable.Range(1, 18).Select(i => (i, i))));
        Assert.That(r.Instructions[9].IsJson, Is.True);
        Assert.That(r.Instructions[1].IsJson, Is.False);
        Assert.That(r.EscapeToken, Is.EqualTo('\\'));
    }

    [Test]
    public void Node_fields_for_a_simple_instruction()
    {
        var n = Ok("COPY --from=build /a /b").Instructions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(n.Value, Is.EqualTo("COPY"));
            Assert.That(n.Original, Is.EqualTo("COPY --from=build /a /b"));
            Assert.That(n.Flags, Is.EqualTo(new[] { "--from=build" }));
            Assert.That(n.Next, Is.EqualTo(new[] { "/a", "/b" }));
            Assert.That(n.Heredocs, Is.Empty);
            Assert.That(n.PrevComment, Is.Empty);
        });
    }

    [Test]
    public void Flags_with_equals_are_collected() =>
        AssertDump("COPY --from=build --chown=1000:1000 /a /b", "(copy [\"--from=build\" \"--chown=1000:1000\"] \"/a\" \"/b\")");

    [Test]
    public void A_flag_without_equals_takes_no_value() =>
        AssertDump("COPY --link --from=build src dst", "(copy [\"--link\" \"--from=build\"] \"src\" \"dst\")");

    [Test]
    public void The_first_word_without_dashes_ends_the_flags()
    {
        var n = Ok("RUN --b c").Instructions.Single();
        Assert.That(n.Flags, Is.EqualTo(new[] { "--b" }));
        Assert.That(n.Next, Is.EqualTo(new[] { "c" }));
    }

    [Test]
    public void Quotes_and_backslashes_in_flags_are_removed() =>
        AssertDump(
            "RUN --mount=\"type=cache,target=/a b\" --x=a\\ b echo",
            "(run [\"--mount=type=cache,target=/a b\" \"--x=a b\"] \"echo\")");

    [Test]
    public void Flags_use_backslash_even_with_backtick_escape() =>
        AssertDump(Lines("# escape=`", "COPY --chown=a\\\"b x y"), "(copy [\"--chown=a\\\"b\"] \"x\" \"y\")");

    [Test]
    public void Double_dash_ends_the_flags()
    {
        AssertDump("RUN -- --version", "(run \"--version\")");
        AssertDump("RUN --a=1 -- --b", "(run [\"--a=1\"] \"--b\")");
        AssertDump("RUN -x --y", "(run \"-x --y\")");
    }

    [Test]
    public void Non_ascii_flag_bytes_are_read_as_latin1()
    {
        // é is C3 A9: each byte is written back as the rune of its value.
        AssertDump("COPY --chown=\u00e9 a b", "(copy [\"--chown=\u00c3\u00a9\"] \"a\" \"b\")", byteLevelQuirk: true);

        // à is C3 A0, and A0 read as a rune is a space: it ends the flag.
        AssertDump("COPY --chown=\u00e0 a b", "(copy [\"--chown=\u00c3\"] \"a\" \"b\")", byteLevelQuirk: true);
    }

    [Test]
    public void Env_old_form_keeps_the_rest_of_the_line()
    {
        AssertDump("ENV PATH /usr/bin:$PATH", "(env \"PATH\" \"/usr/bin:$PATH\" \"\")");
        AssertDump("ENV  A   \"x  y\"", "(env \"A\" \"\\\"x  y\\\"\" \"\")");
    }

    [Test]
    public void Env_new_form_keeps_quotes_and_escapes() =>
        AssertDump(
            "ENV a=\"hello world\" b=c\\ d e='x y'",
            "(env \"a\" \"\\\"hello world\\\"\" \"=\" \"b\" \"c\\\\ d\" \"=\" \"e\" \"'x y'\" \"=\")");

    [Test]
    public void Env_with_backtick_escape()
    {
        AssertDump(Lines("# escape=`", "ENV a=x`\"y b=c"), "(env \"a\" \"x`\\\"y\" \"=\" \"b\" \"c\" \"=\")");
    }

    [Test]
    public void Label_with_quoted_key() =>
        AssertDump(
            "LABEL \"com.example.key\"=\"value with space\" other=1",
            "(label \"\\\"com.example.key\\\"\" \"\\\"value with space\\\"\" \"=\" \"other\" \"1\" \"=\")");

    [Test]
    public void Env_errors()
    {
        Fails("ENV a=1 b", "Syntax error - can't find = in \"b\". Must be of the form: name=value", 1, 1);
        Fails("FROM x\nLABEL A", "LABEL must have two arguments", 2, 2);
        Fails("ENV A", "ENV must have two arguments", 1, 1);
    }

    [Test]
    public void Arg_lists() => AssertDump("ARG A B=2 C=\"x y\"", "(arg \"A\" \"B=2\" \"C=\\\"x y\\\"\")");

    [Test]
    public void Escape_token_at_end_of_a_word_is_dropped()
    {
        // Three backslashes: not a continuation (the last one follows a backslash);
        // parseWords keeps the escaped pair and drops the lone trailing one.
        AssertDump("ARG a=b\\\\\\", "(arg \"a=b\\\\\\\\\")");
    }

    [Test]
    public void Not_quite_json_falls_back_to_shell_form()
    {
        var r = Ok(Lines("CMD [\"a\" \"b\"]", "CMD [a]", "CMD [\"a\",]", "CMD [\"a\"] trailing", "CMD [1e999]", "COPY [a] b"));
        Assert.That(r.Dump(), Is.EqualTo(Lines(
            "(cmd \"[\\\"a\\\" \\\"b\\\"]\")",
            "(cmd \"[a]\")",
            "(cmd \"[\\\"a\\\",]\")",
            "(cmd \"[\\\"a\\\"] trailing\")",
            "(cmd \"[1e999]\")",
            "(copy \"[a]\" \"b\")")));
        Assert.That(r.Instructions.Any(n => n.IsJson), Is.False);
    }

    [Test]
    public void Json_with_a_non_string_element_is_an_error()
    {
        Fails("FROM a\nCMD [1]", "when using JSON array syntax, arrays must be comprised of strings only", 2, 2);
        Fails("VOLUME [\"a\", null]", "when using JSON array syntax, arrays must be comprised of strings only", 1, 1);
    }

    [Test]
    public void Json_forms()
    {
        var r = Ok(Lines("RUN []", "COPY [\"a b\", \"c\"]", "VOLUME [ \"/a\" , \"/b\" ]", "CMD [\"\\u00e9\\t\", \"a\\\"b\"]"));
        Assert.That(r.Dump(), Is.EqualTo(Lines(
            "(run)",
            "(copy \"a b\" \"c\")",
            "(volume \"/a\" \"/b\")",
            "(cmd \"\u00e9\\t\" \"a\\\"b\")")));
        Assert.That(r.Instructions.All(n => n.IsJson), Is.True);
        Assert.That(r.Instructions[0].Next, Is.Empty);
        Assert.That(r.Instructions[3].Next, Is.EqualTo(new[] { "\u00e9\t", "a\"b" }));
    }

    [Test]
    public void Backtick_escape_file()
    {
        var r = Ok(Lines("# escape=`", "FROM windows", "RUN dir `", "    c:\\", "COPY a\\b c:\\"));
        Assert.That(r.EscapeToken, Is.EqualTo('`'));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(from \"windows\")", "(run \"dir     c:\\\\\")", "(copy \"a\\\\b\" \"c:\\\\\")")));
        Assert.That(r.Instructions[1].StartLine, Is.EqualTo(3));
        Assert.That(r.Instructions[1].EndLine, Is.EqualTo(4));
    }

    [Test]
    public void Escape_directive_after_a_comment_is_only_a_comment()
    {
        var r = Ok(Lines("# hello", "# escape=`", "RUN a `", "b"));
        Assert.That(r.EscapeToken, Is.EqualTo('\\'));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(run \"a `\")", "(b \"\")")));
        Assert.That(r.Instructions[0].PrevComment, Is.EqualTo(new[] { "hello", "escape=`" }));
    }

    [Test]
    public void Escape_directive_after_a_blank_line_is_only_a_comment()
    {
        var r = Ok(Lines("", "# escape=`", "FROM x"));
        Assert.That(r.EscapeToken, Is.EqualTo('\\'));
        Assert.That(r.Instructions[0].PrevComment, Is.EqualTo(new[] { "escape=`" }));
        Assert.That(r.Instructions[0].StartLine, Is.EqualTo(3));
    }

    [Test]
    public void Valid_directives_are_removed_from_comments()
    {
        var r = Ok(Lines("# syntax=docker/dockerfile:1", "# check=skip=all", "  #Escape = ` ", "# foo=bar", "# escape=\\", "FROM a"));
        Assert.That(r.EscapeToken, Is.EqualTo('`'));
        Assert.That(r.Instructions[0].PrevComment, Is.EqualTo(new[] { "foo=bar", "escape=\\" }));
    }

    [Test]
    public void Duplicate_directive_is_an_error() =>
        Fails(Lines("# escape=`", "# ESCAPE=\\", "FROM x"), "only one escape parser directive can be used", 1, 1);

    [Test]
    public void Invalid_escape_is_an_error_located_at_line_zero() =>
        Fails(Lines("# escape=x", "FROM a"), "invalid escape token 'x' does not match ` or \\", 0, 0);

    [Test]
    public void Crlf_line_endings()
    {
        var r = Ok("FROM a\r\nRUN echo \\\r\n  hi\r\n");
        Assert.That(r.Dump(), Is.EqualTo(Lines("(from \"a\")", "(run \"echo   hi\")")));
        Assert.That(r.Instructions[1].Original, Is.EqualTo("RUN echo   hi"));
    }

    [Test]
    public void Byte_order_mark_is_stripped_from_the_first_line()
    {
        AssertDump("\uFEFFFROM a", "(from \"a\")");
        var r = Ok("\uFEFF# escape=`\nRUN a `\nb");
        Assert.That(r.EscapeToken, Is.EqualTo('`'));
        Assert.That(r.Dump(), Is.EqualTo("(run \"a b\")"));
    }

    [Test]
    public void Bare_cr_is_not_a_line_break()
    {
        AssertDump("RUN a\rb\n", "(run \"a\\rb\")");
        AssertDump("FROM a\rRUN b", "(from \"a\" \"RUN\" \"b\")");
        AssertDump("RUN a\\\r\r\nb", "(run \"ab\")");
    }

    [Test]
    public void Comments_and_empty_lines_inside_a_continuation()
    {
        var r = Ok(Lines("RUN a \\", "# comment", "\\", "    && b \\", "", "    && c", "FROM x"));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(run \"a     && b     && c\")", "(from \"x\")")));
        Assert.That(r.Instructions[0].EndLine, Is.EqualTo(6));
        Assert.That(r.Instructions[0].PrevComment, Is.Empty);
        Assert.That(r.Warnings, Has.Count.EqualTo(1));
        Assert.That(r.Warnings[0].Short, Is.EqualTo("Empty continuation line found in: RUN a     && b     && c"));
        Assert.That(r.Warnings[0].Location, Is.EqualTo(6));
    }

    [Test]
    public void One_warning_per_instruction()
    {
        var r = Ok(Lines("RUN a \\", "", " ", "b", "RUN c \\", "\t", "d", "RUN e \\", "f"));
        Assert.That(r.Warnings.Select(w => w.Line), Is.EqualTo(new[] { "RUN a b", "RUN c d" }));
    }

    [Test]
    public void Whitespace_before_a_continuation_backslash_line_is_kept() =>
        AssertDump(Lines("RUN a \\", "   \\", " b"), "(run \"a     b\")");

    [Test]
    public void Trailing_spaces_after_the_backslash() => AssertDump("RUN a \\  \t\nb", "(run \"a b\")");

    [Test]
    public void Double_backslash_at_line_end_is_not_a_continuation() =>
        AssertDump("RUN echo \\\\\nFROM b", Lines("(run \"echo \\\\\\\\\")", "(from \"b\")"));

    [Test]
    public void Lone_backslash_line_starts_a_continuation()
    {
        var r = Ok("\\\nFROM a");
        Assert.That(r.Dump(), Is.EqualTo("(from \"a\")"));
        Assert.That((r.Instructions[0].StartLine, r.Instructions[0].EndLine), Is.EqualTo((1, 2)));

        // At the end of the file it yields an instruction with an empty keyword.
        var eof = Ok("FROM a\n\\");
        Assert.That(eof.Dump(), Is.EqualTo(Lines("(from \"a\")", "(\"\")")));
        Assert.That(eof.Instructions[1].Value, Is.EqualTo(string.Empty));
    }

    [Test]
    public void Heredoc_basic()
    {
        var r = Ok(Lines("FROM a", "RUN <<EOF", "echo hi", "EOF", "RUN b"));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(from \"a\")", "(run \"<<EOF\")", "(run \"b\")")));
        var run = r.Instructions[1];
        Assert.That(run.Heredocs, Is.EqualTo(new[] { new BuildKitHeredoc("EOF", 0, true, false, "echo hi\n") }));
        Assert.That((run.StartLine, run.EndLine), Is.EqualTo((2, 4)));
        Assert.That(r.Instructions[2].StartLine, Is.EqualTo(5));
    }

    [Test]
    public void Heredoc_chomp_matches_indented_terminator_but_keeps_tabs_in_content()
    {
        var r = Ok("RUN <<-EOF\n\techo hi\n\t\tEOF\n");
        Assert.That(r.Instructions[0].Heredocs.Single(), Is.EqualTo(new BuildKitHeredoc("EOF", 0, true, true, "\techo hi\n")));

        // Without '-', a tab-indented terminator is just content.
        Fails("RUN <<EOF\n\tEOF\n", "unterminated heredoc", 1, 2);
    }

    [Test]
    public void Quoted_heredoc_words_do_not_expand()
    {
        var r = Ok(Lines("RUN <<\"EOF\"", "$x", "EOF", "RUN <<'A'", "A", "RUN <<E\"O\"F", "EOF"));
        Assert.That(r.Instructions.Select(n => n.Heredocs.Single()), Is.EqualTo(new[]
        {
            new BuildKitHeredoc("EOF", 0, false, false, "$x\n"),
            new BuildKitHeredoc("A", 0, false, false, string.Empty),
            new BuildKitHeredoc("EOF", 0, false, false, string.Empty),
        }));
    }

    [Test]
    public void Two_heredocs_on_one_line()
    {
        var r = Ok(Lines("COPY <<A <<B /dst/", "a", "A", "b", "B", "FROM x"));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(copy \"<<A\" \"<<B\" \"/dst/\")", "(from \"x\")")));
        Assert.That(r.Instructions[0].Heredocs, Is.EqualTo(new[]
        {
            new BuildKitHeredoc("A", 0, true, false, "a\n"),
            new BuildKitHeredoc("B", 0, true, false, "b\n"),
        }));
        Assert.That(r.Instructions[0].EndLine, Is.EqualTo(5));
    }

    [Test]
    public void Heredoc_with_file_descriptor_and_crlf()
    {
        var r = Ok("RUN cat 3<<EOF\r\nx\r\nEOF");
        Assert.That(r.Instructions[0].Heredocs.Single(), Is.EqualTo(new BuildKitHeredoc("EOF", 3, true, false, "x\r\n")));
    }

    [Test]
    public void Heredoc_body_is_raw()
    {
        var r = Ok(Lines("RUN <<EOF", "# not a comment \\", "", "EOF"));
        Assert.That(r.Instructions[0].Heredocs.Single().Content, Is.EqualTo("# not a comment \\\n\n"));
        Assert.That(r.Warnings, Is.Empty);
    }

    [Test]
    public void Unterminated_heredoc() => Fails("FROM a\nRUN <<EOF\nabc\n", "unterminated heredoc", 2, 3);

    [Test]
    public void Heredoc_under_onbuild_is_attached_to_onbuild()
    {
        var r = Ok(Lines("ONBUILD RUN <<EOF", "x", "EOF"));
        var n = r.Instructions.Single();
        Assert.That(n.Dump(), Is.EqualTo("onbuild (run \"<<EOF\")"));
        Assert.That(n.Heredocs.Single().Content, Is.EqualTo("x\n"));
        Assert.That(n.SubCommand!.Heredocs, Is.Empty);
    }

    [Test]
    public void No_heredoc_for_json_form_other_instructions_or_escaped_or_quoted_markers()
    {
        var r = Ok(Lines(
            "RUN [\"cat\", \"<<EOF\"]",
            "CMD cat <<EOF",
            "RUN echo \\<<EOF",
            "RUN echo '<<EOF'",
            "RUN echo \"<<EOF",
            "RUN cat <<EOF ${",
            "EOF"));
        Assert.That(r.Instructions.SelectMany(n => n.Heredocs), Is.Empty);
        Assert.That(r.Dump(), Is.EqualTo(Lines(
            "(run \"cat\" \"<<EOF\")",
            "(cmd \"cat <<EOF\")",
            "(run \"echo \\\\<<EOF\")",
            "(run \"echo '<<EOF'\")",
            "(run \"echo \\\"<<EOF\")",
            "(run \"cat <<EOF ${\")",
            "(eof \"\")")));
    }

    [Test]
    public void Onbuild_child_keeps_flags_and_original()
    {
        var n = Ok("ONBUILD COPY --from=x a b").Instructions.Single();
        Assert.That(n.Dump(), Is.EqualTo("onbuild (copy [\"--from=x\"] \"a\" \"b\")"));
        Assert.That(n.Next, Is.Empty);
        Assert.That(n.SubCommand!.Original, Is.EqualTo("COPY --from=x a b"));
        Assert.That(n.SubCommand.Value, Is.EqualTo("COPY"));
        AssertDump("ONBUILD", "(onbuild)");
        Fails("ONBUILD ENV a", "ENV must have two arguments", 1, 1);
    }

    [Test]
    public void Healthcheck_forms()
    {
        var r = Ok(Lines("HEALTHCHECK NONE", "HEALTHCHECK --interval=5s --retries=3 CMD [\"curl\", \"-f\", \"x\"]", "HEALTHCHECK"));
        Assert.That(r.Dump(), Is.EqualTo(Lines(
            "(healthcheck \"NONE\")",
            "(healthcheck [\"--interval=5s\" \"--retries=3\"] \"CMD\" \"curl\" \"-f\" \"x\")",
            "(healthcheck)")));
        Assert.That(r.Instructions[1].IsJson, Is.True);
    }

    [Test]
    public void Healthcheck_splits_bytes()
    {
        // à is C3 A0; the byte A0 counts as a space, which cuts the character in half.
        var n = Ok("HEALTHCHECK CMD\u00e0 x", byteLevelQuirk: true).Instructions.Single();
        Assert.That(n.Dump(), Is.EqualTo("healthcheck \"CMD\\xc3\" \"x\""));
        Assert.That(n.Next, Is.EqualTo(new[] { "CMD\uFFFD", "x" }));
    }

    [Test]
    public void Unknown_instruction_has_one_empty_argument()
    {
        var n = Ok("FOO bar baz").Instructions.Single();
        Assert.That(n.Dump(), Is.EqualTo("foo \"\""));
        Assert.That(n.Value, Is.EqualTo("FOO"));
        Assert.That(n.Next, Is.EqualTo(new[] { string.Empty }));
    }

    [Test]
    public void Mixed_case_keywords_keep_their_spelling()
    {
        var r = Ok(Lines("From A aS b", "rUn echo", "oNbUiLd wOrKdIr /x"));
        Assert.That(r.Dump(), Is.EqualTo(Lines("(from \"A\" \"aS\" \"b\")", "(run \"echo\")", "(onbuild (workdir \"/x\"))")));
        Assert.That(r.Instructions.Select(n => n.Value), Is.EqualTo(new[] { "From", "rUn", "oNbUiLd" }));
    }

    [Test]
    public void File_with_no_instructions()
    {
        Fails("# just a comment\n\n", "file with no instructions", 2, 2);
        Fails(string.Empty, "file with no instructions", 0, 0);
    }

    [Test]
    public void Prev_comment_rules()
    {
        var r = Ok(Lines("# syntax=docker/dockerfile:1", "# first", "  # indented", "#", "# after reset", "FROM a", "# c1", "", "RUN b"));
        Assert.That(r.Instructions[0].PrevComment, Is.EqualTo(new[] { "after reset" }));
        Assert.That(r.Instructions[1].PrevComment, Is.EqualTo(new[] { "c1" }));

        var indented = Ok(Lines("  # indented", "FROM a"));
        Assert.That(indented.Instructions[0].PrevComment, Is.EqualTo(new[] { "# indented" }));
    }

    [Test]
    public void Whitespace_splitting_for_from_and_expose() =>
        AssertDump("EXPOSE 80\t443\v8080", "(expose \"80\" \"443\" \"8080\")");

    [Test]
    public void Empty_argument_instructions() =>
        AssertDump(Lines("FROM", "WORKDIR", "ENV", "ARG", "RUN", "COPY"), Lines("(from)", "(workdir)", "(env)", "(arg)", "(run)", "(copy)"));

    [Test]
    public void First_line_is_left_trimmed_with_unicode_spaces_but_not_continuation_lines()
    {
        var r = Ok("\u00a0\u3000 RUN a \\\n\u00a0b");
        Assert.That(r.Instructions[0].Original, Is.EqualTo("RUN a \u00a0b"));
        Assert.That(r.Dump(), Is.EqualTo("(run \"a \\u00a0b\")"));
    }

    [Test]
    public void Heredoc_word_details()
    {
        var r = Ok(Lines("RUN cat <<EOF>out", "x", "EOF>out", "RUN 99999999999999999999<<EOF", "EOF"));
        Assert.That(r.Instructions[0].Heredocs.Single(), Is.EqualTo(new BuildKitHeredoc("EOF>out", 0, true, false, "x\n")));
        Assert.That(r.Instructions[1].Heredocs.Single().FileDescriptor, Is.EqualTo(ulong.MaxValue));
    }

    [Test]
    public void Heredoc_body_starts_after_the_continuation_lines()
    {
        var r = Ok(Lines("RUN cat <<EOF \\", " && echo", "body", "EOF"));
        var n = r.Instructions.Single();
        Assert.That(n.Original, Is.EqualTo("RUN cat <<EOF  && echo"));
        Assert.That(n.Heredocs.Single().Content, Is.EqualTo("body\n"));
        Assert.That((n.StartLine, n.EndLine), Is.EqualTo((1, 4)));
    }

    [Test]
    public void Env_old_form_splits_on_ascii_whitespace_only() =>
        Fails("ENV A\u00a0B", "ENV must have two arguments", 1, 1);

    [Test]
    public void Dispatch_lower_cases_with_unicode_rules()
    {
        // U+212A KELVIN SIGN lower-cases to 'k', so this is WORKDIR for BuildKit.
        var n = Ok("WOR\u212ADIR /x").Instructions.Single();
        Assert.That(n.Dump(), Is.EqualTo("workdir \"/x\""));
        Assert.That(n.Value, Is.EqualTo("WOR\u212ADIR"));
    }

    [Test]
    public void Check_directive_value_may_contain_spaces_and_equals()
    {
        var r = Ok(Lines("# check = skip=JSONArgsRecommended;error=true ", "FROM a"));
        Assert.That(r.Instructions[0].PrevComment, Is.Empty);
        Fails(Lines("# check=skip=all", "# Check=error=true", "FROM a"), "only one check parser directive can be used", 1, 1);
    }

    [Test]
    public void Over_long_line_stops_the_scanner()
    {
        var r = BuildKitReferenceParser.Parse("FROM a\nRUN " + new string('x', 70000));
        Assert.That(r.Error, Is.EqualTo(new BuildKitError("dockerfile line greater than max allowed size of 65535", 1, 1)));
        Assert.That(r.Dump(), Is.EqualTo("(from \"a\")"));
    }
}

/// <summary>The oracle must never crash, whatever the input, so property tests can lean on it.</summary>
[TestFixture]
public sealed class BuildKitReferenceParserRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "LABEL ", "ARG ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "run ", "X ",
        "--a=1 ", "--b ", "-- ", "\\", "`", "\"", "'", "=", "[", "]", ",", "\"a\"", "1", "<<", "<<-", "EOF", "3", "$", "${",
        "}", ":-", "#", "# escape=`", "# escape=\\", "# syntax=x", "\n", "\r\n", "\r", " ", "\t", "\u00a0", "\u00e9", "\uFEFF",
        "\ud800", "\U0001F600", "\0",
    ];

    [Test]
    public void Random_inputs_never_throw()
    {
        var rng = new Random(20261122);
        for (var i = 0; i < 3000; i++)
        {
            var n = rng.Next(0, 40);
            var text = string.Concat(Enumerable.Range(0, n).Select(_ => Pieces[rng.Next(Pieces.Length)]));
            var r = BuildKitReferenceParser.Parse(text);
            Assert.That(r.Error is not null || r.Instructions.Count > 0, Is.True, text);
            _ = r.Dump();
            foreach (var node in r.Instructions)
            {
                Assert.That(node.StartLine, Is.GreaterThan(0));
                Assert.That(node.EndLine, Is.GreaterThanOrEqualTo(node.StartLine));
                _ = node.Next;
                _ = node.Flags;
                _ = node.PrevComment;
            }
        }
    }
}

using Dflint.Syntax.Grammars;

namespace Dflint.Tests.Grammars;

public sealed class ShellWordProcessorTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["PWD"] = "/home",
        ["SHELL"] = "bash",
        ["KOREAN"] = "한국어",
        ["EMPTY"] = "",
        ["SPACED"] = "a b  c",
        ["FOO"] = "xxyy",
    };

    private static readonly ShellWordProcessor Backslash = new();

    private static string Expand(string word, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = Backslash.ProcessWord(word, env ?? Env);
        Assert.That(result.Error, Is.Null, () => $"unexpected error for {word}");
        return result.Value;
    }

    private static ShellWordError Failure(string word, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = Backslash.ProcessWord(word, env ?? Env);
        Assert.That(result.Success, Is.False, () => $"expected an error for {word}, got '{result.Value}'");
        Assert.That(result.Value, Is.Empty);
        return result.Error!;
    }

    [TestCase("hello", "hello")]
    [TestCase("$PWD", "/home")]
    [TestCase("${PWD}", "/home")]
    [TestCase("he$PWD", "he/home")]
    [TestCase("$PWD/x", "/home/x")]
    [TestCase("${PWD}x", "/homex")]
    [TestCase("$PWDx", "")]
    [TestCase("$KOREAN", "한국어")]
    [TestCase("$UNSET", "")]
    [TestCase("${UNSET}", "")]
    [TestCase("a$", "a$")]
    [TestCase("$", "$")]
    [TestCase("$ x", "$ x")]
    [TestCase("$/", "$/")]
    [TestCase("${PWD}${SHELL}", "/homebash")]
    public void ExpandsPlainReferences(string input, string expected) =>
        Assert.That(Expand(input), Is.EqualTo(expected));

    [TestCase("'$PWD'", "$PWD")]
    [TestCase("\"$PWD\"", "/home")]
    [TestCase("\"'$PWD'\"", "'/home'")]
    [TestCase("'\"$PWD\"'", "\"$PWD\"")]
    [TestCase("\\$PWD", "$PWD")]
    [TestCase("\"\\$PWD\"", "$PWD")]
    [TestCase("\\\\$PWD", "\\/home")]
    [TestCase("a\\ b", "a b")]
    [TestCase("\"a\\b\"", "a\\b")]
    [TestCase("\"a\\\"b\"", "a\"b")]
    [TestCase("\"a\\\\b\"", "a\\b")]
    [TestCase("'a\\b'", "a\\b")]
    [TestCase("abc\\", "abc")]
    [TestCase("\"abc\\\"", null)]
    [TestCase("'it''s'", "its")]
    [TestCase("\"\"", "")]
    public void HandlesQuotesAndEscapes(string input, string? expected)
    {
        if (expected is null)
        {
            Failure(input);
            return;
        }

        Assert.That(Expand(input), Is.EqualTo(expected));
    }

    [Test]
    public void BacktickEscapeToken()
    {
        var lexer = new ShellWordProcessor('`');
        Assert.That(lexer.ProcessWord("`$PWD", Env).Value, Is.EqualTo("$PWD"));
        Assert.That(lexer.ProcessWord("C:\\dir\\$SHELL", Env).Value, Is.EqualTo("C:\\dir\\bash"));
        Assert.That(lexer.ProcessWord("\"a`\"b\"", Env).Value, Is.EqualTo("a\"b"));
        Assert.That(lexer.ProcessWord("``", Env).Value, Is.EqualTo("`"));
    }

    [TestCase("${PWD:-dflt}", "/home")]
    [TestCase("${UNSET:-dflt}", "dflt")]
    [TestCase("${EMPTY:-dflt}", "dflt")]
    [TestCase("${EMPTY-dflt}", "")]
    [TestCase("${UNSET-dflt}", "dflt")]
    [TestCase("${UNSET:-$PWD/x}", "/home/x")]
    [TestCase("${UNSET:-'$PWD'}", "$PWD")]
    [TestCase("${UNSET:-\"$PWD\"}", "/home")]
    [TestCase("${UNSET:-a b}", "a b")]
    [TestCase("${UNSET:-}", "")]
    [TestCase("${UNSET:-${ALSO:-${PWD}}}", "/home")]
    [TestCase("${PWD:+alt}", "alt")]
    [TestCase("${EMPTY:+alt}", "")]
    [TestCase("${EMPTY+alt}", "alt")]
    [TestCase("${UNSET+alt}", "")]
    [TestCase("${UNSET:+alt}", "")]
    [TestCase("${PWD:?msg}", "/home")]
    [TestCase("${EMPTY?msg}", "")]
    [TestCase("${UNSET:-\\}}", "}")]
    public void ExpandsDefaultAndAlternativeForms(string input, string expected) =>
        Assert.That(Expand(input), Is.EqualTo(expected));

    [TestCase("${UNSET?}", "UNSET: is not allowed to be unset")]
    [TestCase("${UNSET:?}", "UNSET: is not allowed to be unset")]
    [TestCase("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    [TestCase("${UNSET?custom $SHELL}", "UNSET: custom bash")]
    [TestCase("${EMPTY:?custom}", "EMPTY: custom")]
    public void RequiredFormsFailWithMessage(string input, string message)
    {
        var error = Failure(input);
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.Position, Is.Zero);
    }

    [TestCase("${FOO#x}", "xyy")]
    [TestCase("${FOO##*x}", "yy")]
    [TestCase("${FOO#*x*y}", "y")]
    [TestCase("${FOO#*}", "xxyy")]
    [TestCase("${FOO##*}", "")]
    [TestCase("${FOO#}", "xxyy")]
    [TestCase("${FOO##}", "xxyy")]
    [TestCase("${FOO#z}", "xxyy")]
    [TestCase("${FOO%y}", "xxy")]
    [TestCase("${FOO%%y*}", "xx")]
    [TestCase("${FOO%y*}", "xxy")]
    [TestCase("${FOO%?}", "xxy")]
    [TestCase("${FOO%%?}", "xxy")]
    [TestCase("${FOO%}", "xxyy")]
    [TestCase("${FOO%%*}", "")]
    [TestCase("${UNSET#x}", "")]
    public void TrimsPrefixesAndSuffixes(string input, string expected) =>
        Assert.That(Expand(input), Is.EqualTo(expected));

    [Test]
    public void TrimPatternsTreatRegexCharactersLiterally()
    {
        var env = new Dictionary<string, string> { ["V"] = "()[]{}^$.*?|\\x", ["S"] = "xx**", ["T"] = "a***yy*", ["Q"] = "???y" };
        Assert.That(Expand("${V#()[]{\\}^$.\\*\\?|\\\\}", env), Is.EqualTo("x"));
        Assert.That(Expand("${S%%\\**}", env), Is.EqualTo("xx"));
        Assert.That(Expand("${T%%\\**\\*}", env), Is.EqualTo("a"));
        Assert.That(Expand("${Q#?\\?}", env), Is.EqualTo("?y"));
    }

    [Test]
    public void TrimPatternsComeFromVariablesToo()
    {
        var env = new Dictionary<string, string> { ["FOO"] = "xxyy", ["BAR"] = "x", ["NONE"] = "" };
        Assert.That(Expand("${FOO#$BAR}", env), Is.EqualTo("xyy"));
        Assert.That(Expand("${FOO#$NONE}", env), Is.EqualTo("xxyy"));
        Assert.That(Expand("${FOO%%$NONE}", env), Is.EqualTo("xxyy"));
    }

    [Test]
    public void WildcardsDoNotCrossNewlines()
    {
        var env = new Dictionary<string, string> { ["V"] = "ab\ncd" };
        Assert.That(Expand("${V##*}", env), Is.EqualTo("\ncd"));
        Assert.That(Expand("${V%%*}", env), Is.EqualTo("ab\n"));
    }

    [Test]
    public void TrimWorksOnCodePoints()
    {
        var env = new Dictionary<string, string> { ["V"] = "🖖🚀👽" };
        Assert.That(Expand("${V#?}", env), Is.EqualTo("🚀👽"));
        Assert.That(Expand("${V%?}", env), Is.EqualTo("🖖🚀"));
    }

    [TestCase("${FOO#\\x}")]
    [TestCase("${FOO%\\x}")]
    [TestCase("${FOO/\\x/y}")]
    public void InvalidPatternEscapesFail(string input) =>
        Assert.That(Failure(input).Message, Does.StartWith("invalid pattern"));

    [Test]
    public void ReplacesPatterns()
    {
        var env = new Dictionary<string, string>
        {
            ["PATHS"] = "/foo*/*/*.txt",
            ["STAR"] = "\\*/",
            ["TMP"] = "/tmp/tmp/bar.txt",
            ["T"] = "/tmp",
            ["F"] = "/a/foo/b/c.txt",
            ["N"] = "/?/",
            ["R"] = "/",
            ["URL"] = "http://google.de",
            ["HTTP"] = "http://",
            ["HTTPS"] = "https://",
            ["FILE"] = "/tmp/foo.txt",
            ["FOO"] = "xxyy",
            ["NONE"] = "",
        };
        Assert.That(Expand("${PATHS/$STAR/.} - ${PATHS//$STAR/.}", env), Is.EqualTo("/foo.*/*.txt - /foo..*.txt"));
        Assert.That(Expand("${TMP/$T/} - ${TMP//$T/}", env), Is.EqualTo("/tmp/bar.txt - /bar.txt"));
        Assert.That(Expand("${F/$N/$R} - ${F//$N/$R}", env), Is.EqualTo("/foo/b/c.txt - /foo/c.txt"));
        Assert.That(Expand("${URL/$HTTP/$HTTPS}", env), Is.EqualTo("https://google.de"));
        Assert.That(Expand("${FILE//\\//\\/}", env), Is.EqualTo("\\/tmp\\/foo.txt"));
        Assert.That(Expand("${FOO/$NONE/ww}", env), Is.EqualTo("wwxxyy"));
        Assert.That(Expand("${FOO///}", env), Is.EqualTo("xxyy"));
        Assert.That(Expand("${FOO//x*/z}", env), Is.EqualTo("z"));
        Assert.That(Expand("${FOO/y/z}", env), Is.EqualTo("xxzy"));
        Assert.That(Expand("${FOO//y/z}", env), Is.EqualTo("xxzz"));
        Assert.That(Expand("${FOO//?/-}", env), Is.EqualTo("----"));
        Assert.That(Expand("${UNSET///}", env), Is.EqualTo(string.Empty));
    }

    [Test]
    public void ReplaceAllFollowsGoTemplateAndEmptyMatchRules()
    {
        var env = new Dictionary<string, string> { ["FOO"] = "abc", ["EMPTY"] = "" };
        // An empty pattern matches between every character.
        Assert.That(Expand("${FOO//$EMPTY/-}", env), Is.EqualTo("-a-b-c-"));
        Assert.That(Expand("${FOO/$EMPTY/-}", env), Is.EqualTo("-abc"));
        // '*' matches the whole value, then the empty match at the end is skipped.
        Assert.That(Expand("${FOO//*/-}", env), Is.EqualTo("-"));
        // Go expands $0 in ReplaceAllString replacements, but the single replace is literal.
        Assert.That(Expand("${FOO//b/[\\$0]}", env), Is.EqualTo("a[\\b]c"));
        Assert.That(Expand("${FOO//b/x$}", env), Is.EqualTo("ax$c"));
    }

    [TestCase("${FOO//ww}", "syntax error: missing '/' in ${}")]
    [TestCase("${FOO//}", "syntax error: missing '/' in ${}")]
    [TestCase("${FOO/a/b", "syntax error: missing '}'")]
    public void ReplaceSyntaxErrors(string input, string message) =>
        Assert.That(Failure(input).Message, Is.EqualTo(message));

    [TestCase("${", "syntax error: missing '}'", 0)]
    [TestCase("x${PWD", "syntax error: missing '}'", 1)]
    [TestCase("x${PWD:-abc", "syntax error: missing '}'", 1)]
    [TestCase("${PWD:", "syntax error: missing '}'", 0)]
    [TestCase("${PWD:-'}", "syntax error: missing '}'", 0)]
    [TestCase("${}", "syntax error: bad substitution", 0)]
    [TestCase("a${:}", "syntax error: bad substitution", 1)]
    [TestCase("${{x}}", "syntax error: bad substitution", 0)]
    [TestCase("${:-x}", "syntax error: bad substitution", 0)]
    [TestCase("${PWD=x}", "unsupported modifier (=) in substitution", 5)]
    [TestCase("${PWD x}", "unsupported modifier ( ) in substitution", 5)]
    [TestCase("${ PWD}", "unsupported modifier ( ) in substitution", 2)]
    [TestCase("${PWD:x}", "unsupported modifier (:x) in substitution", 5)]
    [TestCase("${PWD:/a/b}", "unsupported modifier (:/) in substitution", 5)]
    [TestCase("'abc", "unexpected end of statement while looking for matching single-quote", 0)]
    [TestCase("ab\"cd", "unexpected end of statement while looking for matching double-quote", 2)]
    public void SyntaxErrorsAreReportedWithPosition(string input, string message, int position)
    {
        var error = Failure(input);
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.Position, Is.EqualTo(position));
    }

    [Test]
    public void UnknownColonModifierOnUnsetVariableIsAnErrorOnlyWhenEvaluated()
    {
        Assert.That(Failure("${UNSET:x}").Message, Is.EqualTo("unsupported modifier (:x) in substitution"));
        var skipping = new ShellWordProcessor { SkipUnsetEnv = true };
        Assert.That(skipping.ProcessWord("${UNSET:x}", Env).Value, Is.EqualTo("${UNSET:x}"));
    }

    [Test]
    public void EmptyColonOperandKeepsReadingToTheNextBrace()
    {
        // BuildKit treats '}' right after ':' as the operator and then looks for another '}'.
        Assert.That(Failure("${PWD:}").Message, Is.EqualTo("syntax error: missing '}'"));
        Assert.That(Failure("${EMPTY:}}x").Message, Is.EqualTo("unsupported modifier (:}) in substitution"));
    }

    [TestCase("$1", "")]
    [TestCase("$12x", "x")]
    [TestCase("${1}", "")]
    [TestCase("$@", "")]
    [TestCase("$$", "")]
    [TestCase("$#x", "x")]
    [TestCase("$0a", "a")]
    [TestCase("${#}", "")]
    [TestCase("${?:-q}", "q")]
    public void SpecialAndPositionalParametersExpandToEmpty(string input, string expected) =>
        Assert.That(Expand(input), Is.EqualTo(expected));

    [Test]
    public void SpecialParametersCanBeSupplied()
    {
        var env = new Dictionary<string, string> { ["1"] = "one", ["$"] = "pid" };
        Assert.That(Expand("$1-$$", env), Is.EqualTo("one-pid"));
    }

    [Test]
    public void ReportsMatchedAndUnmatchedNames()
    {
        var env = new Dictionary<string, string> { ["FOO"] = "xxx", ["BAR"] = "" };
        var result = Backslash.ProcessWord("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc} $FOO", env);
        Assert.That(result.Value, Is.EqualTo("xxx  ccc xxx"));
        Assert.That(result.Matched, Is.EquivalentTo(new[] { "FOO", "BAR" }));
        Assert.That(result.Unmatched, Is.EquivalentTo(new[] { "BAZ" }));

        var nested = Backslash.ProcessWord("${FOO#$NEEDLE}", env);
        Assert.That(nested.Matched, Is.EquivalentTo(new[] { "FOO" }));
        Assert.That(nested.Unmatched, Is.EquivalentTo(new[] { "NEEDLE" }));

        var failed = Backslash.ProcessWord("${BAZ:?}", env);
        Assert.That(failed.Success, Is.False);
        Assert.That(failed.Unmatched, Is.EquivalentTo(new[] { "BAZ" }));

        var quoted = Backslash.ProcessWord("'$FOO' \\$BAR", env);
        Assert.That(quoted.Matched, Is.Empty);
        Assert.That(quoted.Unmatched, Is.Empty);
    }

    [Test]
    public void LookupFunctionDistinguishesUnsetFromEmpty()
    {
        var result = Backslash.ProcessWord("${A-unset}${B-unset}", name => name == "A" ? "" : null);
        Assert.That(result.Value, Is.EqualTo("unset"));
        Assert.That(result.Matched, Is.EqualTo(new[] { "A" }));
        Assert.That(result.Unmatched, Is.EqualTo(new[] { "B" }));
    }

    [Test]
    public void PlatformStyleTemplate()
    {
        var env = new Dictionary<string, string> { ["VERSION"] = "v1.2.3", ["TARGETOS"] = "linux", ["TARGETARCH"] = "arm", ["TARGETVARIANT"] = "v7" };
        const string template = "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
        Assert.That(Expand(template, env), Is.EqualTo("something-v1.2.3.linux-arm-v7.tar.gz"));
        env["TARGETVARIANT"] = "";
        Assert.That(Expand(template, env), Is.EqualTo("something-v1.2.3.linux-arm.tar.gz"));
    }

    [TestCase("hello world", new[] { "hello", "world" })]
    [TestCase("  hello   world  ", new[] { "hello", "world" })]
    [TestCase("'hello world'", new[] { "hello world" })]
    [TestCase("\"hello $SHELL\" x", new[] { "hello bash", "x" })]
    [TestCase("hello\\ world", new[] { "hello world" })]
    [TestCase("$SPACED", new[] { "a", "b", "c" })]
    [TestCase("\"$SPACED\"", new[] { "a b  c" })]
    [TestCase("x$SPACED", new[] { "xa", "b", "c" })]
    [TestCase("a '' b", new[] { "a", "b" })]
    [TestCase("'' a", new[] { "a" })]
    [TestCase("a''b", new[] { "ab" })]
    [TestCase("", new string[0])]
    [TestCase("$EMPTY", new string[0])]
    public void SplitsWords(string input, string[] expected)
    {
        var result = Backslash.ProcessWords(input, Env);
        Assert.That(result.Success, Is.True);
        Assert.That(result.Words, Is.EqualTo(expected));
    }

    [Test]
    public void ProcessWordDoesNotSplit()
    {
        var result = Backslash.ProcessWord("a b", Env);
        Assert.That(result.Value, Is.EqualTo("a b"));
        Assert.That(result.Words, Is.Empty);
    }

    [Test]
    public void RawQuotesKeepQuoteCharacters()
    {
        var lexer = new ShellWordProcessor { RawQuotes = true };
        Assert.That(lexer.ProcessWord("'$PWD' \"$PWD\"", Env).Value, Is.EqualTo("'$PWD' \"/home\""));
        Assert.That(lexer.ProcessWords("'a b' c", Env).Words, Is.EqualTo(new[] { "'a b'", "c" }));
    }

    [Test]
    public void RawEscapesKeepEscapeCharacters()
    {
        var lexer = new ShellWordProcessor { RawEscapes = true };
        Assert.That(lexer.ProcessWord("a\\ b\\$PWD", Env).Value, Is.EqualTo("a\\ b\\$PWD"));
        Assert.That(lexer.ProcessWord("\"\\$PWD\\x\"", Env).Value, Is.EqualTo("\\$PWD\\\\x"), "an unknown escape is written twice, as in BuildKit");
    }

    [Test]
    public void SkipProcessQuotesTreatsQuotesAsText()
    {
        var lexer = new ShellWordProcessor { SkipProcessQuotes = true };
        Assert.That(lexer.ProcessWord("'$PWD'", Env).Value, Is.EqualTo("'/home'"));
        Assert.That(lexer.ProcessWord("\"unterminated", Env).Value, Is.EqualTo("\"unterminated"));
    }

    [TestCase("$UNSET", "$UNSET")]
    [TestCase("${UNSET}", "${UNSET}")]
    [TestCase("${UNSET:-x}", "${UNSET:-x}")]
    [TestCase("${UNSET-$PWD}", "${UNSET-/home}")]
    [TestCase("${UNSET?}", "${UNSET?}")]
    [TestCase("${UNSET#x}", "${UNSET#x}")]
    [TestCase("${UNSET/a/b}", "${UNSET/a/b}")]
    [TestCase("${UNSET//a/b}", "${UNSET/a/b}")]
    [TestCase("$PWD-${SHELL:+y}", "/home-y")]
    public void SkipUnsetEnvLeavesUnsetReferences(string input, string expected)
    {
        var lexer = new ShellWordProcessor { SkipUnsetEnv = true };
        Assert.That(lexer.ProcessWord(input, Env).Value, Is.EqualTo(expected));
    }

    [Test]
    public void DeepNestingFailsInsteadOfOverflowing()
    {
        var depth = 100_000;
        var text = string.Concat(Enumerable.Repeat("${A:-", depth)) + "x" + new string('}', depth);
        var result = Backslash.ProcessWord(text, Env);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Error!.Message, Does.Contain("nested"));

        var shallow = string.Concat(Enumerable.Repeat("${A:-", 50)) + "x" + new string('}', 50);
        Assert.That(Expand(shallow), Is.EqualTo("x"));
    }

    [Test]
    public void LargeInputsFinishQuickly()
    {
        var env = new Dictionary<string, string> { ["V"] = new string('a', 5_000) };
        var text = string.Concat(Enumerable.Repeat("$V'q'\"$V\"\\x ", 2_000));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = Backslash.ProcessWords(text, env);
        Assert.That(result.Success, Is.True);
        Assert.That(result.Words, Has.Length.EqualTo(2_000));

        var pattern = Backslash.ProcessWord("${V//*b/x}${V##*a*a*a*a*b}${V%%a*a*a*a*b}", env);
        Assert.That(pattern.Value, Has.Length.EqualTo(15_000));
        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void NeverThrowsOnArbitraryInput()
    {
        var random = new Random(1234);
        const string alphabet = "${}:-+?#%/\\'\"` aZ_1@*!\n";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.DoesNotThrow(() =>
            {
                Backslash.ProcessWords(text, Env);
                new ShellWordProcessor('`') { SkipUnsetEnv = true, RawQuotes = true }.ProcessWord(text, Env);
                ShellWordProcessor.FindVariableReferences(text, '\\');
            }, text);
        }
    }

    [Test]
    public void FindsPlainReferencesWithSpans()
    {
        const string text = "echo $FOO ${BAR} x";
        var refs = ShellWordProcessor.FindVariableReferences(text, '\\');
        Assert.That(refs, Has.Length.EqualTo(2));
        Assert.That(refs[0].Name, Is.EqualTo("FOO"));
        Assert.That(refs[0].IsBraced, Is.False);
        Assert.That(refs[0].Operator, Is.Empty);
        Assert.That(refs[0].Operand, Is.Null);
        Assert.That(text.Substring(refs[0].Span.Start, refs[0].Span.Length), Is.EqualTo("$FOO"));
        Assert.That(text.Substring(refs[0].NameSpan.Start, refs[0].NameSpan.Length), Is.EqualTo("FOO"));
        Assert.That(text.Substring(refs[1].Span.Start, refs[1].Span.Length), Is.EqualTo("${BAR}"));
        Assert.That(refs[1].IsBraced, Is.True);
        Assert.That(text.Substring(refs[1].NameSpan.Start, refs[1].NameSpan.Length), Is.EqualTo("BAR"));
    }

    [TestCase("${A:-x y}", ":-", "x y")]
    [TestCase("${A-x}", "-", "x")]
    [TestCase("${A:+x}", ":+", "x")]
    [TestCase("${A+x}", "+", "x")]
    [TestCase("${A:?msg}", ":?", "msg")]
    [TestCase("${A?}", "?", "")]
    [TestCase("${A#p*}", "#", "p*")]
    [TestCase("${A##p*}", "##", "p*")]
    [TestCase("${A%p}", "%", "p")]
    [TestCase("${A%%p}", "%%", "p")]
    [TestCase("${A/p/r}", "/", "p/r")]
    [TestCase("${A//p/r}", "//", "p/r")]
    [TestCase("${A:#p}", ":#", "p")]
    public void FindsOperatorsAndOperands(string text, string op, string operand)
    {
        var refs = ShellWordProcessor.FindVariableReferences("x" + text, '\\');
        Assert.That(refs, Has.Length.EqualTo(1));
        Assert.That(refs[0].Name, Is.EqualTo("A"));
        Assert.That(refs[0].Operator, Is.EqualTo(op));
        Assert.That(refs[0].Operand, Is.EqualTo(operand));
        Assert.That(refs[0].Span.Start, Is.EqualTo(1));
        Assert.That(refs[0].Span.Length, Is.EqualTo(text.Length));
        Assert.That(refs[0].NameSpan.Start, Is.EqualTo(3));
    }

    [Test]
    public void FindsNestedReferencesInSourceOrder()
    {
        const string text = "${A:-${B}-$C}";
        var refs = ShellWordProcessor.FindVariableReferences(text, '\\');
        Assert.That(refs.Select(r => r.Name), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(refs[0].Operand, Is.EqualTo("${B}-$C"));
        Assert.That(refs[1].Span.Start, Is.EqualTo(5));
        Assert.That(refs[2].Span.Start, Is.EqualTo(10));
    }

    [Test]
    public void SkipsQuotedAndEscapedReferences()
    {
        Assert.That(ShellWordProcessor.FindVariableReferences("'$A' \\$B \"$C\" `$D", '\\').Select(r => r.Name), Is.EqualTo(new[] { "C", "D" }));
        Assert.That(ShellWordProcessor.FindVariableReferences("`$A \\$B", '`').Select(r => r.Name), Is.EqualTo(new[] { "B" }));
        Assert.That(ShellWordProcessor.FindVariableReferences("no refs", '\\'), Is.Empty);
        Assert.That(ShellWordProcessor.FindVariableReferences("$ $1 $$", '\\').Select(r => r.Name), Is.EqualTo(new[] { "1", "$" }));
    }

    [Test]
    public void FindStopsAtSyntaxErrorButKeepsEarlierReferences()
    {
        var refs = ShellWordProcessor.FindVariableReferences("$A ${B", '\\');
        Assert.That(refs.Select(r => r.Name), Is.EqualTo(new[] { "A" }));
    }
}

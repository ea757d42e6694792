using System.Collections.Immutable;
using Dflint.Analysis;
using Dflint.Rules;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Analysis;

public sealed class EngineTests
{
    /// <summary>A rule that fails on every FROM, to show the engine keeps going without it.</summary>
    private sealed class ThrowingAnalyzer : DockerfileAnalyzer
    {
        public static readonly RuleDescriptor Rule = new("DF9001", "always-throws", "Test rule", "never reported", "Test", DiagnosticSeverity.Warning);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterInstructionAction<RunInstructionSyntax>(c => c.Report(Rule, c.Instruction.Span));
            context.RegisterInstructionAction<FromInstructionSyntax>(_ => throw new InvalidOperationException("boom"));
        }
    }

    private sealed class EverythingAnalyzer : DockerfileAnalyzer
    {
        public static readonly RuleDescriptor Rule = new("DF9002", "sees-everything", "Test rule", "{0}", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterInstructionAction<InstructionSyntax>(c => c.Report(Rule, c.Instruction.Keyword.Span, (c.IsOnbuildTrigger ? "trigger " : "") + c.Instruction.Name));
            context.RegisterStageAction(c => c.Report(Rule, c.Stage.From.Keyword.Span, "end of " + c.Stage));
            context.RegisterFileAction(c => c.Report(Rule, new TextSpan(0, 0), "end of file"));
            context.RegisterSyntaxNodeAction(c => c.Report(Rule, c.Instruction.Keyword.Span, "kind " + c.Instruction.Kind), SyntaxKind.UserInstruction, SyntaxKind.RunInstruction);
        }
    }

    /// <summary>Reports every command its name filter lets through, as "filter: command".</summary>
    private sealed class CommandNamesAnalyzer : DockerfileAnalyzer
    {
        public static readonly RuleDescriptor Rule = new("DF9003", "sees-commands", "Test rule", "{0}", "Test", DiagnosticSeverity.Info, isEnabledByDefault: false);

        public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.RegisterShellCommandAction(c => c.Report(Rule, c.Command.Span, "apt-get: " + c.Command), "apt-get");
            context.RegisterShellCommandAction(c => c.Report(Rule, c.Command.Span, "sudo: " + c.Command), "sudo");
            context.RegisterShellCommandAction(c => c.Report(Rule, c.Command.Span, "pip*: " + c.Command), name => name.StartsWith("pip", StringComparison.Ordinal));
        }
    }

    private static RuleRegistry Registry(params DockerfileAnalyzer[] extra) =>
        new([new DL3006TagImageVersion(), new DL3007PinLatestTag(), .. extra]);

    private static ImmutableArray<LintDiagnostic> Lint(string text, RuleRegistry registry, SelectionSettings? selection = null, bool rethrow = false) =>
        DockerfileLinter.Lint(DockerfileSyntaxTree.Parse(text, "Dockerfile"), new LintSettings
        {
            Selection = RuleSelection.Create(registry, selection ?? new SelectionSettings()),
            RethrowAnalyzerExceptions = rethrow,
        }).Diagnostics;

    private static string[] Codes(ImmutableArray<LintDiagnostic> diagnostics) => [.. diagnostics.Select(d => d.Code)];

    [Test]
    public void A_throwing_rule_becomes_DF0001_and_the_other_rules_still_run()
    {
        var diagnostics = Lint("FROM ubuntu\nRUN true\nFROM node:latest\n", Registry(new ThrowingAnalyzer()));

        Assert.That(Codes(diagnostics), Is.EqualTo(new[] { "DF0001", "DL3006", "DL3007" }));
        Assert.That(diagnostics[0].Message, Is.EqualTo("rule DF9001 (always-throws) failed on this file and was skipped: InvalidOperationException: boom"));
        Assert.That(diagnostics[0].Span, Is.EqualTo(new TextSpan(0, 11)));
    }

    [Test]
    public void Tests_can_ask_for_the_exception_instead()
    {
        Assert.Throws<InvalidOperationException>(() => Lint("FROM ubuntu\n", Registry(new ThrowingAnalyzer()), rethrow: true));
    }

    [Test]
    public void Callbacks_come_in_file_order_with_stages_closed_before_the_next_FROM()
    {
        var registry = Registry(new EverythingAnalyzer());
        var diagnostics = Lint("FROM a:1\nONBUILD RUN x\nFROM b:1\nUSER u\n", registry, new SelectionSettings { Select = ["DF9002"] });

        Assert.That(diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "end of file", "FROM", "end of stage 0", "ONBUILD", "kind RunInstruction", "trigger RUN", "FROM", "end of stage 1", "USER", "kind UserInstruction",
        }));
    }

    [Test]
    public void Select_replaces_the_defaults_extend_select_adds_ignore_removes()
    {
        var registry = Registry(new EverythingAnalyzer());
        const string text = "FROM ubuntu\nFROM node:latest\n";

        Assert.That(Codes(Lint(text, registry)).Distinct(), Is.EqualTo(new[] { "DL3006", "DL3007" }));
        Assert.That(Codes(Lint(text, registry, new SelectionSettings { Select = ["DL3007"] })), Is.EqualTo(new[] { "DL3007" }));
        Assert.That(Codes(Lint(text, registry, new SelectionSettings { Select = ["DL"], Ignore = ["pin-latest-tag"] })), Is.EqualTo(new[] { "DL3006" }));
        Assert.That(Codes(Lint(text, registry, new SelectionSettings { ExtendSelect = ["sees-everything"] })), Does.Contain("DF9002"));
        Assert.That(Codes(Lint(text, registry, new SelectionSettings { Select = ["ALL"], Ignore = ["DF9002"] })), Is.EqualTo(new[] { "DL3006", "DL3007" }));
    }

    [Test]
    public void Severity_overrides_change_the_reported_severity_and_null_turns_a_rule_off()
    {
        var registry = Registry();
        var diagnostics = Lint("FROM ubuntu\nFROM node:latest\n", registry, new SelectionSettings
        {
            Severities = [new("DL3006", DiagnosticSeverity.Error), new("pin-latest-tag", null)],
        });

        Assert.That(diagnostics.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("DL3006", DiagnosticSeverity.Error) }));
    }

    [Test]
    public void Unknown_selectors_are_collected()
    {
        var selection = RuleSelection.Create(Registry(), new SelectionSettings { Select = ["DL3006", "NOPE"], Ignore = ["no-such-rule"] });

        Assert.That(selection.UnknownSelectors, Is.EqualTo(new[] { "NOPE", "no-such-rule" }));
    }

    [TestCase("# dflint ignore=DL3006\nFROM ubuntu\nFROM debian\n", new[] { 3 })]
    [TestCase("# hadolint ignore=DL3006\n# another comment\nFROM ubuntu\nFROM debian\n", new[] { 4 })]
    [TestCase("FROM ubuntu\n#  hadolint   ignore = tag-image-version , DL3007\nFROM debian\nFROM alpine\n", new[] { 1, 4 })]
    [TestCase("FROM ubuntu\n# dflint global ignore=DL3006\nFROM debian\n", new int[0])]
    [TestCase("FROM ubuntu\n# hadolint stage ignore=DL3006\nFROM debian\nRUN x\nFROM alpine\n", new[] { 1, 5 })]
    [TestCase("FROM ubuntu AS a\nRUN x\n# hadolint stage ignore=DL3006\nRUN y\nFROM debian\n", new[] { 1, 5 })]
    [TestCase("# check=skip=all\nFROM ubuntu\n", new[] { 2 })]
    public void Suppression_comments(string text, int[] reportedOnLines)
    {
        var tree = DockerfileSyntaxTree.Parse(text);
        var diagnostics = Lint(text, Registry()).Where(d => d.Code == "DL3006");

        Assert.That(diagnostics.Select(d => tree.Text.Lines.GetLineFromPosition(d.Span.Start).LineNumber + 1), Is.EqualTo(reportedOnLines));
    }

    [Test]
    public void Check_directive_skips_and_promotes_rules_with_a_BuildKit_alias()
    {
        var registry = Registry();
        var skip = Lint("# check=skip=InvalidDefinitionDescription,NoEmptyContinuation\nFROM ubuntu:1\nRUN a \\\n\n  b\n", registry);
        var error = Lint("# check=error=true\nFROM ubuntu:1\nRUN a \\\n\n  b\n", registry);

        Assert.That(Codes(skip), Is.EqualTo(new[] { "DF0002" }), "InvalidDefinitionDescription is a BuildKit check dflint does not have");
        Assert.That(error.Select(d => (d.Code, d.Severity)), Is.EqualTo(new[] { ("DF0105", DiagnosticSeverity.Error) }));
    }

    [TestCase("RUN apt-get install x", new[] { "apt-get: apt-get install x" })]
    [TestCase("RUN /usr/bin/apt-get install x", new[] { "apt-get: /usr/bin/apt-get install x" })]
    [TestCase("RUN sudo -E apt-get install x", new[] { "apt-get: sudo -E apt-get install x", "sudo: sudo -E apt-get install x" })]
    [TestCase("RUN env A=1 nice apt-get install x", new[] { "apt-get: env A=1 nice apt-get install x" })]
    [TestCase("RUN command -v apt-get && sudo -l", new[] { "sudo: sudo -l" })]
    [TestCase("RUN pip3.12 install x && xargs pip install", new[] { "pip*: pip3.12 install x", "pip*: xargs pip install" })]
    [TestCase("RUN [\"sudo\", \"apt-get\", \"install\", \"x\"]", new[] { "apt-get: sudo apt-get install x", "sudo: sudo apt-get install x" })]
    [TestCase("SHELL [\"pwsh\", \"-c\"]\nRUN apt-get install x\nRUN [\"apt-get\", \"install\", \"y\"]", new[] { "apt-get: apt-get install y" })]
    public void Shell_command_actions_match_the_name_as_written_or_behind_wrappers(string runs, string[] expected)
    {
        var diagnostics = Lint("FROM debian:12\n" + runs + "\n", Registry(new CommandNamesAnalyzer()), new SelectionSettings { Select = ["DF9003"] });
        Assert.That(diagnostics.Select(d => d.Message), Is.EquivalentTo(expected));
    }

    [Test]
    public void Output_order_is_position_then_code()
    {
        var diagnostics = Lint("FROM node:latest\nFROM ubuntu\n  BOGUS\n", Registry(new EverythingAnalyzer()), new SelectionSettings { Select = ["ALL"] });
        var keys = diagnostics.Select(d => (d.Span.Start, d.Span.End, d.Code)).ToList();

        Assert.That(keys, Is.EqualTo(keys.OrderBy(k => k.Start).ThenBy(k => k.End).ThenBy(k => k.Code, StringComparer.Ordinal).ToList()));
    }

    [Test]
    public void Every_registered_rule_has_a_unique_code_and_name_and_is_documented()
    {
        var registry = RuleRegistry.Default;
        Assert.That(registry.Rules.Select(r => r.Code), Is.Unique);
        Assert.That(registry.Rules.Select(r => r.Name), Is.Unique);
        foreach (var rule in registry.Rules)
        {
            Assert.That(rule.Name, Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"), rule.Code);
            Assert.That(rule.Code, Does.Match("^(DL|DF)[0-9]{4}$"), rule.Name);
            if (rule.Category is Dflint.Syntax.SyntaxDiagnostics.Category || rule == EngineRules.RuleCrashed) continue;
            var folder = Path.Combine(Snapshot.RepositoryRoot, "rules", rule.Folder);
            Assert.That(Directory.Exists(folder), Is.True, $"{rule} needs rules/{rule.Folder}");
            var doc = File.ReadAllText(Path.Combine(folder, "rule.md"));
            foreach (var heading in new[] { "## What it does", "## Why", "## Example", "## Fix", "## Options", "## Equivalents" })
            {
                Assert.That(doc, Does.Contain("\n" + heading + "\n"), $"{rule.Folder}/rule.md lacks '{heading}'");
            }
            Assert.That(doc, Does.StartWith($"# {rule.Code} {rule.Name}\n"));
            var fixtures = Directory.GetFiles(Path.Combine(folder, "fixtures"), "*.Dockerfile").Select(Path.GetFileName).ToList();
            Assert.That(fixtures, Has.Some.StartWith("fail_"), $"{rule.Folder} needs a fail_ fixture");
            Assert.That(fixtures, Has.Some.StartWith("pass_"), $"{rule.Folder} needs a pass_ fixture");
            Assert.That(RuleDocumentation.Get(rule), Is.EqualTo(doc), "the page is embedded for dflint explain");
        }
        foreach (var folder in Directory.GetDirectories(Path.Combine(Snapshot.RepositoryRoot, "rules")))
        {
            Assert.That(registry.Rules.Any(r => r.Folder == Path.GetFileName(folder)), Is.True, $"{folder} belongs to no rule");
        }
    }

    [Test]
    public void The_built_in_list_holds_every_analyzer_class_of_the_library()
    {
        var discovered = typeof(RuleRegistry).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(DockerfileAnalyzer).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        Assert.That(BuiltInAnalyzers.Create().Select(a => a.GetType().FullName).Order(StringComparer.Ordinal), Is.EqualTo(discovered));
    }
}

using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using Dflint.Reporting;

namespace Dflint.Cli;

/// <summary>The command line: <c>dflint [PATH...]</c> lints; <c>syntax</c>, <c>rules</c> and <c>explain</c> show the tree and the rules.</summary>
internal static class DflintCommand
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = Build(console);
        // A response file (@args.txt) would turn a path that happens to look like one into other arguments.
        var configuration = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var parseResult = root.Parse(args, configuration);
        // A mistyped option also derails the parse of what follows it; naming the option is the useful part.
        var errors = UnknownOptions(parseResult).ToList();
        if (parseResult.CommandResult.Command is not RootCommand)
        {
            errors.AddRange(BracketedPaths(parseResult).Select(path => $"Unrecognized command or argument '{path}'."));
        }
        if (errors.Count == 0) errors.AddRange(parseResult.Errors.Select(e => e.Message));
        if (errors.Count > 0)
        {
            foreach (var error in errors) console.Error(error);
            console.ErrorWriter.WriteLine("Run 'dflint --help' for usage.");
            return ExitCodes.UsageOrIoError;
        }
        var exitCode = parseResult.Invoke(new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.ErrorWriter,
            EnableDefaultExceptionHandler = false,
        });
        console.Output.Flush();
        return exitCode;
    }

    /// <summary>
    /// The PATH argument takes any number of values, so the parser hands it <c>--bogus</c> as a path; anything
    /// dash-led before <c>--</c> that is not an option's value is a mistyped option.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parseResult)
    {
        Token? previous = null;
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) yield break;
            var isOptionValue = previous is { Type: TokenType.Option } option && s_valueOptions.Contains(option.Value);
            if (token.Type == TokenType.Argument && !isOptionValue && token.Value.Length > 1 && token.Value[0] == '-')
            {
                yield return $"Unrecognized option '{token.Value}'.";
            }
            previous = token;
        }
    }

    /// <summary>
    /// Leading arguments in brackets, such as a Next.js-style <c>[id]</c> folder, which the tokenizer sets aside
    /// as directives even when none are defined; a linter takes them as the paths they are.
    /// </summary>
    private static IEnumerable<string> BracketedPaths(ParseResult parseResult) =>
        parseResult.Tokens.Where(t => t.Type == TokenType.Directive).Select(t => t.Value);

    private static readonly HashSet<string> s_valueOptions = new(StringComparer.Ordinal)
    {
        StdinFilenameOption, "--format", "--output", "-o", "--select", "--extend-select", "--ignore", "--config", "--failure-threshold", "--context",
    };

    private const string StdinFilenameOption = "--stdin-filename";

    private static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Lints Dockerfiles.");
        root.Directives.Clear();

        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files and folders to lint ('-' reads standard input). Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var stdinFilename = new Option<string>(StdinFilenameOption)
        {
            Description = "The path to use for standard input: in messages, and to find the configuration file.",
            HelpName = "NAME",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: " + string.Join("; ", ReportFormats.All.Select(f => $"{f.Name}: {f.Description}")) + ".",
            HelpName = "FORMAT",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.All.Select(f => f.Name)]);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
            HelpName = "FILE",
        };
        var select = SelectorOption("--select", "Run only these rules (codes, names, code prefixes or ALL), replacing the configured set; enables rules that are off by default.");
        var extendSelect = SelectorOption("--extend-select", "Run these rules as well as the configured ones; enables rules that are off by default.");
        var ignore = SelectorOption("--ignore", "Do not run these rules.");
        var config = new Option<string>("--config")
        {
            Description = "Use this configuration file (.dflint.yaml or .hadolint.yaml) instead of searching for one.",
            HelpName = "FILE",
        };
        var noConfig = new Option<bool>("--no-config") { Description = "Ignore configuration files." };
        var buildContext = new Option<string>("--context")
        {
            Description = "The build context folder, with its .dockerignore, for every Dockerfile linted (standard input too). " +
                "Default: 'context' in .dflint.yaml, else each Dockerfile's folder (for standard input, that of --stdin-filename, else none).",
            HelpName = "DIR",
        };
        var threshold = new Option<string>("--failure-threshold")
        {
            Description = "Exit with 1 only for findings of at least this severity: error, warning, info (default), style or none.",
            HelpName = "SEVERITY",
        };
        threshold.AcceptOnlyFromAmong("error", "warning", "info", "style", "none");
        var timings = new Option<bool>("--timings") { Description = "Print the time spent in each rule to standard error." };
        var noFail = new Option<bool>("--no-fail") { Description = "Exit with 0 even when findings reach the failure threshold (also 'no-fail: true' in .dflint.yaml)." };
        var statistics = new Option<bool>("--statistics") { Description = "Print how many findings each rule raised instead of the findings (also 'statistics: true')." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print the findings and nothing else: no summary, no warnings (also 'quiet: true')." };
        var includeSuppressed = new Option<bool>("--include-suppressed")
        {
            Description = "Also report findings that comments or # check= suppress, marked as such (sarif and json only); they never count.",
        };
        root.Add(paths);
        foreach (var option in new Option[] { stdinFilename, format, output, select, extendSelect, ignore, config, noConfig, buildContext, threshold, noFail, statistics, quiet, timings, includeSuppressed }) root.Add(option);
        root.Validators.Add(result =>
        {
            if (result.GetValue(config) is not null && result.GetValue(noConfig)) result.AddError("--config and --no-config cannot be used together.");
            if (result.GetValue(buildContext) is { } folder && !Directory.Exists(folder)) result.AddError($"--context: '{folder}' is not a folder.");
        });
        root.SetAction(result =>
        {
            FailureThreshold? failureThreshold = null;
            if (result.GetValue(threshold) is { } thresholdText && FailureThreshold.TryParse(thresholdText, out var parsed)) failureThreshold = parsed;
            return LintCommand.Run(console, new LintRequest(
                [.. BracketedPaths(result), .. result.GetValue(paths) ?? []],
                result.GetValue(stdinFilename),
                ReportFormats.Find(result.GetValue(format) ?? "text") ?? ReportFormats.All[0],
                result.GetValue(output),
                result.GetValue(select) is { Length: > 0 } selected ? Selectors(selected) : default,
                Selectors(result.GetValue(extendSelect)),
                Selectors(result.GetValue(ignore)),
                result.GetValue(config),
                result.GetValue(noConfig),
                failureThreshold,
                result.GetValue(noFail),
                result.GetValue(statistics),
                result.GetValue(quiet),
                result.GetValue(timings),
                result.GetValue(includeSuppressed))
            {
                ContextFolder = result.GetValue(buildContext),
            });
        });

        var rulesFormat = new Option<string>("--format") { Description = "text (default) or json.", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
        rulesFormat.AcceptOnlyFromAmong("text", "json");
        var rules = new Command("rules", "List every rule: code, name, default severity, whether it can fix.") { rulesFormat };
        rules.SetAction(result => RulesCommand.List(console, result.GetValue(rulesFormat) == "json"));
        root.Add(rules);

        var code = new Argument<string>("RULE") { Description = "A rule code or name, such as DL3008 or apt-get-pin-versions." };
        var explain = new Command("explain", "Print a rule's documentation.") { code };
        explain.SetAction(result => RulesCommand.Explain(console, result.GetRequiredValue(code)));
        root.Add(explain);

        var file = new Argument<string>("FILE") { Description = "The Dockerfile to parse ('-' reads standard input)." };
        var json = new Option<bool>("--json") { Description = "Print the machine-readable JSON form (docs/JSON-SYNTAX.md)." };
        var tree = new Option<bool>("--tree") { Description = "With --json: include every node, token and trivia." };
        var roundtrip = new Option<bool>("--roundtrip") { Description = "Write the text rebuilt from the tree, byte for byte." };
        var syntax = new Command("syntax", "Show how a Dockerfile parses.") { file, json, tree, roundtrip };
        syntax.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(roundtrip)) result.AddError("--json and --roundtrip cannot be used together.");
            if (result.GetValue(tree) && !result.GetValue(json)) result.AddError("--tree needs --json.");
        });
        syntax.SetAction(result => SyntaxCommand.Run(
            console,
            result.GetRequiredValue(file),
            result.GetValue(json) ? SyntaxOutput.Json : result.GetValue(roundtrip) ? SyntaxOutput.Roundtrip : SyntaxOutput.Text,
            result.GetValue(tree)));
        root.Add(syntax);
        return root;
    }

    private static Option<string[]> SelectorOption(string name, string description) => new(name)
    {
        Description = description + " Comma-separated; may be repeated.",
        HelpName = "RULES",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    private static ImmutableArray<string> Selectors(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

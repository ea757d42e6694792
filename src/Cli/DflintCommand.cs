using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dflint.Cli;

/// <summary>The command line: <c>dflint [PATH...]</c> lints, <c>dflint syntax FILE</c> shows the tree.</summary>
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

    private static readonly HashSet<string> s_valueOptions = new(StringComparer.Ordinal) { StdinFilenameOption };

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
            Description = "The name to show for standard input in messages.",
            HelpName = "NAME",
        };
        root.Add(paths);
        root.Add(stdinFilename);
        root.SetAction(result => LintCommand.Run(
            console,
            [.. BracketedPaths(result), .. result.GetValue(paths) ?? []],
            result.GetValue(stdinFilename)));

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
}

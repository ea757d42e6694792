using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Dflint.Tests.Syntax;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Shell;

public sealed class ShellPropertyTests
{
    private static readonly Config s_config = PropertyConfig.Create(600);

    private static readonly string[] s_fragments =
    [
        " ", " ", " ", "\t", "\n", "\n", "\r\n", "\\", "\\\n", "\\\r\n", "'", "\"", "`", "$", "$(", "${", "$((", "))", "(", ")", "((",
        "{", "}", ";", ";;", "&", "&&", "|", "||", "|&", "!", "#", "# note", "=", "A=", "B=x", "<", ">", ">>", "2>&1", "&>", "<<<",
        "<<EOF", "<<-EOF", "<<'EOF'", "EOF", "\tEOF", "EOF\n", "if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while",
        "case", "esac", "function", "f()", "[[", "]]", "<(", "$'", "$\"", "sh -c '", "bash -ec \"", "sh -c", "apt-get", "install",
        "-y", "--yes", "curl=1.2", "$HOME", "${A:-b}", "x", "y", "echo", "\u00e9", "\uFEFF",
    ];

    private static Gen<string> ShellText { get; } = Gen.Elements(s_fragments).ListOf().Select(parts => string.Concat(parts));

    private static Gen<string> RunInstructions { get; } =
        from prefix in Gen.Elements("RUN ", "RUN --mount=type=cache,target=/x ", "CMD ", "HEALTHCHECK CMD ", "ONBUILD RUN ", "RUN <<EOF\n", "RUN bash <<EOF ", "RUN [\"sh\", \"-c\", \"")
        from body in ShellText
        from escape in Gen.Elements("", "# escape=`\n")
        select escape + "FROM x\n" + prefix + body + "\nEOF\n";

    [Test]
    public void Any_text_parses_and_every_word_is_its_own_text_at_its_own_place() =>
        Prop.ForAll(ShellText.ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (text, offset) =>
        {
            var script = ShellScript.Parse(MappedText.FromContiguous(text, offset));
            var problem = FindProblem(script, new TextSpan(offset, text.Length), (word, command) =>
            {
                var source = word.Source.Text;
                if (source.Substring(word.LogicalStart, word.Text.Length) != word.Text) return $"word '{word.Text}' is not its source text";
                if (command.Parent is null && word.Span != new TextSpan(offset + word.LogicalStart, word.Text.Length)) return $"word '{word.Text}' has span {word.Span}";
                return null;
            });
            return (problem is null).Label(problem ?? "").Label(text);
        }).Check(s_config);

    [Test]
    public void Any_characters_parse_without_throwing() =>
        Prop.ForAll(DockerfileGenerators.AnyText.ToArbitrary(), text =>
        {
            var script = ShellScript.Parse(text);
            return FindProblem(script, new TextSpan(0, text.Length), (_, _) => null) is null;
        }).Check(s_config.WithMaxTest(200));

    [Test]
    public void Instruction_scripts_map_every_word_inside_the_file() =>
        Prop.ForAll(RunInstructions.ToArbitrary(), dockerfile =>
        {
            var tree = DockerfileSyntaxTree.Parse(dockerfile);
            foreach (var instruction in tree.Instructions)
            {
                foreach (var script in ShellScript.ForInstruction(instruction, tree.EscapeChar))
                {
                    if (script.Source.Kind == ShellSourceKind.ShellForm && Unwrap(instruction) is CommandInstructionSyntax { ShellForm: { } shellForm } && script.Source.Text.Text != shellForm.CommandText)
                    {
                        return false.Label($"source '{script.Source.Text.Text}' is not the command text '{shellForm.CommandText}'").Label(dockerfile);
                    }
                    var problem = FindProblem(script, new TextSpan(0, dockerfile.Length), (word, command) =>
                    {
                        // Where no continuation or decoding sits inside a word, the file shows the word as written.
                        var written = tree.Text.ToString(word.Span);
                        var plain = command.Parent is null && script.Source.Kind == ShellSourceKind.ShellForm && written.IndexOf('\n') < 0;
                        return plain && written != word.Text ? $"word '{word.Text}' reads '{written}' in the file" : null;
                    });
                    if (problem is not null) return false.Label(problem).Label(dockerfile);
                }
            }
            return true.Label("");
        }).Check(s_config);

    private static InstructionSyntax Unwrap(InstructionSyntax instruction) => instruction is OnbuildInstructionSyntax { Trigger: { } trigger } ? trigger : instruction;

    /// <summary>
    /// Commands in span order with their indexes; each command's words, assignments and redirections in
    /// order inside its span, inside <paramref name="bounds"/>; nested commands inside their parent.
    /// </summary>
    private static string? FindProblem(ShellScript script, TextSpan bounds, Func<ShellWord, ShellCommand, string?> checkWord)
    {
        var previousStart = -1;
        for (var i = 0; i < script.Commands.Length; i++)
        {
            var command = script.Commands[i];
            if (command.Index != i) return $"command {i} has index {command.Index}";
            if (command.Span.Start < previousStart) return $"command {i} starts before command {i - 1}";
            previousStart = command.Span.Start;
            if (!bounds.Contains(command.Span) && command.Span != new TextSpan(bounds.End, 0)) return $"command span {command.Span} is outside {bounds}";
            if (command.Parent is { } parent && !parent.Span.Contains(command.Span)) return $"nested command {command.Span} is outside its parent {parent.Span}";
            var previousEnd = command.Span.Start;
            var words = command.Assignments.Select(a => a.Word).Concat(command.Words);
            foreach (var word in words)
            {
                if (word.Span.Start < previousEnd) return $"word '{word.Text}' at {word.Span} overlaps the one before";
                if (!command.Span.Contains(word.Span)) return $"word '{word.Text}' at {word.Span} is outside its command {command.Span}";
                previousEnd = word.Span.End;
                if (checkWord(word, command) is { } problem) return problem;
            }
            foreach (var redirection in command.Redirections)
            {
                if (!command.Span.Contains(redirection.Span)) return $"redirection {redirection} at {redirection.Span} is outside its command {command.Span}";
                if (redirection.Target is { } target && !redirection.Span.Contains(target.Span)) return $"redirection target {target.Text} is outside {redirection.Span}";
            }
            foreach (var assignment in command.Assignments)
            {
                if (!assignment.Span.Contains(assignment.Value.Span)) return $"assignment value {assignment.Value.Text} is outside {assignment.Span}";
            }
        }
        foreach (var error in script.Errors)
        {
            if (!bounds.Contains(error.Span) && error.Span.Start != bounds.End) return $"error {error} is outside {bounds}";
        }
        return null;
    }
}

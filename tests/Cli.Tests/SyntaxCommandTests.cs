using System.Text;
using System.Text.Json;

namespace Dflint.Cli.Tests;

public sealed class SyntaxCommandTests
{
    private const string Sample = """
        # escape=\
        FROM --platform=linux/amd64 alpine:3.20 AS build
        RUN --mount=type=cache,target=/root/.cache <<EOF
        echo hi
        EOF
        RUN <<-'EOT' bash
        	echo $HOME
        	EOT
        CMD ["sh", "-c", "echo hi"]
        ONBUILD COPY --chown=app a.txt /dst/
        BOGUS thing

        """;

    [Test]
    public void Text_dump_shows_nodes_tokens_and_trivia()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", Sample);

        var run = DflintProcess.Run(folder.Path, "syntax", "Dockerfile");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("Dockerfile [0.."));
        foreach (var expected in new[] { "FromInstruction", "RunInstruction", "Heredoc ", "JsonArray", "OnbuildInstruction", "UnknownInstruction", "WhitespaceTrivia", "\"alpine:3.20\"", "! DF0100" })
        {
            Assert.That(run.Stdout, Does.Contain(expected));
        }
    }

    [Test]
    public void Json_has_instructions_arguments_flags_and_heredocs()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", Sample);

        var run = DflintProcess.Run(folder.Path, "syntax", "--json", "Dockerfile");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        var root = json.RootElement;
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("file").GetString(), Is.EqualTo("Dockerfile"));
        Assert.That(root.GetProperty("escape").GetString(), Is.EqualTo("\\"));
        Assert.That(root.TryGetProperty("tree", out _), Is.False);

        var directive = root.GetProperty("directives").EnumerateArray().Single();
        Assert.That(directive.GetProperty("name").GetString(), Is.EqualTo("escape"));
        Assert.That(directive.GetProperty("value").GetString(), Is.EqualTo("\\"));

        var instructions = root.GetProperty("instructions").EnumerateArray().ToArray();
        Assert.That(instructions.Select(i => i.GetProperty("kind").GetString()), Is.EqualTo(new[]
        {
            "FromInstruction", "RunInstruction", "RunInstruction", "CmdInstruction", "OnbuildInstruction", "UnknownInstruction",
        }));

        var from = instructions[0];
        Assert.That(from.GetProperty("keyword").GetString(), Is.EqualTo("FROM"));
        Assert.That(Strings(from, "flags"), Is.EqualTo(new[] { "--platform=linux/amd64" }));
        Assert.That(Strings(from, "arguments"), Is.EqualTo(new[] { "alpine:3.20", "AS", "build" }));
        var span = from.GetProperty("span");
        Assert.That(span.GetProperty("startLine").GetInt32(), Is.EqualTo(2));
        Assert.That(span.GetProperty("startColumn").GetInt32(), Is.EqualTo(1));
        Assert.That(span.GetProperty("start").GetInt32(), Is.EqualTo("# escape=\\\n".Length));

        var run1 = instructions[1];
        Assert.That(Strings(run1, "flags"), Is.EqualTo(new[] { "--mount=type=cache,target=/root/.cache" }));
        Assert.That(run1.GetProperty("json").GetBoolean(), Is.False);
        var heredoc = run1.GetProperty("heredocs").EnumerateArray().Single();
        Assert.That(heredoc.GetProperty("name").GetString(), Is.EqualTo("EOF"));
        Assert.That(heredoc.GetProperty("content").GetString(), Is.EqualTo("echo hi\n"));
        Assert.That(heredoc.GetProperty("expand").GetBoolean(), Is.True);
        Assert.That(heredoc.GetProperty("chomp").GetBoolean(), Is.False);

        var chomped = instructions[2].GetProperty("heredocs").EnumerateArray().Single();
        Assert.That(chomped.GetProperty("name").GetString(), Is.EqualTo("EOT"));
        Assert.That(chomped.GetProperty("content").GetString(), Is.EqualTo("echo $HOME\n"));
        Assert.That(chomped.GetProperty("chomp").GetBoolean(), Is.True);
        Assert.That(chomped.GetProperty("expand").GetBoolean(), Is.False);
        Assert.That(chomped.GetProperty("fileDescriptor").GetInt32(), Is.Zero);

        var cmd = instructions[3];
        Assert.That(cmd.GetProperty("json").GetBoolean(), Is.True);
        Assert.That(Strings(cmd, "arguments"), Is.EqualTo(new[] { "sh", "-c", "echo hi" }));

        var trigger = instructions[4].GetProperty("trigger");
        Assert.That(trigger.GetProperty("kind").GetString(), Is.EqualTo("CopyInstruction"));
        Assert.That(Strings(trigger, "flags"), Is.EqualTo(new[] { "--chown=app" }));
        Assert.That(Strings(trigger, "arguments"), Is.EqualTo(new[] { "a.txt", "/dst/" }));
        Assert.That(instructions[0].TryGetProperty("trigger", out _), Is.False);

        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.That(diagnostic.GetProperty("id").GetString(), Is.EqualTo("DF0100"));
        Assert.That(diagnostic.GetProperty("severity").GetString(), Is.EqualTo("error"));
        Assert.That(diagnostic.GetProperty("message").GetString(), Is.EqualTo("unknown instruction: BOGUS"));
        Assert.That(diagnostic.GetProperty("span").GetProperty("startLine").GetInt32(), Is.EqualTo(11));
    }

    [Test]
    public void Json_tree_covers_every_character_of_the_file()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", Sample);

        var run = DflintProcess.Run(folder.Path, "syntax", "--json", "--tree", "Dockerfile");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        var tree = json.RootElement.GetProperty("tree");
        Assert.That(tree.GetProperty("kind").GetString(), Is.EqualTo("Dockerfile"));
        var rebuilt = new StringBuilder();
        Rebuild(tree, rebuilt);
        Assert.That(rebuilt.ToString(), Is.EqualTo(Sample));
    }

    [Test]
    public void Json_replaces_invalid_utf8_with_a_replacement_character_of_the_same_length()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", [.. Encoding.UTF8.GetBytes("FROM a\nRUN x"), 0xFF, (byte)'y', (byte)'\n']);

        var run = DflintProcess.Run(folder.Path, "syntax", "--json", "Dockerfile");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        var runInstruction = json.RootElement.GetProperty("instructions")[1];
        Assert.That(Strings(runInstruction, "arguments"), Is.EqualTo(new[] { "x\uFFFDy" }));
        Assert.That(runInstruction.GetProperty("span").GetProperty("end").GetInt32(), Is.EqualTo("FROM a\nRUN x?y".Length));
    }

    [Test]
    public void Json_reports_the_backtick_escape()
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "# escape=`\nFROM a\nRUN dir `\n  C:\\\n");

        var run = DflintProcess.Run(folder.Path, "syntax", "--json", "Dockerfile");

        using var json = JsonDocument.Parse(run.StdoutBytes);
        Assert.That(json.RootElement.GetProperty("escape").GetString(), Is.EqualTo("`"));
        Assert.That(Strings(json.RootElement.GetProperty("instructions")[1], "arguments"), Is.EqualTo(new[] { "dir   C:\\" }));
    }

    [Test]
    public void Stdin_has_a_null_file_name()
    {
        using var folder = new TempFolder();

        var run = DflintProcess.Run(folder.Path, Encoding.UTF8.GetBytes("FROM a\n"), "syntax", "--json", "-");

        Assert.That(run.ExitCode, Is.Zero, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutBytes);
        Assert.That(json.RootElement.GetProperty("file").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Missing_file_is_an_io_error()
    {
        using var folder = new TempFolder();

        var run = DflintProcess.Run(folder.Path, "syntax", "nope");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Is.EqualTo("dflint: error: nope: no such file or directory\n"));
    }

    [TestCase("--json", "--roundtrip")]
    [TestCase("--tree")]
    public void Conflicting_options_are_a_usage_error(params string[] options)
    {
        using var folder = new TempFolder();
        folder.Write("Dockerfile", "FROM a\n");

        var run = DflintProcess.Run(folder.Path, ["syntax", .. options, "Dockerfile"]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Stderr, Does.StartWith("dflint: error: "));
        Assert.That(run.StdoutBytes, Is.Empty);
    }

    private static string?[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString())];

    private static void Rebuild(JsonElement element, StringBuilder builder)
    {
        if (element.GetProperty("type").GetString() == "token")
        {
            foreach (var trivia in element.GetProperty("leadingTrivia").EnumerateArray()) builder.Append(trivia.GetProperty("text").GetString());
            builder.Append(element.GetProperty("text").GetString());
            foreach (var trivia in element.GetProperty("trailingTrivia").EnumerateArray()) builder.Append(trivia.GetProperty("text").GetString());
            return;
        }
        foreach (var child in element.GetProperty("children").EnumerateArray()) Rebuild(child, builder);
    }
}

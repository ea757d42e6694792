using Dflint.Syntax;

namespace Dflint.Semantics.Shell;

/// <summary>Finds the shell scripts an instruction runs, each mapped character by character to the file.</summary>
public static class ShellSources
{
    /// <summary>
    /// The scripts <paramref name="instruction"/> runs, in file order:
    /// <list type="bullet">
    /// <item>RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form: the command, joined across line
    /// continuations as BuildKit joins it.</item>
    /// <item>RUN whose command is a lone heredoc marker (<c>RUN &lt;&lt;EOF</c>): the heredoc body instead, unless a
    /// <c>#!</c> line names something other than a POSIX shell. RUN with a shell reading a heredoc
    /// (<c>RUN bash -e &lt;&lt;EOF</c>): the command, then the body. Other heredocs are data.</item>
    /// <item>Exec form running a shell with <c>-c</c> (<c>["sh", "-c", "..."]</c>): the script, JSON escapes decoded.</item>
    /// <item>Any other exec-form RUN (<c>RUN ["apt-get", "install", "curl"]</c>): a <see cref="ShellSourceKind.ExecForm"/>
    /// source, read as one command whose words are the array's strings.</item>
    /// <item>ONBUILD: the scripts of its trigger.</item>
    /// </list>
    /// Other instructions, and CMD, ENTRYPOINT and HEALTHCHECK in other exec forms (whose strings may be arguments to
    /// an ENTRYPOINT), run no shell script.
    /// </summary>
    public static ImmutableArray<ShellSource> For(InstructionSyntax instruction, char escapeChar)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return instruction switch
        {
            OnbuildInstructionSyntax onbuild => onbuild.Trigger is { } trigger ? For(trigger, escapeChar) : [],
            RunInstructionSyntax run => ForRun(run, escapeChar),
            CmdInstructionSyntax or EntrypointInstructionSyntax => ForCommand(((CommandInstructionSyntax)instruction).Command, escapeChar, isRun: false),
            HealthcheckInstructionSyntax { TypeToken.Kind: SyntaxKind.CmdKeyword } healthcheck => ForCommand(healthcheck.Command, escapeChar, isRun: false),
            _ => [],
        };
    }

    private static ImmutableArray<ShellSource> ForCommand(SyntaxNode? command, char escapeChar, bool isRun) => command switch
    {
        ShellFormSyntax shellForm => [new ShellSource(JoinLines(shellForm.SyntaxTree.Text, shellForm.Span, escapeChar), ShellSourceKind.ShellForm)],
        JsonArraySyntax json => ForExecForm(json, escapeChar, isRun),
        _ => [],
    };

    private static ImmutableArray<ShellSource> ForRun(RunInstructionSyntax run, char escapeChar)
    {
        if (run.Command is not ShellFormSyntax shellForm) return ForCommand(run.Command, escapeChar, isRun: true);
        var text = shellForm.SyntaxTree.Text;
        var line = JoinLines(text, shellForm.Span, escapeChar);
        var heredocs = run.Heredocs;
        if (heredocs.Count == 0) return [new ShellSource(line, ShellSourceKind.ShellForm)];

        // BuildKit runs a lone heredoc's body as the command (as a file run by its #! interpreter when it has one).
        if (IsLoneHeredocMarker(line.Text))
        {
            return IsShellScriptBody(heredocs[0]) ? [new ShellSource(HeredocBody(text, heredocs[0]), ShellSourceKind.HeredocBody)] : [];
        }

        var sources = ImmutableArray.CreateBuilder<ShellSource>();
        sources.Add(new ShellSource(line, ShellSourceKind.ShellForm));
        var used = new bool[heredocs.Count];
        foreach (var command in ShellScript.Parse(line).Commands)
        {
            foreach (var redirection in command.Redirections)
            {
                if (!redirection.IsHeredoc || redirection.Target is null) continue;
                var index = FindUnusedHeredoc(heredocs, used, redirection.Target.Value);
                if (index < 0) continue;
                used[index] = true;
                if (command.Parent is null && redirection.FileDescriptor is null or 0 && ReadsScriptFromStandardInput(command))
                {
                    sources.Add(new ShellSource(HeredocBody(text, heredocs[index]), ShellSourceKind.HeredocBody));
                }
            }
        }
        return sources.ToImmutable();
    }

    /// <summary>
    /// True for a shell, also behind wrappers (<c>sudo bash &lt;&lt;EOF</c>), that reads its script from its input;
    /// xargs gives the command it runs no input of its own.
    /// </summary>
    private static bool ReadsScriptFromStandardInput(ShellCommand command)
    {
        var effective = command.Effective;
        if (effective.ViaXargs || !ShellDialects.IsScriptingShellName(effective.BaseName)) return false;
        var arguments = effective.Arguments;
        return ShellDialects.ReadsScriptFromStandardInput(arguments.Length, i => arguments[i].Value);
    }

    private static int FindUnusedHeredoc(SyntaxList<HeredocSyntax> heredocs, bool[] used, string name)
    {
        for (var i = 0; i < heredocs.Count; i++)
        {
            if (!used[i] && heredocs[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>
    /// BuildKit's test for a command that is only a heredoc: <c>^(\d*)&lt;&lt;(-?)([^&lt;]*)$</c> where the name part
    /// is one shell word.
    /// </summary>
    private static bool IsLoneHeredocMarker(string command)
    {
        var text = command.AsSpan().Trim();
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (!text[i..].StartsWith("<<", StringComparison.Ordinal)) return false;
        i += 2;
        if (i < text.Length && text[i] == '-') i++;
        var name = text[i..];
        if (name.IsEmpty || name.IndexOf('<') >= 0) return false;
        var quote = '\0';
        for (var j = 0; j < name.Length; j++)
        {
            var c = name[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"') j++;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                j++;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>False when the body starts with a <c>#!</c> line naming something other than a POSIX shell.</summary>
    private static bool IsShellScriptBody(HeredocSyntax heredoc)
    {
        var content = heredoc.Content.AsSpan();
        if (!content.StartsWith("#!", StringComparison.Ordinal)) return true;
        var newline = content.IndexOf('\n');
        var words = (newline < 0 ? content[2..] : content[2..newline]).ToString().Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var interpreter = words[0];
        if (interpreter.EndsWith("/env", StringComparison.Ordinal) || interpreter == "env")
        {
            interpreter = words.Skip(1).FirstOrDefault(w => !w.StartsWith('-')) ?? "";
        }
        return ShellDialects.IsPosixShell(interpreter);
    }

    /// <summary>The body as BuildKit passes it on: for <c>&lt;&lt;-</c> without the tabs that start its lines.</summary>
    private static MappedText HeredocBody(SourceText text, HeredocSyntax heredoc)
    {
        var span = heredoc.Body.Span;
        var raw = text.ToString(span);
        if (!heredoc.Chomp) return MappedText.FromContiguous(raw, span.Start);
        var builder = new MappedText.Builder(span.Start);
        var lineStart = 0;
        while (lineStart < raw.Length)
        {
            var contentStart = lineStart;
            while (contentStart < raw.Length && raw[contentStart] == '\t') contentStart++;
            var newline = raw.IndexOf('\n', contentStart);
            var lineEnd = newline < 0 ? raw.Length : newline + 1;
            builder.AppendRun(raw.AsSpan(contentStart, lineEnd - contentStart), span.Start + contentStart);
            lineStart = lineEnd;
        }
        return builder.ToMappedText();
    }

    private static ImmutableArray<ShellSource> ForExecForm(JsonArraySyntax json, char escapeChar, bool isRun)
    {
        var elements = json.Elements.ToArray();
        if (elements.Length >= 3 && ShellDialects.IsScriptingShellName(ShellNames.BaseName(elements[0].ValueText)))
        {
            var scriptIndex = ShellDialects.FindShellCScript(elements.Length - 1, i => elements[i + 1].ValueText);
            if (scriptIndex >= 0)
            {
                var literal = JoinLines(json.SyntaxTree.Text, elements[scriptIndex + 1].Span, escapeChar);
                return DecodeJsonString(literal) is { } script ? [new ShellSource(script, ShellSourceKind.ExecFormShellC)] : [];
            }
        }
        return isRun ? ForExecFormProgram(json, elements, escapeChar) : [];
    }

    /// <summary>
    /// The strings of an exec-form RUN as one command line: decoded, joined by a space that maps to the closing quote
    /// before it, each character keeping the file position of what wrote it.
    /// </summary>
    private static ImmutableArray<ShellSource> ForExecFormProgram(JsonArraySyntax json, SyntaxToken[] elements, char escapeChar)
    {
        if (elements.Length == 0) return [];
        var text = json.SyntaxTree.Text;
        var builder = new MappedText.Builder(elements[0].SpanStart + 1);
        var words = ImmutableArray.CreateBuilder<(int Start, int Length)>(elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            if (DecodeJsonString(JoinLines(text, elements[i].Span, escapeChar)) is not { } value) return [];
            if (i > 0) builder.Append(' ', elements[i - 1].Span.End - 1, elements[i - 1].Span.End);
            words.Add((builder.Length, value.Length));
            builder.AppendSlice(value, 0, value.Length);
        }
        return [new ShellSource(builder.ToMappedText(), ShellSourceKind.ExecForm) { ExecFormWords = words.MoveToImmutable() }];
    }

    /// <summary>
    /// The characters of <paramref name="span"/> as BuildKit reads them: a line ending with the escape
    /// character continues on the next line (the escape, the blanks after it and the line break are dropped),
    /// and comment or blank lines inside the continuation are dropped. The first line is kept as it is.
    /// </summary>
    internal static MappedText JoinLines(SourceText text, TextSpan span, char escapeChar)
    {
        var raw = text.ToString(span);
        if (raw.IndexOf('\n') < 0) return MappedText.FromContiguous(raw, span.Start);
        var builder = new MappedText.Builder(span.Start);
        var lineStart = 0;
        var first = true;
        while (true)
        {
            var newline = raw.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? raw.Length : newline;
            var line = raw.AsSpan(lineStart, lineEnd - lineStart);
            if (newline >= 0)
            {
                line = LogicalText.TrimCarriageReturns(line);
                if (!first && (LogicalText.IsComment(line) || LogicalText.IsBlank(line)))
                {
                    lineStart = newline + 1;
                    continue;
                }
                var continuation = LogicalText.ContinuationStart(line, escapeChar);
                if (continuation >= 0) line = line[..continuation];
            }
            builder.AppendRun(line, span.Start + lineStart);
            if (newline < 0) break;
            lineStart = newline + 1;
            first = false;
        }
        return builder.ToMappedText();
    }

    /// <summary>Decodes a JSON string literal (quotes included), each character keeping the span of its escape; null when invalid.</summary>
    internal static MappedText? DecodeJsonString(MappedText literal)
    {
        var text = literal.Text;
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"') return null;
        var builder = new MappedText.Builder(literal.ToFileOffset(1));
        var end = text.Length - 1;
        for (var i = 1; i < end; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                builder.Append(c, literal.ToFileOffset(i), literal.ToFileEnd(i));
                continue;
            }
            if (i + 1 >= end) return null;
            var escapeStart = i;
            char decoded;
            switch (text[++i])
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    if (i + 4 >= end || !ushort.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)) return null;
                    decoded = (char)code;
                    i += 4;
                    break;
                default:
                    return null;
            }
            builder.Append(decoded, literal.ToFileOffset(escapeStart), literal.ToFileEnd(i));
        }
        return builder.ToMappedText();
    }
}

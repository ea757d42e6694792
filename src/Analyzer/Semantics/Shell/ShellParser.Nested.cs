namespace Dflint.Semantics.Shell;

internal sealed partial class ShellParser
{
    /// <summary>
    /// For <c>sh -c 'script'</c> with a literal script word, also behind wrappers (<c>sudo sh -c '...'</c>,
    /// <c>env X=1 bash -c "..."</c>): reads the script as commands of this script, with
    /// <see cref="ShellCommand.Parent"/> set and file spans mapped through the quotes.
    /// </summary>
    private void ReadNestedShellScript(ShellCommand command)
    {
        if (FindShellCScript(command) is not { } script) return;

        // The word is read again, this time keeping the file span of every character of its value.
        var builder = new MappedText.Builder(script.Span.Start);
        var resume = _position;
        _position = script.LogicalStart;
        _silenced++;
        ReadWord(LexMode.Normal, builder);
        _silenced--;
        _position = resume;
        ParseNested(command, builder.ToMappedText());
    }

    /// <summary>
    /// Reads an exec-form RUN (<see cref="ShellSourceKind.ExecForm"/>) as the one command it runs, its words the
    /// array's strings as given (no quote removal, no expansion: no shell sees them), and a shell it runs with
    /// <c>-c</c> behind a wrapper (<c>["sudo", "sh", "-c", "..."]</c>) as a nested script.
    /// </summary>
    public void ParseExecForm()
    {
        var ranges = _source.ExecFormWords.IsDefault ? SplitAtSpaces(_text) : _source.ExecFormWords;
        var words = ImmutableArray.CreateBuilder<ShellWord>(ranges.Length);
        foreach (var (start, length) in ranges)
        {
            var value = _text.Substring(start, length);
            words.Add(new ShellWord(_mapped, start, value, value, hasExpansion: false, isQuoted: false));
        }
        var command = new ShellCommand(
            _source, [], words.MoveToImmutable(), [], _mapped.ToFileSpan(0, _text.Length), 0, _text.Length,
            ShellOperator.None, ShellOperator.None, isNegated: false, isInSubstitution: false);
        _commands.Add(command);
        if (_readsNestedShells && FindShellCScript(command) is { } script)
        {
            ParseNested(command, _mapped.Slice(script.LogicalStart, script.Text.Length));
        }
    }

    /// <summary>The literal script word of a shell run with <c>-c</c>, looked for through wrappers, or null.</summary>
    private static ShellWord? FindShellCScript(ShellCommand command)
    {
        var effective = command.Effective;
        if (!ShellDialects.IsScriptingShellName(effective.BaseName)) return null;
        var arguments = effective.Arguments;
        var scriptIndex = ShellDialects.FindShellCScript(arguments.Length, i => arguments[i].Value);
        return scriptIndex < 0 || arguments[scriptIndex].HasExpansion ? null : arguments[scriptIndex];
    }

    private void ParseNested(ShellCommand parent, MappedText script)
    {
        var first = _commands.Count;
        var source = new ShellSource(script, ShellSourceKind.ShellCArgument);
        new ShellParser(source, readsNestedShells: false, _commands, _errors).ParseScript();
        for (var i = first; i < _commands.Count; i++) _commands[i].Parent = parent;
    }

    /// <summary>Words of an exec-form source built by hand, without the ranges <see cref="ShellSources"/> records.</summary>
    private static ImmutableArray<(int Start, int Length)> SplitAtSpaces(string text)
    {
        if (text.Length == 0) return [];
        var ranges = ImmutableArray.CreateBuilder<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ') continue;
            ranges.Add((start, i - start));
            start = i + 1;
        }
        return ranges.ToImmutable();
    }
}

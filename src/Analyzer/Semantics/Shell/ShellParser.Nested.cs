namespace Dflint.Semantics.Shell;

internal sealed partial class ShellParser
{
    /// <summary>
    /// For <c>sh -c 'script'</c> with a literal script word: reads the script as commands of this script,
    /// with <see cref="ShellCommand.Parent"/> set and file spans mapped through the quotes.
    /// </summary>
    private void ReadNestedShellScript(ShellCommand command)
    {
        if (!ShellDialects.IsScriptingShellName(command.BaseName)) return;
        var arguments = command.Arguments;
        var scriptIndex = ShellDialects.FindShellCScript(arguments.Length, i => arguments[i].Value);
        if (scriptIndex < 0 || arguments[scriptIndex].HasExpansion) return;
        var script = arguments[scriptIndex];

        // The word is read again, this time keeping the file span of every character of its value.
        var builder = new MappedText.Builder(script.Span.Start);
        var resume = _position;
        _position = script.LogicalStart;
        _silenced++;
        ReadWord(LexMode.Normal, builder);
        _silenced--;
        _position = resume;

        var first = _commands.Count;
        var source = new ShellSource(builder.ToMappedText(), ShellSourceKind.ShellCArgument);
        new ShellParser(source, readsNestedShells: false, _commands, _errors).ParseScript();
        for (var i = first; i < _commands.Count; i++) _commands[i].Parent = command;
    }
}

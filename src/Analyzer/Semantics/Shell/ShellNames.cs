namespace Dflint.Semantics.Shell;

/// <summary>
/// How command names and <c>NAME=value</c> words are read, in one place so that the parser, the wrapper table and
/// the rules agree.
/// </summary>
internal static class ShellNames
{
    /// <summary>
    /// The command name without its folder: <c>apt-get</c> for <c>/usr/bin/apt-get</c>. Case is kept, since the
    /// shell looks names up as written (<see cref="ShellDialects.ExecutableName"/> is the Windows-aware variant).
    /// </summary>
    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>True for a character of a shell variable name; digits cannot start one.</summary>
    public static bool IsNameCharacter(char c, bool first) => c == '_' || char.IsAsciiLetter(c) || (!first && char.IsAsciiDigit(c));

    /// <summary>
    /// True for <c>NAME=value</c> where NAME is a shell variable name. Read on a word's value (quotes removed), which
    /// is what <c>env</c> and <c>sudo</c> receive: <c>env "A=1" cmd</c> sets A.
    /// </summary>
    public static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0) return false;
        for (var i = 0; i < equals; i++)
        {
            if (!IsNameCharacter(word[i], first: i == 0)) return false;
        }
        return true;
    }

    /// <summary>The value of <c>NAME=value</c> when <paramref name="word"/> assigns <paramref name="name"/>, else null.</summary>
    public static string? AssignedValue(string word, string name) =>
        word.Length > name.Length && word[name.Length] == '=' && word.StartsWith(name, StringComparison.Ordinal) ? word[(name.Length + 1)..] : null;
}

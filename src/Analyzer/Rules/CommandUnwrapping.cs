using System.Collections.Frozen;
using Dflint.Semantics.Shell;

namespace Dflint.Rules;

/// <summary>
/// Finds the command that a wrapper runs: <c>sudo -E apt-get install</c> and <c>env X=1 nice -n 5 apt-get install</c>
/// both run <c>apt-get install</c>. Each wrapper's options that take a value are listed so that the value is not
/// mistaken for the command (<c>sudo -u app make</c> runs <c>make</c>, not <c>app</c>).
/// </summary>
internal static class CommandUnwrapping
{
    /// <param name="OptionsWithValue">Options that take the next word as value when it is not attached.</param>
    /// <param name="TakesAssignments">Whether <c>NAME=value</c> words may come before the command (env, sudo).</param>
    /// <param name="LeadingPositionals">Positional words before the command (timeout's duration, chroot's root).</param>
    /// <param name="NonRunningOptions">Options with which the wrapper runs nothing (<c>command -v</c>).</param>
    private sealed record Wrapper(FrozenSet<string> OptionsWithValue, bool TakesAssignments = false, int LeadingPositionals = 0, string[]? NonRunningOptions = null);

    private static readonly FrozenDictionary<string, Wrapper> Wrappers = new Dictionary<string, Wrapper>(StringComparer.Ordinal)
    {
        ["sudo"] = new(Set("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--other-user", "--command-timeout"), TakesAssignments: true, NonRunningOptions: ["-l", "--list", "-v", "--validate", "-k", "--reset-timestamp", "-K", "--remove-timestamp", "-e", "--edit", "-V", "--version"]),
        ["doas"] = new(Set("-u", "-C")),
        ["env"] = new(Set("-u", "-C", "-S", "--unset", "--chdir", "--split-string"), TakesAssignments: true),
        ["xargs"] = new(Set("-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--eof", "--replace", "--max-lines", "--max-args", "--max-procs", "--max-chars", "--process-slot-var")),
        ["nice"] = new(Set("-n", "--adjustment")),
        ["ionice"] = new(Set("-c", "-n", "-p", "-P", "-u", "--class", "--classdata", "--pid", "--pgid", "--uid")),
        ["nohup"] = new(Set()),
        ["time"] = new(Set("-f", "-o", "--format", "--output")),
        ["command"] = new(Set(), NonRunningOptions: ["-v", "-V"]),
        ["exec"] = new(Set("-a")),
        ["eatmydata"] = new(Set()),
        ["fakeroot"] = new(Set("-l", "-s", "-i", "-b", "--lib", "--faked")),
        ["stdbuf"] = new(Set("-i", "-o", "-e", "--input", "--output", "--error")),
        ["timeout"] = new(Set("-s", "-k", "--signal", "--kill-after"), LeadingPositionals: 1),
        ["chroot"] = new(Set("--userspec", "--groups"), LeadingPositionals: 1),
        ["gosu"] = new(Set(), LeadingPositionals: 1),
        ["su-exec"] = new(Set(), LeadingPositionals: 1),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The wrapper commands understood here, for <c>RegisterShellCommandAction</c> name filters.</summary>
    public static IEnumerable<string> WrapperNames => Wrappers.Keys;

    /// <summary>True when <paramref name="name"/> (without its folder) is a wrapper that runs another command.</summary>
    public static bool IsWrapper(string name) => Wrappers.ContainsKey(name);

    /// <summary>
    /// The index in <see cref="ShellCommand.Words"/> of the word naming the command that actually runs, or -1 when
    /// nothing runs or the wrapper's arguments cannot be followed (a word with an expansion where an option or the
    /// command name should be). <paramref name="viaXargs"/> tells that the command's arguments continue on stdin.
    /// </summary>
    public static int FindRunCommand(ShellCommand command, out bool viaXargs)
    {
        viaXargs = false;
        var words = command.Words;
        var index = 0;
        while (index < words.Length)
        {
            var word = words[index];
            if (word.HasExpansion) return index;
            var name = BaseName(word.Value);
            if (!Wrappers.TryGetValue(name, out var wrapper)) return index;
            viaXargs |= name == "xargs";
            index = SkipWrapperArguments(words, index + 1, wrapper);
            if (index < 0) return -1;
        }
        return -1;
    }

    /// <summary>The command name without its folder: <c>apt-get</c> for <c>/usr/bin/apt-get</c>.</summary>
    public static string BaseName(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }

    private static int SkipWrapperArguments(ImmutableArray<ShellWord> words, int index, Wrapper wrapper)
    {
        while (index < words.Length)
        {
            var word = words[index];
            var value = word.Value;
            if (word.HasExpansion && value.StartsWith('-')) return -1;
            if (value == "--")
            {
                index++;
                break;
            }
            if (value.Length < 2 || value[0] != '-')
            {
                if (wrapper.TakesAssignments && IsAssignment(value))
                {
                    index++;
                    continue;
                }
                break;
            }
            if (wrapper.NonRunningOptions is { } stops && Array.IndexOf(stops, value) >= 0) return -1;
            index += TakesNextWord(value, wrapper.OptionsWithValue) ? 2 : 1;
        }
        index += wrapper.LeadingPositionals;
        return index < words.Length ? index : -1;
    }

    /// <summary>
    /// Whether an option word consumes the next word: a long option with a value and no <c>=</c>, or a run of short
    /// options whose first value-taking letter is the last (<c>-Eu user</c>, but not <c>-uapp</c>).
    /// </summary>
    private static bool TakesNextWord(string option, FrozenSet<string> optionsWithValue)
    {
        if (option[1] == '-') return option.IndexOf('=') < 0 && optionsWithValue.Contains(option);
        for (var letter = 1; letter < option.Length; letter++)
        {
            if (optionsWithValue.Contains(string.Concat("-", option.AsSpan(letter, 1)))) return letter == option.Length - 1;
        }
        return false;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0) return false;
        for (var i = 0; i < equals; i++)
        {
            var c = word[i];
            if (!(c == '_' || char.IsAsciiLetterOrDigit(c)) || (i == 0 && char.IsAsciiDigit(c))) return false;
        }
        return true;
    }

    private static FrozenSet<string> Set(params string[] options) => options.ToFrozenSet(StringComparer.Ordinal);
}

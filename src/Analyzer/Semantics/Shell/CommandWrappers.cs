
namespace Dflint.Semantics.Shell;

/// <summary>
/// Commands that run the command written after their own options and operands: <c>sudo -E apt-get install</c>
/// and <c>env X=1 nice -n 5 apt-get install</c> both run <c>apt-get install</c>. Each wrapper's options that take a
/// value are listed so that the value is not mistaken for the command (<c>sudo -u app make</c> runs <c>make</c>,
/// not <c>app</c>), and so are the options with which it runs nothing (<c>command -v apk</c>).
/// </summary>
internal static class CommandWrappers
{
    /// <param name="OptionsWithValue">Options that take the next word as their value when it is not attached.</param>
    /// <param name="NonRunningOptions">
    /// Options with which the wrapper runs no command, or one that cannot be told from its words (<c>env -S 'a b'</c>
    /// splits a string). <c>--help</c> and <c>--version</c> count for every wrapper.
    /// </param>
    /// <param name="TakesAssignments">Whether <c>NAME=value</c> words may come before the command and go into its environment.</param>
    /// <param name="LeadingOperands">Operands before the command: timeout's duration, chroot's root, gosu's user.</param>
    private sealed record Wrapper(IReadOnlySet<string> OptionsWithValue, IReadOnlySet<string> NonRunningOptions, bool TakesAssignments = false, int LeadingOperands = 0);

    private static readonly HashSet<string> s_none = [];

    private static readonly Dictionary<string, Wrapper> s_wrappers = new(StringComparer.Ordinal)
    {
        // -k is not listed: with a command, sudo only forgets cached credentials and still runs it.
        ["sudo"] = new(
            Set("-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role",
                "-R", "--chroot", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"),
            Set("-l", "--list", "-v", "--validate", "-K", "--remove-timestamp", "-e", "--edit", "-V"),
            TakesAssignments: true),
        // doas -C checks the configuration against the command instead of running it.
        ["doas"] = new(Set("-u"), Set("-C", "-L")),
        ["env"] = new(Set("-u", "--unset", "-C", "--chdir"), Set("-S", "--split-string"), TakesAssignments: true),
        // --eof, --replace and --max-lines take a value only after '=' (their short forms -e, -i, -l only attached).
        ["xargs"] = new(Set("-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars", "--process-slot-var"), s_none),
        ["nice"] = new(Set("-n", "--adjustment"), s_none),
        ["ionice"] = new(Set("-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"), s_none),
        ["nohup"] = new(s_none, s_none),
        ["time"] = new(Set("-f", "--format", "-o", "--output"), s_none),
        ["command"] = new(s_none, Set("-v", "-V")),
        ["exec"] = new(Set("-a"), s_none),
        ["eatmydata"] = new(s_none, s_none),
        ["chronic"] = new(s_none, s_none),
        ["fakeroot"] = new(Set("-l", "--lib", "--faked", "-s", "-i", "-b"), s_none),
        ["stdbuf"] = new(Set("-i", "--input", "-o", "--output", "-e", "--error"), s_none),
        ["timeout"] = new(Set("-s", "--signal", "-k", "--kill-after"), s_none, LeadingOperands: 1),
        ["chroot"] = new(Set("--userspec", "--groups"), s_none, LeadingOperands: 1),
        ["gosu"] = new(s_none, s_none, LeadingOperands: 1),
        ["su-exec"] = new(s_none, s_none, LeadingOperands: 1),
    };

    /// <summary>The names of the wrappers understood here.</summary>
    public static IEnumerable<string> Names => s_wrappers.Keys;

    /// <summary>True when <paramref name="baseName"/> (a name without its folder) is a wrapper that runs another command.</summary>
    public static bool IsWrapper(string baseName) => s_wrappers.ContainsKey(baseName);

    /// <summary>Looks through the wrappers at the start of <paramref name="command"/>; see <see cref="ShellCommand.Effective"/>.</summary>
    public static EffectiveCommand Unwrap(ShellCommand command)
    {
        var words = command.Words;
        var index = 0;
        var viaXargs = false;
        ImmutableArray<ShellWord>.Builder? assignments = null;
        // Each wrapper consumes at least its own name, so `env env env ...` stays linear.
        while (index < words.Length)
        {
            var word = words[index];
            if (word.HasExpansion) break;
            var name = ShellNames.BaseName(word.Value);
            if (!s_wrappers.TryGetValue(name, out var wrapper)) break;
            viaXargs |= name == "xargs";
            index = SkipArguments(words, index + 1, wrapper, ref assignments);
            if (index < 0) break;
        }
        return new EffectiveCommand(command, index < words.Length ? index : -1, assignments?.ToImmutable() ?? [], viaXargs);
    }

    /// <summary>The index of the word after a wrapper's options, assignments and leading operands, or -1 when nothing runs.</summary>
    private static int SkipArguments(ImmutableArray<ShellWord> words, int index, Wrapper wrapper, ref ImmutableArray<ShellWord>.Builder? assignments)
    {
        while (index < words.Length)
        {
            var word = words[index];
            var value = word.Value;
            if (value == "--")
            {
                index++;
                break;
            }
            if (value.Length < 2 || value[0] != '-') break;
            // An option held in a variable may take a value or stop the wrapper: what runs cannot be told.
            if (word.HasExpansion) return -1;
            var consumed = OptionWords(value, wrapper);
            if (consumed < 0) return -1;
            index += consumed;
        }
        if (wrapper.TakesAssignments)
        {
            while (index < words.Length && ShellNames.IsAssignment(words[index].Value))
            {
                (assignments ??= ImmutableArray.CreateBuilder<ShellWord>()).Add(words[index]);
                index++;
            }
        }
        index += wrapper.LeadingOperands;
        return index < words.Length ? index : -1;
    }

    /// <summary>
    /// How many words an option uses (2 when its value is the next word), or -1 when it stops the wrapper from
    /// running a command. In a run of short options the first value-taking letter takes the rest of the word, or
    /// the next word when it is last: <c>-Eu user</c>, but <c>-uapp</c>.
    /// </summary>
    private static int OptionWords(string option, Wrapper wrapper)
    {
        if (option[1] == '-')
        {
            var equals = option.IndexOf('=');
            var name = equals < 0 ? option : option[..equals];
            if (name is "--help" or "--version" || wrapper.NonRunningOptions.Contains(name)) return -1;
            return equals < 0 && wrapper.OptionsWithValue.Contains(name) ? 2 : 1;
        }
        for (var letter = 1; letter < option.Length; letter++)
        {
            var name = string.Concat("-", option.AsSpan(letter, 1));
            if (wrapper.NonRunningOptions.Contains(name)) return -1;
            if (wrapper.OptionsWithValue.Contains(name)) return letter + 1 == option.Length ? 2 : 1;
        }
        return 1;
    }

    // HashSets rather than FrozenSets: building frozen sets costs more at start-up than their faster lookups save.
    private static HashSet<string> Set(params string[] options) => new HashSet<string>(options, StringComparer.Ordinal);
}

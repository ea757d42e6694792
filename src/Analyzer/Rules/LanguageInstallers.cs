using System.Collections.Frozen;
using Dflint.Semantics;
using Dflint.Semantics.Shell;

namespace Dflint.Rules;

/// <summary>
/// What the rules on language package managers (pip, npm, gem, go) share: the program a wrapper such as
/// <c>sudo</c> or <c>env</c> runs, pip however it is invoked, and environment variables set for one command.
/// </summary>
internal static class LanguageInstallers
{
    /// <summary>A command as its program sees it: <see cref="Words"/> starts with the program, wrappers removed.</summary>
    /// <param name="Words">The program and its arguments.</param>
    /// <param name="Assignments">The <c>NAME=value</c> words a wrapper (<c>env</c>, <c>sudo</c>) put in the program's environment.</param>
    public readonly record struct Invocation(ImmutableArray<ShellWord> Words, ImmutableArray<ShellWord> Assignments)
    {
        public ShellWord Program => Words[0];

        /// <summary>The program's name without its folder; empty when the name holds an expansion.</summary>
        public string ProgramName => Program.HasExpansion ? "" : BaseName(Program.Value);
    }

    /// <summary>A <c>pip install</c>, however pip was started.</summary>
    /// <param name="Tool">How the command names pip in messages: <c>pip3</c>, <c>python3 -m pip</c>, <c>uv pip</c>.</param>
    /// <param name="Install">The <c>install</c> word.</param>
    /// <param name="Arguments">pip's arguments (global and install options alike); the packages are the subcommand arguments.</param>
    /// <param name="IsUv">True for <c>uv pip install</c>, whose options and cache differ from pip's.</param>
    public sealed record PipInstall(string Tool, ShellWord Install, ShellArgumentList Arguments, bool IsUv);

    private sealed record Wrapper(string ShortWithValue, FrozenSet<string> LongWithValue, string ShortOpaque, FrozenSet<string> LongOpaque, bool TakesAssignments, int LeadingOperands);

    private static readonly FrozenSet<string> s_none = FrozenSet<string>.Empty;

    /// <summary>
    /// Programs that run the command in their arguments. "Opaque" options make the rest something other than a
    /// command to run (<c>env -S 'a b'</c> splits a string, <c>command -v</c> only looks the name up).
    /// </summary>
    private static readonly FrozenDictionary<string, Wrapper> s_wrappers = new Dictionary<string, Wrapper>(StringComparer.Ordinal)
    {
        ["sudo"] = new("ugCDhprtTU", Set("--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout", "--other-user"), "lveV", Set("--list", "--validate", "--edit", "--version", "--help"), true, 0),
        ["doas"] = new("uC", s_none, "", s_none, false, 0),
        ["env"] = new("uC", Set("--unset", "--chdir"), "S", Set("--split-string", "--help", "--version"), true, 0),
        ["nice"] = new("n", Set("--adjustment"), "", s_none, false, 0),
        ["ionice"] = new("cnp", Set("--class", "--classdata", "--pid"), "", s_none, false, 0),
        ["nohup"] = new("", s_none, "", s_none, false, 0),
        ["time"] = new("fo", Set("--format", "--output"), "", s_none, false, 0),
        ["timeout"] = new("sk", Set("--signal", "--kill-after"), "", s_none, false, 1),
        ["xargs"] = new("IaLnPsdE", Set("--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars", "--max-lines", "--eof", "--process-slot-var"), "", s_none, false, 0),
        ["exec"] = new("a", s_none, "", s_none, false, 0),
        ["command"] = new("", s_none, "vV", s_none, false, 0),
        ["stdbuf"] = new("ioe", Set("--input", "--output", "--error"), "", s_none, false, 0),
        ["eatmydata"] = new("", s_none, "", s_none, false, 0),
        ["chronic"] = new("", s_none, "", s_none, false, 0),
        ["gosu"] = new("", s_none, "", s_none, false, 1),
        ["su-exec"] = new("", s_none, "", s_none, false, 1),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>pip options (global and <c>install</c>) that take the next word as their value.</summary>
    private static readonly FrozenSet<string> s_pipOptionsWithValue = Set(
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--platform",
        "--python-version", "--implementation", "--abi", "--root", "--prefix", "--src", "--upgrade-strategy",
        "-C", "--config-settings", "--global-option", "--install-option", "--build-option", "--no-binary",
        "--only-binary", "--progress-bar", "--root-user-action", "--report", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "--trusted-host", "--proxy", "--retries", "--timeout",
        "--exists-action", "--cert", "--client-cert", "--cache-dir", "--log", "--log-file", "--local-log",
        "--keyring-provider", "--python", "--use-feature", "--use-deprecated", "-b", "--build", "--group",
        "--resume-retries");

    /// <summary><c>uv pip install</c> options that take the next word as their value.</summary>
    private static readonly FrozenSet<string> s_uvOptionsWithValue = Set(
        "-r", "--requirement", "--requirements", "-e", "--editable", "-c", "--constraint", "--constraints",
        "--override", "--overrides", "--exclude", "--excludes", "-b", "--build-constraint", "--build-constraints",
        "--extra", "--group", "--index", "--default-index", "-i", "--index-url", "--extra-index-url", "-f",
        "--find-links", "--index-strategy", "--keyring-provider", "--resolution", "--prerelease",
        "--fork-strategy", "--exclude-newer", "--exclude-newer-package", "--no-build-isolation-package", "-C",
        "--config-setting", "--config-settings", "--config-settings-package", "--link-mode",
        "--reinstall-package", "-P", "--upgrade-package", "--refresh-package", "--no-binary", "--only-binary",
        "-p", "--python", "-t", "--target", "--prefix", "--python-version", "--python-platform",
        "--torch-backend", "--cache-dir", "--directory", "--project", "--config-file", "--color",
        "--allow-insecure-host", "--trusted-host");

    public static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The program <paramref name="command"/> runs once wrappers are peeled off: <c>sudo -E env A=1 pip install x</c>
    /// runs <c>pip install x</c> with <c>A=1</c>. Null when there is no command or a wrapper's options hide it.
    /// </summary>
    public static Invocation? Unwrap(ShellCommand command)
    {
        var words = command.Words;
        if (words.IsEmpty) return null;
        var start = 0;
        ImmutableArray<ShellWord>.Builder? assignments = null;
        // A bound on nesting keeps a pathological `env env env ...` linear.
        for (var depth = 0; depth < 8; depth++)
        {
            var word = words[start];
            if (word.HasExpansion || !s_wrappers.TryGetValue(BaseName(word.Value), out var wrapper)) break;
            start = SkipWrapper(wrapper, words, start + 1, ref assignments);
            if (start < 0 || start >= words.Length) return null;
        }
        return new Invocation(start == 0 ? words : words[start..], assignments?.ToImmutable() ?? []);
    }

    private static int SkipWrapper(Wrapper wrapper, ImmutableArray<ShellWord> words, int index, ref ImmutableArray<ShellWord>.Builder? assignments)
    {
        while (index < words.Length)
        {
            var value = words[index].Value;
            if (value == "--")
            {
                index++;
                break;
            }
            if (value.Length < 2 || value[0] != '-') break;
            if (value[1] == '-')
            {
                var equals = value.IndexOf('=');
                var name = equals < 0 ? value : value[..equals];
                if (wrapper.LongOpaque.Contains(name)) return -1;
                index += equals < 0 && wrapper.LongWithValue.Contains(name) ? 2 : 1;
                continue;
            }
            var consumed = 1;
            for (var letter = 1; letter < value.Length; letter++)
            {
                if (wrapper.ShortOpaque.Contains(value[letter], StringComparison.Ordinal)) return -1;
                if (!wrapper.ShortWithValue.Contains(value[letter], StringComparison.Ordinal)) continue;
                if (letter + 1 == value.Length) consumed = 2;
                break;
            }
            index += consumed;
        }
        if (wrapper.TakesAssignments)
        {
            while (index < words.Length && IsAssignment(words[index].Value))
            {
                (assignments ??= ImmutableArray.CreateBuilder<ShellWord>()).Add(words[index]);
                index++;
            }
        }
        return index + wrapper.LeadingOperands;
    }

    /// <summary>The <c>pip install</c> that <paramref name="invocation"/> is, or null.</summary>
    public static PipInstall? FindPipInstall(Invocation invocation)
    {
        var words = invocation.Words;
        var name = invocation.ProgramName;
        int argumentsStart;
        string tool;
        var isUv = false;
        if (IsVersionedName(name, "pip"))
        {
            argumentsStart = 1;
            tool = name;
        }
        else if (IsVersionedName(name, "python") || IsVersionedName(name, "pypy"))
        {
            argumentsStart = PipModuleArguments(words);
            if (argumentsStart < 0) return null;
            tool = name + " -m pip";
        }
        else if (name == "uv")
        {
            argumentsStart = UvPipArguments(words);
            if (argumentsStart < 0) return null;
            tool = "uv pip";
            isUv = true;
        }
        else
        {
            return null;
        }
        var arguments = ShellArgumentList.Parse(words[argumentsStart..], isUv ? s_uvOptionsWithValue : s_pipOptionsWithValue);
        if (arguments.Subcommand is not { IsLiteral: true, Value: "install" } install) return null;
        return new PipInstall(tool, install, arguments, isUv);
    }

    /// <summary>The index after <c>-m pip</c> in a Python command line, or -1 when Python runs something else.</summary>
    private static int PipModuleArguments(ImmutableArray<ShellWord> words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            var value = words[i].Value;
            if (value.Length < 2 || value[0] != '-' || value == "--") return -1;
            if (value[1] == '-')
            {
                if (value == "--check-hash-based-pycs") i++;
                continue;
            }
            for (var letter = 1; letter < value.Length; letter++)
            {
                switch (value[letter])
                {
                    case 'm':
                        string module;
                        if (letter + 1 < value.Length)
                        {
                            module = value[(letter + 1)..];
                        }
                        else if (i + 1 < words.Length)
                        {
                            module = words[++i].Value;
                        }
                        else
                        {
                            return -1;
                        }
                        return module == "pip" ? i + 1 : -1;
                    case 'c':
                        return -1;
                    case 'W' or 'X':
                        if (letter + 1 == value.Length) i++;
                        letter = value.Length;
                        break;
                }
            }
        }
        return -1;
    }

    /// <summary>The index after <c>pip</c> in <c>uv [options] pip ...</c>, or -1.</summary>
    private static int UvPipArguments(ImmutableArray<ShellWord> words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            var value = words[i].Value;
            if (value.Length > 1 && value[0] == '-')
            {
                if (!value.Contains('=', StringComparison.Ordinal) && s_uvOptionsWithValue.Contains(value)) i++;
                continue;
            }
            return value == "pip" ? i + 1 : -1;
        }
        return -1;
    }

    /// <summary>
    /// The value an environment variable has for <paramref name="command"/>: set on the command line
    /// (<c>NAME=x cmd</c>, <c>env NAME=x cmd</c>), else by ENV or ARG in the stage. Null when unknown.
    /// </summary>
    public static string? EnvironmentValue(string name, ShellCommand command, Invocation invocation, InstructionState state)
    {
        foreach (var word in invocation.Assignments)
        {
            if (AssignmentValue(word.Value, name) is { } value) return value;
        }
        foreach (var assignment in command.Assignments)
        {
            if (assignment.Name == name) return assignment.Value.Value;
        }
        return state.Variables.Lookup(name)?.Value;
    }

    /// <summary>The value of <c>NAME=value</c> when <paramref name="word"/> assigns <paramref name="name"/>, else null.</summary>
    public static string? AssignmentValue(string word, string name) =>
        word.Length > name.Length && word[name.Length] == '=' && word.StartsWith(name, StringComparison.Ordinal) ? word[(name.Length + 1)..] : null;

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c> for prefix <c>pip</c>: the prefix followed by digits and dots only.</summary>
    public static bool IsVersionedName(string name, string prefix)
    {
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
        for (var i = prefix.Length; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) && name[i] != '.') return false;
        }
        return true;
    }

    public static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>True for a shell assignment word, <c>NAME=value</c>.</summary>
    public static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_')) return false;
        for (var i = 1; i < equals; i++)
        {
            if (!char.IsAsciiLetterOrDigit(word[i]) && word[i] != '_') return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="value"/> ends with one of <paramref name="suffixes"/>, ignoring case.</summary>
    public static bool EndsWithAny(string value, params ReadOnlySpan<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

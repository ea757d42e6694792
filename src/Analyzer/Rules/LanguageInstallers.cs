using Dflint.Semantics;
using Dflint.Semantics.Shell;

namespace Dflint.Rules;

/// <summary>
/// What the rules on language package managers (pip, npm, gem, go) share: pip however it is invoked, and
/// environment variables set for one command.
/// </summary>
internal static class LanguageInstallers
{
    /// <summary>A <c>pip install</c>, however pip was started.</summary>
    /// <param name="Tool">How the command names pip in messages: <c>pip3</c>, <c>python3 -m pip</c>, <c>uv pip</c>.</param>
    /// <param name="Install">The <c>install</c> word.</param>
    /// <param name="Arguments">pip's arguments (global and install options alike); the packages are the subcommand arguments.</param>
    /// <param name="IsUv">True for <c>uv pip install</c>, whose options and cache differ from pip's.</param>
    public sealed record PipInstall(string Tool, ShellWord Install, ShellArgumentList Arguments, bool IsUv);

    /// <summary>pip options (global and <c>install</c>) that take the next word as their value.</summary>
    private static readonly HashSet<string> s_pipOptionsWithValue = Set(
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--platform",
        "--python-version", "--implementation", "--abi", "--root", "--prefix", "--src", "--upgrade-strategy",
        "-C", "--config-settings", "--global-option", "--install-option", "--build-option", "--no-binary",
        "--only-binary", "--progress-bar", "--root-user-action", "--report", "-i", "--index-url",
        "--extra-index-url", "-f", "--find-links", "--trusted-host", "--proxy", "--retries", "--timeout",
        "--exists-action", "--cert", "--client-cert", "--cache-dir", "--log", "--log-file", "--local-log",
        "--keyring-provider", "--python", "--use-feature", "--use-deprecated", "-b", "--build", "--group",
        "--resume-retries");

    /// <summary><c>uv pip install</c> options that take the next word as their value.</summary>
    private static readonly HashSet<string> s_uvOptionsWithValue = Set(
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

    /// <remarks>A HashSet rather than a FrozenSet: building a frozen set costs more at start-up than its faster lookups save in a run.</remarks>
    public static HashSet<string> Set(params string[] values) => new HashSet<string>(values, StringComparer.Ordinal);

    /// <summary>
    /// True for the names that may start pip: <c>pip</c>, <c>pip3.12</c>, <c>python3</c> and <c>pypy3</c> (with
    /// <c>-m pip</c>), <c>uv</c> (with <c>pip</c>).
    /// </summary>
    public static bool MayRunPip(string name) =>
        IsVersionedName(name, "pip") || IsVersionedName(name, "python") || IsVersionedName(name, "pypy") || name == "uv";

    /// <summary>The <c>pip install</c> that <paramref name="command"/> runs, or null.</summary>
    public static PipInstall? FindPipInstall(EffectiveCommand command)
    {
        var words = command.Words;
        var name = command.LiteralBaseName;
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
    public static string? EnvironmentValue(string name, ShellCommand command, InstructionState state) =>
        command.Effective.FindAssignment(name) ?? state.Variables.Lookup(name)?.Value;

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

using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Rules;

/// <summary>
/// An <c>apt-get</c> or <c>apt</c> command line, read through wrappers (<c>sudo</c>, <c>env</c>, <c>xargs</c>...):
/// its options (with the values of <c>-o</c>, <c>-t</c>, <c>-c</c>... kept apart from the packages), its subcommand
/// and its arguments. Shared by the apt rules so that they agree on what a command does.
/// </summary>
/// <param name="Command">The shell command, whose name may be a wrapper.</param>
/// <param name="ToolWord">The word naming apt-get or apt.</param>
/// <param name="Tool"><c>apt-get</c> or <c>apt</c>.</param>
/// <param name="Arguments">The words after the tool's name.</param>
/// <param name="ViaXargs">True when <c>xargs</c> runs the command, so more arguments come from its input.</param>
internal sealed record AptCommandLine(ShellCommand Command, ShellWord ToolWord, string Tool, ShellArgumentList Arguments, bool ViaXargs)
{
    /// <summary>apt-get's and apt's options that take a value (the next word when not attached).</summary>
    private static readonly FrozenSet<string> OptionsWithValue = new[]
    {
        "-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release",
        "-a", "--host-architecture", "-P", "--build-profiles", "--solver",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const string PackageLists = "/var/lib/apt/lists";

    /// <summary>The names a shell-command action listens to; the engine also matches them behind wrappers.</summary>
    public static readonly string[] CommandNames = ["apt-get", "apt"];

    /// <summary>The subcommand word (<c>install</c>), or null.</summary>
    public ShellWord? SubcommandWord => Arguments.Subcommand;

    /// <summary>The subcommand as written without quotes, or "" when there is none or it is not literal.</summary>
    public string Subcommand => Arguments.Subcommand is { HasExpansion: false } word ? word.Value : "";

    /// <summary>The words after the subcommand: packages for <c>install</c>.</summary>
    public ImmutableArray<ShellWord> Packages => Arguments.SubcommandArguments;

    /// <summary>The apt-get or apt command <paramref name="command"/> runs, or null when it runs something else.</summary>
    public static AptCommandLine? Read(ShellCommand command) => Read(command, includeFrontEnds: false);

    /// <summary>
    /// Like <see cref="Read(ShellCommand)"/>; with <paramref name="includeFrontEnds"/>, also the other front ends
    /// of apt that take the same subcommands (<c>aptitude</c>, <c>apt-fast</c>, <c>nala</c>) and <c>apt-cache</c>.
    /// </summary>
    public static AptCommandLine? Read(ShellCommand command, bool includeFrontEnds)
    {
        var effective = command.Effective;
        var tool = effective.LiteralBaseName;
        if (tool is not ("apt-get" or "apt") && !(includeFrontEnds && tool is "aptitude" or "apt-fast" or "nala" or "apt-cache")) return null;
        return new AptCommandLine(command, effective.NameWord!, tool, effective.ParseArguments(OptionsWithValue), effective.ViaXargs);
    }

    /// <summary>
    /// True for the subcommands that read the package index that <c>update</c> downloads: everything that installs,
    /// upgrades or fetches packages.
    /// </summary>
    public static bool ReadsPackageIndex(string subcommand) => subcommand is
        "install" or "reinstall" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "source"
        or "download" or "satisfy" or "changelog" or "policy" or "show" or "showsrc" or "search" or "list" or "depends" or "rdepends";

    /// <summary>True with <c>-s</c>, <c>--simulate</c> and their synonyms: apt only prints what it would do.</summary>
    public bool IsSimulation => Arguments.HasOption("-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act");

    /// <summary>The <c>-o Key=Value</c> settings, keys as written.</summary>
    public IEnumerable<(string Key, string Value)> ConfigurationOptions()
    {
        foreach (var option in Arguments.Options)
        {
            if (option.Name is not ("-o" or "--option") || option.Value is not { } setting) continue;
            setting = setting.TrimStart('=');
            var equals = setting.IndexOf('=');
            if (equals > 0) yield return (setting[..equals], setting[(equals + 1)..]);
        }
    }

    /// <summary>The value of the <c>-o</c> setting <paramref name="key"/> (compared as apt does, ignoring case), or null.</summary>
    public string? FindConfiguration(string key)
    {
        string? found = null;
        foreach (var (name, value) in ConfigurationOptions())
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) found = value;
        }
        return found;
    }

    /// <summary>
    /// apt's quiet level: each <c>-q</c> adds one, <c>-q=N</c>, <c>--quiet=N</c> and <c>-o quiet=N</c> set it.
    /// Level 2 (<c>-qq</c>) also answers yes to prompts.
    /// </summary>
    public int QuietLevel
    {
        get
        {
            var level = 0;
            foreach (var option in Arguments.Options)
            {
                if (option.Name == "-q")
                {
                    var text = option.Word.Value;
                    var equals = text.IndexOf("q=", StringComparison.Ordinal);
                    level = equals >= 0 && int.TryParse(text.AsSpan(equals + 2), out var set) ? set : level + 1;
                }
                else if (option.Name == "--quiet")
                {
                    level = option.Value is { } value && int.TryParse(value, out var set) ? set : level + 1;
                }
            }
            if (FindConfiguration("quiet") is { } configured && int.TryParse(configured, out var quiet)) level = quiet;
            return level;
        }
    }

    /// <summary>apt's reading of a boolean setting: true for yes/true/with/on/enable and non-zero numbers.</summary>
    public static bool? ParseBoolean(string value)
    {
        var trimmed = value.Trim().Trim('"', '\'', ';').Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("with", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("on", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("enable", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("no", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("without", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("off", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("disable", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return int.TryParse(trimmed, out var number) ? number != 0 : null;
    }

    /// <summary>
    /// True when an earlier instruction of the stage (or of the stages it is built on), or an earlier part of the
    /// same RUN, writes apt configuration setting <paramref name="key"/> to <paramref name="expected"/>: a RUN that
    /// mentions <c>/etc/apt/apt.conf</c> and spells the key followed by the value, as in
    /// <c>echo 'APT::Install-Recommends "0";' &gt; /etc/apt/apt.conf.d/99norecommends</c>. A text check, run only
    /// when a rule is about to report, so its cost is paid on findings only.
    /// </summary>
    public static bool IsConfiguredEarlier(RuleContext context, RunInstructionSyntax run, ShellCommand command, string key, bool expected)
    {
        var text = context.Text;
        var runStart = run.SpanStart;
        if (command.Span.Start > runStart && WritesConfiguration(text.ToString(TextSpan.FromBounds(runStart, command.Span.Start)), key, expected)) return true;
        // An ONBUILD trigger runs in a later build, after everything in this stage.
        var limit = run.Parent is OnbuildInstructionSyntax ? int.MaxValue : runStart;
        for (var stage = context.Model.GetStage(run); stage is not null; stage = stage.BaseStage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.SpanStart >= limit) break;
                if (instruction is RunInstructionSyntax earlier && WritesConfiguration(text.ToString(earlier.Span), key, expected)) return true;
            }
            limit = int.MaxValue;
        }
        return false;
    }

    private static bool WritesConfiguration(string text, string key, bool expected)
    {
        if (!text.Contains("/etc/apt/apt.conf", StringComparison.Ordinal)) return false;
        var at = 0;
        while ((at = text.IndexOf(key, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += key.Length;
            var start = at;
            while (start < text.Length && text[start] is ' ' or '\t' or '"' or '\'' or '\\' or '=') start++;
            var end = start;
            while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
            if (end > start && ParseBoolean(text[start..end]) == expected) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="command"/> deletes the package lists: <c>rm</c> of <c>/var/lib/apt/lists</c> or <c>apt-get distclean</c>.</summary>
    public static bool RemovesPackageLists(ShellCommand command)
    {
        var effective = command.Effective;
        var arguments = effective.Arguments;
        switch (effective.LiteralBaseName)
        {
            case "rm":
                foreach (var word in arguments)
                {
                    if (!word.HasExpansion && CoversPackageLists(word.Value)) return true;
                }
                return false;
            case "find":
                return !arguments.IsEmpty && CoversPackageLists(arguments[0].Value) && command.HasOption("-delete");
            case "apt-get" or "apt":
                return Read(command) is { Subcommand: "distclean" or "dist-clean" };
            default:
                return false;
        }
    }

    /// <summary>
    /// True for an <c>rm</c> target that deletes the package lists: <c>/var/lib/apt/lists</c>, a glob inside it
    /// (<c>/var/lib/apt/lists/*</c>), or a folder holding it (<c>/var/lib/apt</c>, <c>/var/lib/apt/*</c>).
    /// </summary>
    public static bool CoversPackageLists(string path)
    {
        if (path.StartsWith(PackageLists + "/", StringComparison.Ordinal)) return path.IndexOf('*', PackageLists.Length) >= 0 || path.Length == PackageLists.Length + 1;
        if (path.EndsWith("/*", StringComparison.Ordinal)) path = path[..^1];
        // `rm -rf /` is not how anyone cleans up, and keeps the root from counting as a folder above the lists.
        path = path.TrimEnd('/');
        return path.Length > 0 && UnixPaths.IsAtOrBelow(PackageLists, path);
    }

    /// <summary>
    /// True when the RUN mounts a cache or a tmpfs over the package lists (<c>--mount=type=cache,target=/var/lib/apt</c>):
    /// what <c>apt-get update</c> downloads then stays out of the layer.
    /// </summary>
    public static bool MountsOverPackageLists(RunInstructionSyntax run) => RunMounts.IsCacheOrTmpfsAt(run, PackageLists);

    /// <summary>
    /// Follows a RUN's commands in order and returns the first <c>apt-get update</c> (or <c>apt update</c>) whose
    /// package lists are still there when the RUN ends (no <see cref="RemovesPackageLists"/> after it), and whether
    /// anything after that update read the index (an install, an upgrade, <c>apt-cache</c>...).
    /// </summary>
    public static (AptCommandLine? Update, bool IndexReadAfter) FindLeftoverUpdate(IEnumerable<ShellCommand> commands)
    {
        AptCommandLine? leftover = null;
        var read = false;
        foreach (var command in commands)
        {
            var name = command.Effective.BaseName;
            if (!MayConcernPackageLists(name)) continue;
            if (RemovesPackageLists(command))
            {
                (leftover, read) = (null, false);
                continue;
            }
            if (Read(command, includeFrontEnds: true) is { } apt)
            {
                if (apt.Subcommand == "update" && apt.Tool is "apt-get" or "apt" && !apt.IsSimulation) leftover ??= apt;
                else if (leftover is not null && (apt.Tool == "apt-cache" || ReadsPackageIndex(apt.Subcommand))) read = true;
            }
            else if (leftover is not null && name == "mk-build-deps")
            {
                // mk-build-deps --install hands the generated package to apt-get.
                read |= command.HasOption("-i", "--install");
            }
        }
        return (leftover, read);
    }

    /// <summary>A cheap first look at the name of the command that runs.</summary>
    private static bool MayConcernPackageLists(string name) =>
        name is "apt-get" or "apt" or "aptitude" or "apt-fast" or "nala" or "apt-cache" or "mk-build-deps" or "rm" or "find";

    /// <summary>True for the stages whose layers end up in a shipped image: the final stage and every stage another is built FROM.</summary>
    public static bool IsShipped(SemanticModel model, Stage? stage)
    {
        if (stage is null || stage.IsFinal) return true;
        foreach (var other in model.Stages)
        {
            if (other.BaseStage == stage) return true;
        }
        return false;
    }
}

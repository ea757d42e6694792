using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Rules;

/// <summary>How a family of package managers reads its command line: which names it goes by and which options take a value.</summary>
internal sealed class PackageManagerSyntax
{
    public PackageManagerSyntax(string[] names, string[] globalOptionsWithValue, string[]? commandOptionsWithValue = null)
    {
        Names = names.ToFrozenSet(StringComparer.Ordinal);
        GlobalOptionsWithValue = globalOptionsWithValue.ToFrozenSet(StringComparer.Ordinal);
        CommandOptionsWithValue = commandOptionsWithValue is null ? GlobalOptionsWithValue : commandOptionsWithValue.ToFrozenSet(StringComparer.Ordinal);
        CommandNames = [.. names, .. CommandWrappers.Names];
    }

    public FrozenSet<string> Names { get; }

    /// <summary>Options before the subcommand that take the next word as their value.</summary>
    public FrozenSet<string> GlobalOptionsWithValue { get; }

    /// <summary>Options after the subcommand that take the next word as their value.</summary>
    public FrozenSet<string> CommandOptionsWithValue { get; }

    /// <summary>The command names to register for: the managers themselves and the wrappers that can run them.</summary>
    public string[] CommandNames { get; }

    /// <summary>apk (Alpine): options may come before or after the subcommand.</summary>
    public static PackageManagerSyntax Apk { get; } = new(
        ["apk"],
        ["-X", "--repository", "-p", "--root", "--repositories-file", "--keys-dir", "--cache-dir", "--arch", "--cache-max-age",
         "--timeout", "--wait", "--progress-fd", "-t", "--virtual"]);

    /// <summary>yum, dnf (4 and 5) and microdnf share rpm's option set closely enough to be read alike.</summary>
    public static PackageManagerSyntax Rpm { get; } = new(
        ["yum", "dnf", "dnf5", "dnf-3", "microdnf"],
        ["-c", "--config", "--installroot", "--releasever", "--setopt", "--enablerepo", "--disablerepo", "--repo", "--repoid",
         "--repofrompath", "-x", "--exclude", "--excludepkgs", "--includepkgs", "-d", "--debuglevel", "-e", "--errorlevel",
         "--rpmverbosity", "--color", "--destdir", "--downloaddir", "--forcearch", "-R", "--randomwait", "--disableplugin",
         "--enableplugin", "--advisory", "--advisories", "--bz", "--bzs", "--cve", "--cves", "--sec-severity", "--secseverity",
         "--comment", "--from-repo", "--platform-id"]);

    /// <summary>zypper: global options before the subcommand differ from the subcommand's own (<c>-D</c>, <c>-r</c>).</summary>
    public static PackageManagerSyntax Zypper { get; } = new(
        ["zypper"],
        ["-c", "--config", "-R", "--root", "-D", "--reposd-dir", "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir",
         "--pkg-cache-dir", "--userdata", "--installroot"],
        ["-t", "--type", "-r", "--repo", "--from", "--download", "--plus-repo", "--plus-content"]);
}

/// <summary>
/// One run of a package manager, found behind wrappers (<c>sudo</c>, <c>env X=1</c>...): its name, the options before
/// the subcommand, the subcommand and what follows it.
/// </summary>
internal sealed class PackageManagerInvocation
{
    private PackageManagerInvocation(ShellCommand command, ShellWord nameWord, string name, ShellArgumentList globalOptions, ShellWord? subcommand, ShellArgumentList arguments)
    {
        Command = command;
        NameWord = nameWord;
        Name = name;
        GlobalOptions = globalOptions;
        Subcommand = subcommand;
        Arguments = arguments;
    }

    public ShellCommand Command { get; }

    public ShellWord NameWord { get; }

    /// <summary>The manager's name without its folder: <c>dnf</c> for <c>/usr/bin/dnf</c>.</summary>
    public string Name { get; }

    public ShellArgumentList GlobalOptions { get; }

    public ShellWord? Subcommand { get; }

    /// <summary>The words after the subcommand, split into options and positional words (packages, mostly).</summary>
    public ShellArgumentList Arguments { get; }

    /// <summary>The subcommand after quote removal, or "" when there is none.</summary>
    public string SubcommandName => Subcommand?.Value ?? "";

    /// <summary>The manager and subcommand as a reader would name them: <c>dnf install</c>.</summary>
    public string DisplayName => Subcommand is null ? Name : Name + " " + Subcommand.Value;

    /// <summary>True when the option appears before or after the subcommand.</summary>
    public bool HasOption(params string[] names) => GlobalOptions.HasOption(names) || Arguments.HasOption(names);

    /// <summary>The value of the last of these options, before or after the subcommand, or null.</summary>
    public string? FindOptionValue(params string[] names)
    {
        string? value = null;
        foreach (var option in GlobalOptions.Options)
        {
            if (Array.IndexOf(names, option.Name) >= 0 && option.Value is not null) value = option.Value;
        }
        foreach (var option in Arguments.Options)
        {
            if (Array.IndexOf(names, option.Name) >= 0 && option.Value is not null) value = option.Value;
        }
        return value;
    }

    /// <summary>Reads <paramref name="command"/> as a run of one of <paramref name="syntax"/>'s managers, or returns null.</summary>
    public static PackageManagerInvocation? Parse(ShellCommand command, PackageManagerSyntax syntax)
    {
        var words = CommandWrappers.Unwrap(command);
        if (words.IsEmpty || words[0].HasExpansion) return null;
        var name = BaseName(words[0].Value);
        if (!syntax.Names.Contains(name)) return null;
        var global = ShellArgumentList.Parse(words[1..], syntax.GlobalOptionsWithValue, stopAtFirstPositional: true);
        var subcommand = global.Subcommand;
        var rest = subcommand is null ? [] : global.Positionals[1..];
        var arguments = ShellArgumentList.Parse(rest, syntax.CommandOptionsWithValue);
        return new PackageManagerInvocation(command, words[0], name, global, subcommand, arguments);
    }

    internal static string BaseName(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }
}

/// <summary>Commands that run the command written after their own options: <c>sudo apk add</c>, <c>env A=1 dnf install</c>.</summary>
internal static class CommandWrappers
{
    private sealed record Wrapper(FrozenSet<string> OptionsWithValue, int LeadingOperands, bool TakesAssignments);

    private static readonly FrozenDictionary<string, Wrapper> s_wrappers = new Dictionary<string, Wrapper>(StringComparer.Ordinal)
    {
        ["sudo"] = new(Set("-u", "--user", "-g", "--group", "-C", "--close-from", "-D", "--chdir", "-h", "--host", "-p", "--prompt", "-r", "--role", "-t", "--type", "-U", "--other-user", "-T", "--command-timeout"), 0, true),
        ["doas"] = new(Set("-u", "-C"), 0, false),
        ["env"] = new(Set("-u", "--unset", "-C", "--chdir", "-S", "--split-string"), 0, true),
        ["nice"] = new(Set("-n", "--adjustment"), 0, false),
        ["ionice"] = new(Set("-c", "--class", "-n", "--classdata"), 0, false),
        ["nohup"] = new(Set(), 0, false),
        ["time"] = new(Set("-f", "--format", "-o", "--output"), 0, false),
        ["command"] = new(Set(), 0, false),
        ["exec"] = new(Set("-a"), 0, false),
        ["stdbuf"] = new(Set("-i", "--input", "-o", "--output", "-e", "--error"), 0, false),
        ["timeout"] = new(Set("-s", "--signal", "-k", "--kill-after"), 1, false),
        ["eatmydata"] = new(Set(), 0, false),
        ["xargs"] = new(Set("-a", "--arg-file", "-d", "--delimiter", "-E", "-e", "--eof", "-I", "-i", "--replace", "-L", "-l", "--max-lines", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars", "--process-slot-var"), 0, false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> Names => s_wrappers.Keys;

    /// <summary>
    /// The words of the command the wrappers run, its name first; the command's own words when it is not wrapped;
    /// empty when what runs cannot be told (<c>env -S '...'</c>, <c>command -v apk</c>, a wrapper with nothing after it).
    /// </summary>
    public static ImmutableArray<ShellWord> Unwrap(ShellCommand command)
    {
        var words = command.Words;
        // A few levels cover `sudo env X=1 nice apk ...`; more is not worth following.
        for (var depth = 0; depth < 4 && !words.IsEmpty; depth++)
        {
            if (words[0].HasExpansion) return words;
            var name = PackageManagerInvocation.BaseName(words[0].Value);
            if (!s_wrappers.TryGetValue(name, out var wrapper)) return words;
            var parsed = ShellArgumentList.Parse(words[1..], wrapper.OptionsWithValue, stopAtFirstPositional: true);
            if (name == "env" && parsed.HasOption("-S", "--split-string")) return [];
            if (name == "command" && parsed.HasOption("-v", "-V")) return [];
            var rest = parsed.Positionals;
            var skip = Math.Min(wrapper.LeadingOperands, rest.Length);
            while (wrapper.TakesAssignments && skip < rest.Length && IsAssignment(rest[skip].Value)) skip++;
            words = rest[skip..];
        }
        return words;
    }

    private static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=');
        if (equals <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_')) return false;
        for (var i = 1; i < equals; i++)
        {
            if (!char.IsAsciiLetterOrDigit(word[i]) && word[i] != '_') return false;
        }
        return true;
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>Where package managers keep their caches, and the two ways a RUN keeps them out of the image.</summary>
internal static class PackageCaches
{
    public static readonly string[] Apk = ["/var/cache/apk", "/etc/apk/cache"];

    /// <summary>On RHEL 8 and later <c>yum</c> is dnf, which caches in /var/cache/dnf.</summary>
    public static readonly string[] Yum = ["/var/cache/yum", "/var/cache/dnf"];

    /// <summary>dnf 4, dnf 5 and microdnf (which keeps yum's folder).</summary>
    public static readonly string[] Dnf = ["/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum"];

    public static readonly string[] Zypper = ["/var/cache/zypp"];

    /// <summary>
    /// True when a <c>--mount=type=cache</c> or <c>type=tmpfs</c> of <paramref name="run"/> has one of
    /// <paramref name="directories"/> at or below its target: what is written there never reaches the layer.
    /// </summary>
    public static bool IsMounted(RunInstructionSyntax run, ReadOnlySpan<string> directories)
    {
        foreach (var flag in run.Flags)
        {
            if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value is not { } value) continue;
            var mount = KeyValueList.Parse(value);
            var type = mount.Find("type")?.Value;
            if (!string.Equals(type, "cache", StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "tmpfs", StringComparison.OrdinalIgnoreCase)) continue;
            var target = mount.Find("target")?.Value ?? mount.Find("dst")?.Value ?? mount.Find("destination")?.Value;
            if (target is null || target.Contains('$', StringComparison.Ordinal)) continue;
            var root = TrimPath(target);
            foreach (var directory in directories)
            {
                if (IsAtOrBelow(directory, root)) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="command"/> is an <c>rm</c> of one of <paramref name="directories"/>, of something
    /// inside it (<c>/var/cache/yum/*</c>), or of all of <c>/var/cache</c>.
    /// </summary>
    public static bool IsRemoval(ShellCommand command, ReadOnlySpan<string> directories)
    {
        if (command.Words.IsEmpty) return false;
        var words = CommandWrappers.Unwrap(command);
        if (words.IsEmpty || PackageManagerInvocation.BaseName(words[0].Value) != "rm") return false;
        foreach (var word in ShellArgumentList.Parse(words[1..]).Positionals)
        {
            if (word.HasExpansion) continue;
            var path = TrimPath(word.Value);
            if (path == "/var/cache") return true;
            foreach (var directory in directories)
            {
                if (IsAtOrBelow(path, directory)) return true;
            }
        }
        return false;
    }

    /// <summary><c>/var/cache/yum/*</c>, <c>/var/cache/yum/</c> and <c>/var/cache/yum</c> all name the folder.</summary>
    private static string TrimPath(string path)
    {
        var end = path.Length;
        while (end > 1 && (path[end - 1] == '/' || path[end - 1] == '*')) end--;
        return end == path.Length ? path : path[..end];
    }

    private static bool IsAtOrBelow(string path, string directory) =>
        path.StartsWith(directory, StringComparison.Ordinal)
        && (path.Length == directory.Length || path[directory.Length] == '/' || directory == "/");
}

/// <summary>The check the cache rules share: a run that fills a cache needs a cleanup after it in the same RUN.</summary>
internal static class PackageCacheCleanup
{
    /// <summary>
    /// The last run of one of <paramref name="syntax"/>'s managers that <paramref name="fillsCache"/> and is followed
    /// by neither a run that <paramref name="cleans"/> nor an <c>rm</c> of <paramref name="directories"/>; null when
    /// there is none or a cache mount keeps the directories out of the layer.
    /// </summary>
    public static PackageManagerInvocation? FindUncleaned(
        RunContext context,
        PackageManagerSyntax syntax,
        Func<PackageManagerInvocation, bool> fillsCache,
        Func<PackageManagerInvocation, bool> cleans,
        string[] directories)
    {
        PackageManagerInvocation? pending = null;
        foreach (var script in context.Scripts)
        {
            foreach (var command in script.Commands)
            {
                if (pending is not null && PackageCaches.IsRemoval(command, directories))
                {
                    pending = null;
                    continue;
                }
                if (PackageManagerInvocation.Parse(command, syntax) is not { } invocation) continue;
                if (fillsCache(invocation)) pending = invocation;
                else if (pending is not null && cleans(invocation)) pending = null;
            }
        }
        return pending is null || PackageCaches.IsMounted(context.Instruction, directories) ? null : pending;
    }

    /// <summary>True for <c>clean all</c>, the only clean that drops both metadata and packages in yum and dnf.</summary>
    public static bool IsCleanAll(PackageManagerInvocation invocation)
    {
        if (invocation.SubcommandName != "clean") return false;
        foreach (var word in invocation.Arguments.Positionals)
        {
            if (word.Value == "all") return true;
        }
        return false;
    }
}

/// <summary>Version pins for rpm packages (yum, dnf, microdnf, zypper): <c>name-version[-release][.arch]</c>, operators, files.</summary>
internal static class RpmPackagePins
{
    private static readonly FrozenSet<string> s_architectures = new[]
    {
        "x86_64", "noarch", "aarch64", "i686", "i386", "ppc64le", "s390x", "armv7hl", "src",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_installSubcommands = new[] { "install", "in", "localinstall" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True when the package spec names a version: an rpm file, a comparison (<c>'name &gt;= 1.2'</c>, <c>name=1.2</c>),
    /// or a dash followed by a digit after the name (<c>name-1.2</c>, <c>name-1.2-3.el9</c>, <c>name-2:1.2</c>). A digit
    /// only after the last dash keeps <c>java-11-openjdk</c> and <c>python3-devel</c> unpinned, as they are.
    /// </summary>
    public static bool IsPinned(string spec)
    {
        if (spec.EndsWith(".rpm", StringComparison.OrdinalIgnoreCase)) return true;
        var open = spec.IndexOf('(');
        if (open >= 0)
        {
            // A capability such as pkgconfig(glib-2.0): the dashes inside the parentheses belong to its name.
            var close = spec.LastIndexOf(')');
            return close > open && spec.AsSpan(close + 1).IndexOfAny('<', '>', '=') >= 0;
        }
        if (spec.AsSpan().IndexOfAny('<', '>', '=') >= 0) return true;
        var dash = spec.LastIndexOf('-');
        return dash > 0 && dash + 1 < spec.Length && char.IsAsciiDigit(spec[dash + 1]);
    }

    /// <summary>How the spec reads with a version: <c>jq-&lt;version&gt;.x86_64</c>, <c>'perl(Foo) = &lt;version&gt;'</c>.</summary>
    private static string SuggestPin(string spec)
    {
        if (spec.Contains('(', StringComparison.Ordinal)) return "'" + spec + " = <version>'";
        var dot = spec.LastIndexOf('.');
        return dot > 0 && s_architectures.Contains(spec[(dot + 1)..])
            ? spec[..dot] + "-<version>" + spec[dot..]
            : spec + "-<version>";
    }

    /// <summary>Reports the unpinned packages of a yum, dnf or microdnf install, and the modules without a stream.</summary>
    public static void ReportUnpinned(ShellCommandContext context, RuleDescriptor rule, PackageManagerInvocation invocation)
    {
        var positionals = invocation.Arguments.Positionals;
        if (s_installSubcommands.Contains(invocation.SubcommandName))
        {
            foreach (var word in positionals)
            {
                if (word.HasExpansion) continue;
                var spec = word.Value;
                // @name is a group or a module; neither takes a version there (a module stream is @name:stream).
                if (spec.Length == 0 || spec[0] == '@' || IsPinned(spec)) continue;
                context.Report(rule, word.Span, "package", spec, invocation.DisplayName, SuggestPin(spec));
            }
        }
        else if (invocation.SubcommandName == "module" && positionals.Length > 0 && positionals[0].Value == "install")
        {
            foreach (var word in positionals[1..])
            {
                if (word.HasExpansion) continue;
                var spec = word.Value;
                if (spec.Length == 0 || spec.Contains(':', StringComparison.Ordinal)) continue;
                var slash = spec.IndexOf('/');
                var suggestion = slash < 0 ? spec + ":<stream>" : spec[..slash] + ":<stream>" + spec[slash..];
                context.Report(rule, word.Span, "module", spec, invocation.DisplayName + " install", suggestion);
            }
        }
    }
}

/// <summary>The yum, dnf and microdnf commands that download into the package cache.</summary>
internal static class RpmCacheCommands
{
    /// <summary>The subcommands that download metadata or packages into the cache.</summary>
    private static readonly FrozenSet<string> s_fillingSubcommands = new[]
    {
        "install", "in", "localinstall", "reinstall", "rei", "groupinstall", "groupupdate", "update", "upgrade", "up",
        "update-minimal", "upgrade-minimal", "up-min", "distro-sync", "distrosync", "dsync", "downgrade", "dg", "swap",
        "makecache", "mc",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_fillingGroupActions = new[] { "install", "update", "upgrade" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The command as the message names it: <c>yum install</c>, <c>dnf module install</c>.</summary>
    internal static string Describe(PackageManagerInvocation rpm) =>
        rpm.SubcommandName is "group" or "groups" or "module" && rpm.Arguments.Positionals.Length > 0
            ? rpm.DisplayName + " " + rpm.Arguments.Positionals[0].Value
            : rpm.DisplayName;

    /// <summary>True for an install, upgrade or cache refresh, including <c>group install</c> and <c>module install</c>.</summary>
    internal static bool FillsCache(PackageManagerInvocation rpm)
    {
        var subcommand = rpm.SubcommandName;
        if (s_fillingSubcommands.Contains(subcommand)) return true;
        if (subcommand is not ("group" or "groups" or "module")) return false;
        var positionals = rpm.Arguments.Positionals;
        return positionals.Length > 0 && s_fillingGroupActions.Contains(positionals[0].Value);
    }
}

using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;

namespace Dflint.Rules;

/// <summary>How a family of package managers reads its command line: which names it goes by and which options take a value.</summary>
internal sealed class PackageManagerSyntax
{
    public PackageManagerSyntax(string[] names, string[] globalOptionsWithValue, string[]? commandOptionsWithValue = null)
    {
        Names = names.ToFrozenSet(StringComparer.Ordinal);
        GlobalOptionsWithValue = globalOptionsWithValue.ToFrozenSet(StringComparer.Ordinal);
        CommandOptionsWithValue = commandOptionsWithValue is null ? GlobalOptionsWithValue : commandOptionsWithValue.ToFrozenSet(StringComparer.Ordinal);
    }

    public FrozenSet<string> Names { get; }

    /// <summary>Options before the subcommand that take the next word as their value.</summary>
    public FrozenSet<string> GlobalOptionsWithValue { get; }

    /// <summary>Options after the subcommand that take the next word as their value.</summary>
    public FrozenSet<string> CommandOptionsWithValue { get; }

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
/// <param name="Command">The shell command, whose name may be a wrapper.</param>
/// <param name="NameWord">The word naming the manager.</param>
/// <param name="Name">The manager's name without its folder: <c>dnf</c> for <c>/usr/bin/dnf</c>.</param>
/// <param name="GlobalOptions">The words between the name and the subcommand.</param>
/// <param name="Subcommand">The first positional word, or null.</param>
/// <param name="Arguments">The words after the subcommand, split into options and positional words (packages, mostly).</param>
internal sealed record PackageManagerInvocation(
    ShellCommand Command, ShellWord NameWord, string Name, ShellArgumentList GlobalOptions, ShellWord? Subcommand, ShellArgumentList Arguments)
{
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
        var effective = command.Effective;
        var name = effective.LiteralBaseName;
        if (!syntax.Names.Contains(name)) return null;
        var global = effective.ParseArguments(syntax.GlobalOptionsWithValue, stopAtFirstPositional: true);
        var subcommand = global.Subcommand;
        var rest = subcommand is null ? [] : global.Positionals[1..];
        var arguments = ShellArgumentList.Parse(rest, syntax.CommandOptionsWithValue);
        return new PackageManagerInvocation(command, effective.NameWord!, name, global, subcommand, arguments);
    }
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
        foreach (var directory in directories)
        {
            if (RunMounts.IsCacheOrTmpfsAt(run, directory)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when <paramref name="command"/> is an <c>rm</c> of one of <paramref name="directories"/>, of something
    /// inside it (<c>/var/cache/yum/*</c>), or of all of <c>/var/cache</c>.
    /// </summary>
    public static bool IsRemoval(ShellCommand command, ReadOnlySpan<string> directories)
    {
        var effective = command.Effective;
        if (effective.BaseName != "rm") return false;
        foreach (var word in effective.ParseArguments().Positionals)
        {
            if (word.HasExpansion) continue;
            if (UnixPaths.Trim(word.Value) == "/var/cache") return true;
            foreach (var directory in directories)
            {
                if (UnixPaths.IsAtOrBelow(word.Value, directory)) return true;
            }
        }
        return false;
    }
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

    /// <summary>Reports with <paramref name="rule"/> the unpinned installs of the rpm managers named <paramref name="names"/>.</summary>
    public static void RegisterUnpinnedCheck(AnalysisContext context, RuleDescriptor rule, FrozenSet<string> names) =>
        context.RegisterShellCommandAction(c =>
        {
            if (PackageManagerInvocation.Parse(c.Command, PackageManagerSyntax.Rpm) is { } rpm && names.Contains(rpm.Name)) ReportUnpinned(c, rule, rpm);
        }, names.Contains);

    /// <summary>Reports the unpinned packages of a yum, dnf or microdnf install, and the modules without a stream.</summary>
    private static void ReportUnpinned(ShellCommandContext context, RuleDescriptor rule, PackageManagerInvocation invocation)
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

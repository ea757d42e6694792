using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Semantics;

/// <summary>
/// One <c>--mount</c> of a RUN, read as BuildKit reads it: keys ignore case, the last of a key (or of its aliases)
/// wins, the type is lower-cased and defaults to <c>bind</c>. Values are as written, variables unexpanded.
/// </summary>
/// <param name="Type"><c>bind</c>, <c>cache</c>, <c>tmpfs</c>, <c>secret</c>, <c>ssh</c>, or whatever else is written, lower-cased.</param>
/// <param name="Target">Where the mount appears in the container (<c>target</c>, <c>dst</c>, <c>destination</c>), or null.</param>
/// <param name="Source">The path in <see cref="From"/> (<c>source</c>, <c>src</c>), or null.</param>
/// <param name="From">The stage, image or context the mount comes from, or null.</param>
/// <param name="Id">The cache or secret id, or null.</param>
/// <param name="ReadOnly">BuildKit's default (read-only except cache and tmpfs) unless <c>ro</c>/<c>rw</c> says otherwise.</param>
/// <param name="Flag">The <c>--mount</c> flag it was read from.</param>
public sealed record RunMount(string Type, string? Target, string? Source, string? From, string? Id, bool ReadOnly, FlagSyntax Flag)
{
    /// <summary>True for a cache or tmpfs mount: what is written below its target never reaches the layer.</summary>
    public bool IsCacheOrTmpfs => Type is "cache" or "tmpfs";

    /// <summary>Reads one <c>--mount</c> value.</summary>
    public static RunMount Parse(FlagSyntax flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var fields = KeyValueList.Parse(flag.Value);
        string type = "bind";
        string? target = null, source = null, from = null, id = null;
        bool? readOnly = null;
        foreach (var field in fields.Entries)
        {
            var value = field.Value;
            switch (field.NormalizedKey)
            {
                case "type" when value is not null: type = value.ToLowerInvariant(); break;
                case "target" or "dst" or "destination" when value is not null: target = value; break;
                case "source" or "src" when value is not null: source = value; break;
                case "from" when value is not null: from = value; break;
                case "id" when value is not null: id = value; break;
                case "readonly" or "ro": readOnly = value is null || ParseBoolean(value) != false; break;
                case "readwrite" or "rw": readOnly = value is not null && ParseBoolean(value) == false; break;
            }
        }
        return new RunMount(type, target, source, from, id, readOnly ?? type is not ("cache" or "tmpfs"), flag);
    }

    /// <summary>Go's <c>strconv.ParseBool</c>, which BuildKit uses for <c>ro</c> and <c>rw</c>.</summary>
    private static bool? ParseBoolean(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}

/// <summary>The <c>--mount</c> flags of a RUN.</summary>
public static class RunMounts
{
    /// <summary>The mounts of <paramref name="run"/>, in order.</summary>
    public static ImmutableArray<RunMount> Of(RunInstructionSyntax run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var mounts = ImmutableArray.CreateBuilder<RunMount>();
        foreach (var flag in run.Flags)
        {
            if (flag.Value is not null && string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase)) mounts.Add(RunMount.Parse(flag));
        }
        return mounts.ToImmutable();
    }

    /// <summary>
    /// True when a cache or tmpfs mount of <paramref name="run"/> has <paramref name="path"/> at or below its target
    /// (<c>target=/var/cache</c> holds <c>/var/cache/apk</c>), so what is written there stays out of the layer. A
    /// mount below the path (<c>/var/cache/apk/x</c>) leaves the rest of it in the layer and does not count.
    /// </summary>
    public static bool IsCacheOrTmpfsAt(RunInstructionSyntax run, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var mount in Of(run))
        {
            if (mount is { IsCacheOrTmpfs: true, Target: { Length: > 0 } target } && UnixPaths.IsAtOrBelow(path, target)) return true;
        }
        return false;
    }
}

/// <summary>Comparisons of container paths as they are written (no variables resolved, no <c>..</c> folded).</summary>
internal static class UnixPaths
{
    /// <summary>
    /// True when <paramref name="path"/> is <paramref name="directory"/> or inside it, trailing slashes and globs
    /// aside: <c>/var/cache/yum/*</c> and <c>/var/cache/yum/</c> name <c>/var/cache/yum</c>; everything is below <c>/</c>.
    /// </summary>
    public static bool IsAtOrBelow(string path, string directory)
    {
        path = Trim(path);
        directory = Trim(directory);
        return path.StartsWith(directory, StringComparison.Ordinal)
            && (path.Length == directory.Length || path[directory.Length] == '/' || directory == "/");
    }

    /// <summary>The path without trailing <c>/</c> and <c>*</c>; <c>/</c> stays <c>/</c>.</summary>
    public static string Trim(string path)
    {
        var end = path.Length;
        while (end > 1 && (path[end - 1] == '/' || path[end - 1] == '*')) end--;
        return end == path.Length ? path : path[..end];
    }
}

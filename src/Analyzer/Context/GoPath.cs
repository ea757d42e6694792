using System.Text;

namespace Dflint.Context;

/// <summary>Go's <c>path.Clean</c> and the path forms Docker derives from it, for <c>/</c>-separated paths.</summary>
internal static class GoPath
{
    /// <summary>
    /// The shortest equivalent path by lexical processing: repeated slashes collapse, <c>.</c> elements go,
    /// <c>..</c> removes the element before it (at the root of a rooted path it just goes), a trailing slash goes,
    /// and an empty result is <c>.</c>.
    /// </summary>
    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        if (IsClean(path)) return path;
        var rooted = path[0] == '/';
        var elements = new List<string>();
        var dotDots = 0;
        foreach (var element in path.Split('/'))
        {
            if (element.Length == 0 || element == ".") continue;
            if (element == "..")
            {
                if (elements.Count > dotDots) elements.RemoveAt(elements.Count - 1);
                else if (!rooted)
                {
                    elements.Add("..");
                    dotDots++;
                }
                continue;
            }
            elements.Add(element);
        }
        var builder = new StringBuilder(path.Length);
        if (rooted) builder.Append('/');
        builder.AppendJoin('/', elements);
        return builder.Length == 0 ? "." : builder.ToString();
    }

    /// <summary>
    /// A path inside the build context as COPY reads its source: rooted at the context, so <c>/a</c> is <c>a</c> and
    /// <c>..</c> cannot climb out; the context itself is <c>.</c>.
    /// </summary>
    public static string InContext(string path)
    {
        var cleaned = Clean("/" + path);
        return cleaned == "/" ? "." : cleaned[1..];
    }

    /// <summary>The folder part of a clean relative path: <c>a/b</c> gives <c>a</c>, <c>a</c> gives <c>.</c>.</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    /// <summary>The last element of a clean relative path.</summary>
    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Joins a clean relative folder and a name; the context root is <c>.</c>.</summary>
    public static string Join(string folder, string name) => folder == "." ? name : folder + "/" + name;

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it (<c>.</c> holds everything).</summary>
    public static bool IsAtOrBelow(string path, string folder) =>
        folder == "." || path == folder || (path.Length > folder.Length && path[folder.Length] == '/' && path.StartsWith(folder, StringComparison.Ordinal));

    /// <summary>The part of <paramref name="path"/> below <paramref name="folder"/>; <c>.</c> when they are equal.</summary>
    public static string RelativeTo(string path, string folder) =>
        folder == "." ? path : path.Length == folder.Length ? "." : path[(folder.Length + 1)..];

    // Already clean: no empty, "." or ".." element and no trailing slash (a lone "/" is clean).
    private static bool IsClean(string path)
    {
        if (path == "/") return true;
        if (path[^1] == '/') return false;
        var start = path[0] == '/' ? 1 : 0;
        while (start <= path.Length)
        {
            var end = path.IndexOf('/', start);
            if (end < 0) end = path.Length;
            var length = end - start;
            if (length == 0) return false;
            if (path[start] == '.' && (length == 1 || (length == 2 && path[start + 1] == '.'))) return false;
            start = end + 1;
        }
        return true;
    }
}

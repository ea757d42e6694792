namespace Dflint.Cli;

internal static class InputFiles
{
    public const string StdinPath = "-";

    /// <summary>Reads a file, or all of standard input for <c>-</c>.</summary>
    public static byte[] Read(string path)
    {
        if (path != StdinPath) return File.ReadAllBytes(path);
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A one-line reason for a failed read, without the stack trace or .NET's full-path phrasing.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => exception.Message,
    };

    public static bool IsReadFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;
}

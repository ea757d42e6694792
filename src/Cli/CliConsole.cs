namespace Dflint.Cli;

/// <summary>Standard output as text and as raw bytes, standard error, and whether to colour.</summary>
internal sealed class CliConsole(Stream stdout, TextWriter output, TextWriter error, bool colour)
{
    public TextWriter Output { get; } = output;

    public TextWriter ErrorWriter { get; } = error;

    public bool Colour { get; } = colour;

    /// <summary>Standard output as bytes, for writers that produce UTF-8 themselves; flush <see cref="Output"/> first.</summary>
    public Stream RawOutput => stdout;

    /// <summary>https://no-color.org: colour only a terminal, and never when NO_COLOR is set to anything.</summary>
    public static bool ShouldColour() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public void Error(string message) => ErrorWriter.WriteLine("dflint: error: " + message);

    public void Warning(string message) => ErrorWriter.WriteLine("dflint: warning: " + message);

    /// <summary>Bytes that must reach stdout untouched, after any text written so far.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Output.Flush();
        stdout.Write(bytes);
        stdout.Flush();
    }
}

using System.Text;

namespace Dflint.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = Console.OpenStandardOutput();
        using var output = new StreamWriter(stdout, encoding) { NewLine = "\n" };
        using var error = new StreamWriter(Console.OpenStandardError(), encoding) { NewLine = "\n", AutoFlush = true };
        var console = new CliConsole(stdout, output, error, CliConsole.ShouldColour());
        try
        {
            return DflintCommand.Run(args, console);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever escaped is a bug or an environment failure (a closed pipe); a stack trace helps neither user.
            try
            {
                output.Flush();
            }
            catch (IOException)
            {
            }
            console.Error($"unexpected failure: {e.Message}");
            return ExitCodes.UsageOrIoError;
        }
    }
}

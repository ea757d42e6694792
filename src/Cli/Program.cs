using System.Text;

namespace Dflint.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = Console.OpenStandardOutput();
        // Not disposed: a dispose that flushes into a closed pipe would throw outside the handler below.
        var output = new StreamWriter(stdout, encoding) { NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError(), encoding) { NewLine = "\n", AutoFlush = true };
        var console = new CliConsole(stdout, output, error, CliConsole.ShouldColour());
        try
        {
            var exitCode = DflintCommand.Run(args, console);
            output.Flush();
            return exitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What gets here is a bug or a failing environment (stdout closed early); a stack trace helps neither.
            try
            {
                console.Error($"unexpected failure: {e.Message}");
            }
            catch (IOException)
            {
                // Standard error is gone too; the exit code is all that is left to report with.
            }
            return ExitCodes.UsageOrIoError;
        }
    }
}

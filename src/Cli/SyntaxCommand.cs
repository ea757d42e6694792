using Dflint.Syntax;
using Dflint.Text;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Cli;

internal enum SyntaxOutput
{
    Text,
    Json,
    Roundtrip,
}

internal static class SyntaxCommand
{
    public static int Run(CliConsole console, string path, SyntaxOutput output, bool includeTree)
    {
        byte[] bytes;
        try
        {
            bytes = InputFiles.Read(path);
        }
        catch (Exception e) when (InputFiles.IsReadFailure(e))
        {
            console.Error($"{path}: {InputFiles.Describe(e)}");
            return ExitCodes.UsageOrIoError;
        }

        var tree = DockerfileSyntaxTree.Parse(SourceText.From(DockerfileText.Decode(bytes)), path == InputFiles.StdinPath ? null : path);
        switch (output)
        {
            case SyntaxOutput.Roundtrip:
                console.WriteBytes(DockerfileText.Encode(tree.Root.ToFullString()));
                break;
            case SyntaxOutput.Json:
                console.WriteBytes(SyntaxJsonWriter.ToUtf8Bytes(tree, includeTree));
                console.Output.Write('\n');
                break;
            default:
                console.Output.Write(SyntaxTreePrinter.Print(tree));
                break;
        }
        return ExitCodes.Success;
    }
}

using BenchmarkDotNet.Running;

namespace Dflint.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "write-corpus":
                return CorpusWriter.Run(args[1..]);
            case "summarize":
                return Summary.Run(args[1..]);
            case "profile":
                return Profile.Run(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}

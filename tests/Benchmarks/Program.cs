using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

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
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Config());
                return 0;
        }
    }

    /// <summary>
    /// In-process by default: BenchmarkDotNet's out-of-process toolchain looks for a project file named after
    /// the assembly (Dflint.Benchmarks.csproj), which this project is not. Command-line job options still apply
    /// on top of this default job.
    /// </summary>
    private static IConfig Config() =>
        DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
}

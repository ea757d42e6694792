using System.Globalization;
using System.Text.Json;

namespace Dflint.Benchmarks;

/// <summary>
/// <c>summarize RESULTS_DIR</c>: turns BenchmarkDotNet's JSON reports into the numbers the targets are stated in.
/// Input size is the corpus' UTF-16 char count; the corpus is ASCII, so that is also its size in bytes on disk.
/// </summary>
internal static class Summary
{
    private const double TargetMegabytesPerSecond = 50;
    private const double TargetBytesPerByte = 8;
    private const double TargetIncrementalMicroseconds = 200;

    public static int Run(string[] args)
    {
        var directory = args.Length > 0 ? args[0] : "BenchmarkDotNet.Artifacts/results";
        var rows = new List<(string Name, double MeanNs, double Allocated)>();
        foreach (var path in Directory.GetFiles(directory, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("Benchmarks", out var benchmarks)) continue;
            foreach (var benchmark in benchmarks.EnumerateArray())
            {
                var method = benchmark.GetProperty("Method").GetString()!;
                var parameters = benchmark.TryGetProperty("Parameters", out var p) ? p.GetString() : null;
                // A benchmark that failed has null statistics; it shows as missing rather than stopping the summary.
                var mean = benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
                    ? statistics.GetProperty("Mean").GetDouble()
                    : double.NaN;
                var allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                    ? memory.GetProperty("BytesAllocatedPerOperation").GetDouble()
                    : double.NaN;
                rows.Add((string.IsNullOrEmpty(parameters) ? method : $"{method}({parameters})", mean, allocated));
            }
        }
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"no BenchmarkDotNet JSON reports in {directory}");
            return 1;
        }

        var corpusChars = DockerfileCorpus.Generate(ParseBenchmarks.CorpusFileCount).Sum(f => (long)f.Text.Length);
        var largeChars = DockerfileCorpus.Large(ParseBenchmarks.LargeFileLines).Length;
        Console.WriteLine($"Input: corpus = {ParseBenchmarks.CorpusFileCount} files, {corpusChars:N0} chars; large file = {ParseBenchmarks.LargeFileLines} lines, {largeChars:N0} chars.");
        Console.WriteLine("MB = 10^6 chars of input (ASCII, so also bytes on disk); bytes/byte = allocated bytes per input char.");
        Console.WriteLine();
        Console.WriteLine($"| {"Benchmark",-44} | {"Mean",12} | {"MB/s",8} | {"bytes/byte",10} | {"Allocated",12} | {"Target",-22} |");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 14)}|{new string('-', 10)}|{new string('-', 12)}|{new string('-', 14)}|{new string('-', 24)}|");
        var allMet = true;
        foreach (var (name, meanNs, allocated) in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            string rate = "", perByte = "", target;
            bool met;
            if (double.IsNaN(meanNs))
            {
                met = false;
                target = "FAILED to run";
            }
            else if (name.StartsWith("WithChangedText", StringComparison.Ordinal))
            {
                met = meanNs / 1000 <= TargetIncrementalMicroseconds;
                target = $"<= {TargetIncrementalMicroseconds} us: {(met ? "met" : "MISSED")}";
            }
            else
            {
                var chars = name.StartsWith("ParseCorpus", StringComparison.Ordinal) ? corpusChars : largeChars;
                var megabytesPerSecond = chars / (meanNs / 1e9) / 1e6;
                var bytesPerByte = allocated / chars;
                met = megabytesPerSecond >= TargetMegabytesPerSecond && bytesPerByte <= TargetBytesPerByte;
                rate = megabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture);
                perByte = bytesPerByte.ToString("F2", CultureInfo.InvariantCulture);
                target = $">= {TargetMegabytesPerSecond} MB/s, <= {TargetBytesPerByte} B/B: {(met ? "met" : "MISSED")}";
            }
            allMet &= met;
            Console.WriteLine($"| {name,-44} | {FormatTime(meanNs),12} | {rate,8} | {perByte,10} | {FormatBytes(allocated),12} | {target,-22} |");
        }
        Console.WriteLine();
        Console.WriteLine(allMet ? "All targets met." : "Some targets missed (see 'dotnet run -c Release --project tests/Benchmarks -- profile').");
        return 0;
    }

    private static string FormatTime(double ns) => double.IsNaN(ns) ? "NA" : ns switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:F2} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:F1} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:F0} ns"),
    };

    private static string FormatBytes(double bytes) => double.IsNaN(bytes) ? "?" : bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):F2} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:F0} B"),
    };
}

namespace Dflint.Benchmarks;

/// <summary><c>write-corpus DIR N [SEED]</c>: lays the generated files out as a repository for whole-process CLI timings.</summary>
internal static class CorpusWriter
{
    public static int Run(string[] args)
    {
        if (args.Length is < 2 or > 3 || !int.TryParse(args[1], out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: write-corpus DIR N [SEED]");
            return 2;
        }
        var seed = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DockerfileCorpus.DefaultSeed;
        var root = Path.GetFullPath(args[0]);
        long bytes = 0;
        foreach (var file in DockerfileCorpus.Generate(count, seed))
        {
            var path = Path.Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // The text is ASCII, so writing it without a BOM keeps the file size equal to its char count.
            File.WriteAllText(path, file.Text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            bytes += file.Text.Length;
        }
        Console.WriteLine($"wrote {count} files, {bytes:N0} bytes, under {root}");
        return 0;
    }
}

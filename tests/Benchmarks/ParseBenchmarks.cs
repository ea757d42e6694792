using BenchmarkDotNet.Attributes;
using Dflint.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Benchmarks;

/// <summary>Full parses: the whole generated corpus, and one 2,000-line file.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    public const int CorpusFileCount = 1000;
    public const int LargeFileLines = 2000;

    private SourceText[] _corpus = [];
    private SourceText _large = SourceText.From("");

    [GlobalSetup]
    public void Setup()
    {
        _corpus = [.. DockerfileCorpus.Generate(CorpusFileCount).Select(f => SourceText.From(f.Text))];
        _large = SourceText.From(DockerfileCorpus.Large(LargeFileLines));
    }

    [Benchmark]
    public int ParseCorpus()
    {
        var width = 0;
        foreach (var text in _corpus) width += DockerfileSyntaxTree.Parse(text).GreenRoot.FullWidth;
        return width;
    }

    [Benchmark]
    public int ParseLargeFile() => DockerfileSyntaxTree.Parse(_large).GreenRoot.FullWidth;
}

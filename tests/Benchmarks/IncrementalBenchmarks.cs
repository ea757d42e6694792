using BenchmarkDotNet.Attributes;
using Dflint.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Benchmarks;

public enum Edit
{
    /// <summary>One character typed in the middle of an instruction near the middle of the file.</summary>
    InsertChar,

    /// <summary>One character typed inside a heredoc body near the middle of the file.</summary>
    InsertCharInHeredoc,

    /// <summary>The line break that ends an instruction near the middle is deleted, joining two instructions.</summary>
    DeleteNewline,
}

/// <summary>Incremental reparse of the 2,000-line file after a small edit: what an editor does on each keystroke.</summary>
[MemoryDiagnoser]
public class IncrementalBenchmarks
{
    private DockerfileSyntaxTree _tree = DockerfileSyntaxTree.Parse("FROM scratch\n");
    private SourceText _changed = SourceText.From("");

    [Params(Edit.InsertChar, Edit.InsertCharInHeredoc, Edit.DeleteNewline)]
    public Edit Edit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = SourceText.From(DockerfileCorpus.Large(ParseBenchmarks.LargeFileLines));
        _tree = DockerfileSyntaxTree.Parse(text);
        _changed = text.WithChanges(EditFor(text.ToString(), Edit));
    }

    [Benchmark]
    public int WithChangedText() => _tree.WithChangedText(_changed).GreenRoot.FullWidth;

    /// <summary>The edit, placed from the text so it stays in the middle whatever the generator emits.</summary>
    public static TextChange EditFor(string text, Edit edit)
    {
        var middle = text.Length / 2;
        switch (edit)
        {
            case Edit.InsertChar:
                {
                    // Inside the first instruction word's argument after the middle, not at a line start.
                    var line = text.IndexOf("\nRUN ", middle, StringComparison.Ordinal);
                    return new TextChange(new TextSpan(line + 6, 0), "x");
                }
            case Edit.InsertCharInHeredoc:
                {
                    var marker = text.IndexOf("<<EOF\n", middle, StringComparison.Ordinal);
                    if (marker < 0) marker = text.LastIndexOf("<<EOF\n", middle, StringComparison.Ordinal);
                    var body = text.IndexOf('\n', marker) + 1;
                    return new TextChange(new TextSpan(body + 2, 0), "x");
                }
            default:
                {
                    // The break after a one-line instruction, so the next instruction's keyword joins its arguments.
                    var start = text.IndexOf('\n', middle) + 1;
                    while (true)
                    {
                        var end = text.IndexOf('\n', start);
                        var line = text.AsSpan(start, end - start);
                        if ((line.StartsWith("COPY ") || line.StartsWith("ENV ") || line.StartsWith("ARG ")) && !line.EndsWith("\\"))
                        {
                            return new TextChange(new TextSpan(end, 1), "");
                        }
                        start = end + 1;
                    }
                }
        }
    }
}

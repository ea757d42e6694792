using System.Diagnostics;
using Dflint.Syntax;
using Dflint.Syntax.Green;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Benchmarks;

/// <summary>
/// <c>profile</c>: a quick look behind the benchmark numbers without a profiler. It checks that the corpus
/// parses cleanly and round-trips, then splits allocation into the tree that is kept and the garbage left
/// behind, counting tree objects by type with sizes measured on this runtime.
/// </summary>
internal static class Profile
{
    public static int Run(string[] args)
    {
        _ = args;
        var files = DockerfileCorpus.Generate(ParseBenchmarks.CorpusFileCount);
        var texts = files.Select(f => SourceText.From(f.Text)).ToArray();
        var chars = texts.Sum(t => (long)t.Length);
        var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
        Console.WriteLine($"corpus: {files.Count} files, {chars:N0} chars, {lines:N0} lines, {files.Count(f => f.Text.Contains('\r', StringComparison.Ordinal))} CRLF, " +
            $"{files.Count(f => f.Text.StartsWith("# escape=`", StringComparison.Ordinal))} backtick-escape");

        CheckCorpus(files, texts);
        FullParse(texts, chars);
        Incremental();
        return 0;
    }

    private static void CheckCorpus(IReadOnlyList<CorpusFile> files, SourceText[] texts)
    {
        var withDiagnostics = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var tree = DockerfileSyntaxTree.Parse(texts[i]);
            if (tree.Root.ToFullString() != files[i].Text) throw new InvalidOperationException($"{files[i].RelativePath} does not round-trip");
            var diagnostics = tree.GetDiagnostics();
            if (diagnostics.Length > 0)
            {
                if (withDiagnostics++ < 3) Console.WriteLine($"  {files[i].RelativePath}: {diagnostics[0].Id} {diagnostics[0].Message}");
            }
        }
        Console.WriteLine($"round-trip ok; files with syntax diagnostics: {withDiagnostics}");
    }

    private static void FullParse(SourceText[] texts, long chars)
    {
        for (var i = 0; i < 5; i++) ParseAll(texts);
        const int rounds = 20;
        var stopwatch = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++) ParseAll(texts);
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / rounds;
        var seconds = stopwatch.Elapsed.TotalSeconds / rounds;
        Console.WriteLine();
        Console.WriteLine($"full parse (Stopwatch, {rounds} rounds): {seconds * 1e3:F2} ms/corpus, {chars / seconds / 1e6:F1} MB/s, " +
            $"{allocated:N0} B allocated = {(double)allocated / chars:F2} B per input char");

        var census = new Census();
        foreach (var text in texts) census.Walk(DockerfileSyntaxTree.Parse(text).GreenRoot);
        var perFile = PerFileOverhead();
        var treeBytes = census.Bytes;
        var fixedBytes = perFile * texts.Length;
        Console.WriteLine("allocation per corpus parse, by what it becomes:");
        foreach (var (name, count, bytes) in census.Rows()) Report(name, count, bytes, chars, allocated);
        Report("= kept tree (green)", -1, treeBytes, chars, allocated);
        Report("per-file fixed (parser, tree, empty-file cost)", texts.Length, fixedBytes, chars, allocated);
        Report("transient garbage during parse (remainder)", -1, allocated - treeBytes - fixedBytes, chars, allocated);
        var instructions = census.Instructions;
        Console.WriteLine($"  instructions: {instructions:N0}, tokens: {census.Tokens:N0}; transient per instruction: {(double)(allocated - treeBytes - fixedBytes) / instructions:F0} B");

        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var i = 0; i < rounds; i++) ParseAll(texts);
        var samples = sampler.Stop();
        var sampled = samples.Sum(s => s.Bytes);
        Console.WriteLine($"allocation by type (GC allocation-tick samples over {rounds} rounds, {sampled / rounds:N0} B per round):");
        foreach (var (type, bytes) in samples.Take(14)) Console.WriteLine($"  {type,-70} {100.0 * bytes / sampled,6:F1}%  ~{(double)bytes / rounds / chars,5:F2} B/char");
    }

    private static void Report(string name, long count, long bytes, long chars, long total) =>
        Console.WriteLine($"  {name,-48} {(count >= 0 ? count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : ""),10} {bytes,14:N0} B {(double)bytes / chars,7:F2} B/char {100.0 * bytes / total,6:F1}%");

    private static int ParseAll(SourceText[] texts)
    {
        var width = 0;
        foreach (var text in texts) width += DockerfileSyntaxTree.Parse(text).GreenRoot.FullWidth;
        return width;
    }

    /// <summary>What parsing the smallest valid file allocates beyond its tree: parser scratch buffers and wrappers.</summary>
    private static long PerFileOverhead()
    {
        var text = SourceText.From("FROM scratch\n");
        for (var i = 0; i < 100; i++) DockerfileSyntaxTree.Parse(text);
        const int rounds = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < rounds; i++) DockerfileSyntaxTree.Parse(text);
        var perParse = (GC.GetAllocatedBytesForCurrentThread() - before) / rounds;
        var census = new Census();
        census.Walk(DockerfileSyntaxTree.Parse(text).GreenRoot);
        return perParse - census.Bytes;
    }

    private static void Incremental()
    {
        var text = SourceText.From(DockerfileCorpus.Large(ParseBenchmarks.LargeFileLines));
        var tree = DockerfileSyntaxTree.Parse(text);
        var oldInstructions = tree.GreenRoot.GetSlot(0)!;
        Console.WriteLine();
        Console.WriteLine($"incremental, {text.Length:N0}-char file, {oldInstructions.SlotCount} instructions:");
        foreach (var edit in Enum.GetValues<Edit>())
        {
            var change = IncrementalBenchmarks.EditFor(text.ToString(), edit);
            var changed = text.WithChanges(change);
            var incremental = tree.WithChangedText(changed);
            var full = DockerfileSyntaxTree.Parse(changed);
            if (incremental.Root.ToFullString() != changed.ToString()) throw new InvalidOperationException($"{edit}: incremental tree does not round-trip");
            if (SyntaxTreePrinter.Print(incremental) != SyntaxTreePrinter.Print(full)) throw new InvalidOperationException($"{edit}: incremental tree differs from a full parse");

            var newInstructions = incremental.GreenRoot.GetSlot(0)!;
            var reused = new HashSet<GreenNode>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < oldInstructions.SlotCount; i++) reused.Add(oldInstructions.GetSlot(i)!);
            var fresh = 0;
            for (var i = 0; i < newInstructions.SlotCount; i++)
            {
                if (!reused.Contains(newInstructions.GetSlot(i)!)) fresh++;
            }

            var line = text.Lines.GetLineFromPosition(change.Span.Start);
            var (total, totalBytes, gen2) = Measure(() => tree.WithChangedText(changed).GreenRoot.FullWidth);
            var (copy, copyBytes, copyGen2) = Measure(() => changed.ToString().Length);
            var (ranges, rangesBytes, _) = Measure(() => changed.GetChangeRanges(text).Count);
            Console.WriteLine($"  {edit}: line {line.LineNumber + 1} \"{Shorten(line.ToString())}\"; reparsed {fresh} of {newInstructions.SlotCount} instructions");
            Console.WriteLine($"    WithChangedText                      median {total,7:F1} us {totalBytes,9:N0} B  gen2 GCs per 1000 edits: {gen2:F0}");
            Console.WriteLine($"    newText.ToString() alone             median {copy,7:F1} us {copyBytes,9:N0} B  gen2 GCs per 1000 copies: {copyGen2:F0}");
            Console.WriteLine($"    GetChangeRanges alone                median {ranges,7:F1} us {rangesBytes,9:N0} B");
        }
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..57] + "...";

    /// <summary>Median of many small batches, so a shared machine's hiccups and the odd GC do not decide the number.</summary>
    private static (double Microseconds, long Bytes, double Gen2PerThousand) Measure(Func<int> action)
    {
        for (var i = 0; i < 200; i++) action();
        const int batches = 100, perBatch = 20;
        var times = new double[batches];
        var gen2 = GC.CollectionCount(2);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var b = 0; b < batches; b++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++) action();
            times[b] = stopwatch.Elapsed.TotalMicroseconds / perBatch;
        }
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (batches * perBatch);
        Array.Sort(times);
        return (times[batches / 2], bytes, 1000.0 * (GC.CollectionCount(2) - gen2) / (batches * perBatch));
    }

    /// <summary>Counts green objects by type; sizes are measured by allocating samples, not assumed.</summary>
    private sealed class Census
    {
        private static readonly long s_tokenSize = SizeOf(() => new GreenToken(SyntaxKind.TextToken, 1, null, null));
        private static readonly GreenNode?[] s_slots = new GreenNode?[1];
        private static readonly long s_nodeSize = SizeOf(() => new GreenSyntaxNode(SyntaxKind.List, s_slots));
        private static readonly long s_heredocSize = SizeOf(() => new GreenHeredoc(s_slots, "EOF", false, true, 0));
        private static readonly GreenTrivia[] s_trivia = [GreenTrivia.Create(SyntaxKind.WhitespaceTrivia, 1)];
        private static readonly long s_triviaListSize = SizeOf(() => new GreenTriviaList(s_trivia));
        private static readonly long s_triviaSize = SizeOf(() => GreenTrivia.Create(SyntaxKind.CommentTrivia, 1));

        private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, (long Count, long Bytes)> _rows = [];

        public long Bytes => _rows.Values.Sum(r => r.Bytes);

        public long Tokens => _rows.TryGetValue("GreenToken", out var row) ? row.Count : 0;

        public long Instructions { get; private set; }

        public IEnumerable<(string Name, long Count, long Bytes)> Rows() =>
            _rows.OrderByDescending(r => r.Value.Bytes).Select(r => (r.Key, r.Value.Count, r.Value.Bytes));

        public void Walk(GreenNode root)
        {
            Instructions += root.GetSlot(0)!.SlotCount;
            Visit(root);
        }

        private void Visit(GreenNode? node)
        {
            // Cached trivia instances are shared by every tree, so they are not allocated per parse.
            if (node is null || !_seen.Add(node)) return;
            switch (node)
            {
                case GreenToken token:
                    Add("GreenToken", s_tokenSize);
                    Visit(token.Leading);
                    Visit(token.Trailing);
                    return;
                case GreenTrivia trivia:
                    if (!ReferenceEquals(trivia, GreenTrivia.Create(trivia.Kind, trivia.FullWidth))) Add($"GreenTrivia ({trivia.Kind})", s_triviaSize);
                    return;
                case GreenTriviaList list:
                    Add("GreenTriviaList", s_triviaListSize);
                    Add("GreenTrivia[] (trivia list items)", ArraySize(list.SlotCount));
                    break;
                case GreenHeredoc:
                    Add("GreenHeredoc", s_heredocSize);
                    Add("GreenNode?[] (slots)", ArraySize(node.SlotCount));
                    break;
                default:
                    Add(node.Kind == SyntaxKind.List ? "GreenSyntaxNode (List)" : "GreenSyntaxNode", s_nodeSize);
                    Add("GreenNode?[] (slots)", ArraySize(node.SlotCount));
                    if (node.Diagnostics.Length > 0) Add("GreenDiagnostic[]", ArraySize(node.Diagnostics.Length * 4));
                    break;
            }
            for (var i = 0; i < node.SlotCount; i++) Visit(node.GetSlot(i));
        }

        private void Add(string name, long bytes)
        {
            _rows.TryGetValue(name, out var row);
            _rows[name] = (row.Count + 1, row.Bytes + bytes);
        }

        /// <summary>A reference array on 64-bit .NET: header, method table, length, then 8 bytes a slot.</summary>
        private static long ArraySize(int length) => 24 + (8L * length);

        private static long SizeOf(Func<object> create)
        {
            create();
            const int count = 1000;
            var keep = new object[count];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < count; i++) keep[i] = create();
            var size = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
            GC.KeepAlive(keep);
            return size;
        }
    }
}

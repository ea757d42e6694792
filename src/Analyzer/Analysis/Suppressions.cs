using Dflint.Syntax;

namespace Dflint.Analysis;

/// <summary>How far a suppression comment reaches.</summary>
public enum SuppressionScope
{
    /// <summary><c># dflint ignore=</c>: the next instruction.</summary>
    NextInstruction,

    /// <summary><c># dflint stage ignore=</c>: from the comment to the end of its stage.</summary>
    Stage,

    /// <summary><c># dflint global ignore=</c>: the whole file.</summary>
    File,
}

/// <summary>One code named in a suppression comment, with where it is written and the file range it covers.</summary>
public sealed record SuppressedCode(string Text, TextSpan Span, SuppressionScope Scope, TextSpan Range, RuleDescriptor? Rule);

/// <summary>
/// The suppressions of one file, from comments (<c># dflint ...</c> and hadolint's <c># hadolint ...</c>) and
/// from BuildKit's <c># check=</c> directive.
/// </summary>
public sealed class Suppressions
{
    private static readonly string[] s_tools = ["dflint", "hadolint"];

    private readonly TextSpan? _skipAllAt;

    private Suppressions(ImmutableArray<SuppressedCode> codes, TextSpan? skipAllAt, ImmutableArray<SuppressedCode> skippedChecks, bool checksAreErrors, TextSpan? nonPosixShellFrom)
    {
        Codes = codes;
        _skipAllAt = skipAllAt;
        SkippedChecks = skippedChecks;
        ChecksAreErrors = checksAreErrors;
        NonPosixShellFrom = nonPosixShellFrom;
    }

    public ImmutableArray<SuppressedCode> Codes { get; }

    /// <summary><c># check=skip=all</c>: every rule that has a BuildKit check name is off.</summary>
    public bool SkipAllChecks => _skipAllAt is not null;

    /// <summary>The names in <c># check=skip=...</c>.</summary>
    public ImmutableArray<SuppressedCode> SkippedChecks { get; }

    /// <summary><c># check=error=true</c>: findings of rules with a BuildKit check name are errors.</summary>
    public bool ChecksAreErrors { get; }

    /// <summary>Where a <c># hadolint shell=</c> comment naming a non-POSIX shell starts to apply, if any.</summary>
    public TextSpan? NonPosixShellFrom { get; }

    public bool IsSuppressed(RuleDescriptor rule, TextSpan span) => SuppressedAt(rule, span) is not null;

    /// <summary>Where the code (or <c>all</c>) that suppresses a finding of <paramref name="rule"/> at <paramref name="span"/> is written; null when nothing does.</summary>
    public TextSpan? SuppressedAt(RuleDescriptor rule, TextSpan span)
    {
        foreach (var code in Codes)
        {
            if (code.Rule == rule && (code.Scope == SuppressionScope.File || code.Range.Contains(span.Start))) return code.Span;
        }
        if (rule.Aliases.IsEmpty) return null;
        if (_skipAllAt is { } all) return all;
        foreach (var check in SkippedChecks)
        {
            if (check.Rule == rule) return check.Span;
        }
        return null;
    }

    public static Suppressions Read(DockerfileSyntaxTree tree, RuleRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(registry);
        var codes = ImmutableArray.CreateBuilder<SuppressedCode>();
        TextSpan? nonPosixFrom = null;
        var instructions = tree.Instructions;
        var stageEnds = StageEnds(tree);
        var fileEnd = tree.Text.Length;
        for (var i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            foreach (var trivia in instruction.Keyword.LeadingTrivia)
            {
                if (trivia.Kind != SyntaxKind.CommentTrivia) continue;
                ReadComment(trivia, instruction.Span, StageEndAfter(stageEnds, trivia.Position, fileEnd));
            }
        }
        foreach (var trivia in tree.Root.EndOfFileToken.LeadingTrivia)
        {
            if (trivia.Kind == SyntaxKind.CommentTrivia) ReadComment(trivia, new TextSpan(fileEnd, 0), fileEnd);
        }

        void ReadComment(SyntaxTrivia trivia, TextSpan nextInstruction, int stageEnd)
        {
            var text = trivia.ToString();
            if (!TryReadPragma(text, out var scope, out var key, out var valueStart)) return;
            if (key == "shell")
            {
                var shell = text[valueStart..].Trim();
                if (!Semantics.Shell.ShellDialects.IsPosixShell(shell)) nonPosixFrom ??= new TextSpan(trivia.Position, fileEnd - trivia.Position);
                return;
            }
            var range = scope switch
            {
                SuppressionScope.NextInstruction => nextInstruction,
                SuppressionScope.Stage => TextSpan.FromBounds(trivia.Position, stageEnd),
                _ => new TextSpan(0, fileEnd),
            };
            foreach (var (code, offset) in SplitList(text, valueStart, text.Length))
            {
                codes.Add(new SuppressedCode(code, new TextSpan(trivia.Position + offset, code.Length), scope, range, registry.Find(code)));
            }
        }

        TextSpan? skipAllAt = null;
        var checksAreErrors = false;
        var skipped = ImmutableArray.CreateBuilder<SuppressedCode>();
        foreach (var directive in tree.Directives)
        {
            if (!directive.Name.Equals("check", StringComparison.OrdinalIgnoreCase)) continue;
            var value = tree.Text.ToString(directive.ValueSpan);
            var partStart = 0;
            foreach (var part in value.Split(';'))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    var name = part[..equals].Trim();
                    if (name.Equals("skip", StringComparison.OrdinalIgnoreCase))
                    {
                        foreach (var (check, offset) in SplitList(part, equals + 1, part.Length))
                        {
                            var span = new TextSpan(directive.ValueSpan.Start + partStart + offset, check.Length);
                            if (check.Equals("all", StringComparison.OrdinalIgnoreCase))
                            {
                                skipAllAt ??= span;
                                continue;
                            }
                            skipped.Add(new SuppressedCode(check, span, SuppressionScope.File, new TextSpan(0, fileEnd), registry.Find(check)));
                        }
                    }
                    else if (name.Equals("error", StringComparison.OrdinalIgnoreCase))
                    {
                        checksAreErrors = part[(equals + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
                    }
                }
                partStart += part.Length + 1;
            }
        }
        return new Suppressions(codes.ToImmutable(), skipAllAt, skipped.ToImmutable(), checksAreErrors, nonPosixFrom);
    }

    /// <summary>
    /// Reads <c># TOOL [global|stage] ignore=LIST</c> or <c># TOOL shell=NAME</c>, where TOOL is dflint or
    /// hadolint, with any spacing around the words and the equals sign.
    /// </summary>
    internal static bool TryReadPragma(string comment, out SuppressionScope scope, out string key, out int valueStart)
    {
        scope = SuppressionScope.NextInstruction;
        key = "";
        valueStart = 0;
        var i = 0;
        SkipSpaces(comment, ref i);
        if (i >= comment.Length || comment[i] != '#') return false;
        i++;
        SkipSpaces(comment, ref i);
        var tool = ReadWord(comment, ref i);
        if (Array.IndexOf(s_tools, tool.ToLowerInvariant()) < 0) return false;
        SkipSpaces(comment, ref i);
        var word = ReadWord(comment, ref i).ToLowerInvariant();
        if (word is "global" or "stage")
        {
            scope = word == "global" ? SuppressionScope.File : SuppressionScope.Stage;
            SkipSpaces(comment, ref i);
            word = ReadWord(comment, ref i).ToLowerInvariant();
        }
        if (word is not ("ignore" or "shell")) return false;
        if (word == "shell" && scope != SuppressionScope.NextInstruction) return false;
        SkipSpaces(comment, ref i);
        if (i >= comment.Length || comment[i] != '=') return false;
        key = word;
        valueStart = i + 1;
        return true;
    }

    /// <summary>The comma-separated items of <paramref name="text"/>[start..end], trimmed, with their offsets.</summary>
    private static IEnumerable<(string Item, int Offset)> SplitList(string text, int start, int end)
    {
        var itemStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != ',' && !char.IsWhiteSpace(text[i])) continue;
            if (i > itemStart) yield return (text[itemStart..i], itemStart);
            itemStart = i + 1;
        }
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
    }

    private static string ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-')) i++;
        return text[start..i];
    }

    private static int[] StageEnds(DockerfileSyntaxTree tree) =>
        [.. tree.Instructions.OfType<FromInstructionSyntax>().Skip(1).Select(f => f.FullSpan.Start)];

    private static int StageEndAfter(int[] stageEnds, int position, int fileEnd)
    {
        foreach (var end in stageEnds)
        {
            if (end > position) return end;
        }
        return fileEnd;
    }
}

using Dflint.Syntax;
using Dflint.Tests.BuildKit;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Syntax;

public sealed class ParserPropertyTests
{
    private static readonly Config s_config = PropertyConfig.Create(1500);

    [Test]
    public void Any_text_round_trips_and_the_tree_is_well_formed() =>
        Prop.ForAll(DockerfileGenerators.AnyText.ToArbitrary(), text => TreeChecks.FindProblem(DockerfileSyntaxTree.Parse(text), text) is null)
            .Check(s_config);

    [Test]
    public void Dockerfile_like_text_round_trips_and_the_tree_is_well_formed() =>
        Prop.ForAll(DockerfileGenerators.DockerfileText.ToArbitrary(), text =>
        {
            var problem = TreeChecks.FindProblem(DockerfileSyntaxTree.Parse(text), text);
            return (problem is null).Label(problem ?? "").Label(BuildKitComparison.Show(text));
        }).Check(s_config);

    [Test]
    public void Instruction_values_equal_what_BuildKit_reads() =>
        Prop.ForAll(DockerfileGenerators.DockerfileText.ToArbitrary(), text =>
        {
            var difference = BuildKitComparison.FindDifference(text);
            return (difference is null).Label(difference ?? "").Label(BuildKitComparison.Show(text));
        }).Check(s_config);

    [Test]
    public void Incremental_reparse_after_random_edits_equals_a_full_parse() =>
        Prop.ForAll(DockerfileGenerators.TextWithEdits.ToArbitrary(), input =>
        {
            var tree = DockerfileSyntaxTree.Parse(input.Text);
            foreach (var (at, delete, insert) in input.Edits)
            {
                var length = tree.Text.Length;
                var start = (int)(at * length);
                var span = new TextSpan(start, Math.Min(delete, length - start));
                tree = tree.WithChanges([new TextChange(span, insert)]);
                var full = DockerfileSyntaxTree.Parse(tree.Text.ToString());
                var problem = TreeChecks.CompareGreen(full.GreenRoot, tree.GreenRoot) ?? TreeChecks.FindProblem(tree, tree.Text.ToString());
                if (problem is not null) return false.Label(problem).Label(BuildKitComparison.Show(tree.Text.ToString()));
            }
            return true.Label("");
        }).Check(s_config);

    /// <summary>Found by the property above: BuildKit reads flag words byte by byte (a documented deviation).</summary>
    [Test]
    public void A_non_ASCII_character_in_a_flag_is_the_known_byte_wise_deviation()
    {
        const string text = "FROM alpine:3.19 AS build\nCOPY --platform=$P\uFEFFCOPY <<EOF /x\ncontent\nEOF\n";

        Assert.That(BuildKitComparison.FindDifference(text), Is.Null);
    }
}

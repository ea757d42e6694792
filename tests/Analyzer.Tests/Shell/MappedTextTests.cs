using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Shell;

public sealed class MappedTextTests
{
    [Test]
    public void Contiguous_text_maps_each_index_to_the_same_distance_from_its_start()
    {
        var text = MappedText.FromContiguous("abc", 10);
        Assert.Multiple(() =>
        {
            Assert.That(text.ToFileOffset(0), Is.EqualTo(10));
            Assert.That(text.ToFileOffset(2), Is.EqualTo(12));
            Assert.That(text.ToFileOffset(3), Is.EqualTo(13));
            Assert.That(text.ToFileSpan(1, 2), Is.EqualTo(new TextSpan(11, 2)));
            Assert.That(text.ToFileSpan(3, 0), Is.EqualTo(new TextSpan(13, 0)));
            Assert.That(text.FileSpan, Is.EqualTo(new TextSpan(10, 3)));
        });
    }

    [Test]
    public void Runs_that_touch_in_the_file_share_one_segment()
    {
        var builder = new MappedText.Builder(0);
        builder.AppendRun("ab", 5);
        builder.AppendRun("cd", 7);
        builder.Append('e', 9, 10);
        builder.AppendRun("fg", 20);
        var text = builder.ToMappedText();
        Assert.That(text.Text, Is.EqualTo("abcdefg"));
        Assert.That(text.Segments, Is.EqualTo(new[] { (0, 5, 5, 5), (5, 20, 2, 2) }));
        Assert.That(text.ToFileOffset(4), Is.EqualTo(9));
        Assert.That(text.ToFileOffset(5), Is.EqualTo(20));
        Assert.That(text.ToFileSpan(3, 3), Is.EqualTo(TextSpan.FromBounds(8, 21)), "from 'd' at 8 to the end of 'f' at 20");
        Assert.That(text.ToFileOffset(7), Is.EqualTo(22));
        Assert.That(text.ToFileSpan(5, 0), Is.EqualTo(new TextSpan(10, 0)), "an empty span stays after the character before it");
    }

    [Test]
    public void A_character_written_with_an_escape_covers_the_whole_escape()
    {
        // "a\"b" in a JSON string starting at offset 100: a at 100, \" at 101-102, b at 103.
        var builder = new MappedText.Builder(100);
        builder.Append('a', 100, 101);
        builder.Append('"', 101, 103);
        builder.Append('b', 103, 104);
        var text = builder.ToMappedText();
        Assert.Multiple(() =>
        {
            Assert.That(text.Text, Is.EqualTo("a\"b"));
            Assert.That(text.ToFileOffset(1), Is.EqualTo(101));
            Assert.That(text.ToFileOffset(2), Is.EqualTo(103));
            Assert.That(text.ToFileSpan(1, 1), Is.EqualTo(new TextSpan(101, 2)));
            Assert.That(text.ToFileSpan(0, 2), Is.EqualTo(new TextSpan(100, 3)));
            Assert.That(text.ToFileSpan(0, 3), Is.EqualTo(new TextSpan(100, 4)));
            Assert.That(text.SegmentCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void An_empty_text_maps_to_its_anchor()
    {
        var text = new MappedText.Builder(42).ToMappedText();
        Assert.That(text.Text, Is.Empty);
        Assert.That(text.ToFileOffset(0), Is.EqualTo(42));
        Assert.That(text.ToFileSpan(0, 0), Is.EqualTo(new TextSpan(42, 0)));
    }

    [Test]
    public void Indexes_outside_the_text_are_rejected()
    {
        var text = MappedText.FromContiguous("abc", 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToFileOffset(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToFileOffset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToFileSpan(2, 2));
    }

    [Test]
    public void Many_segments_are_found_by_binary_search()
    {
        var builder = new MappedText.Builder(0);
        for (var i = 0; i < 1000; i++) builder.AppendRun("xy", i * 10);
        var text = builder.ToMappedText();
        Assert.That(text.SegmentCount, Is.EqualTo(1000));
        Assert.That(text.ToFileOffset(1999), Is.EqualTo(9991));
        Assert.That(text.ToFileOffset(1000), Is.EqualTo(5000));
        Assert.That(text.ToFileSpan(1, 2), Is.EqualTo(TextSpan.FromBounds(1, 11)));
    }
}

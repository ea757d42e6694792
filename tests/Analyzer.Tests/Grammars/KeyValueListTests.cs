using Dflint.Syntax.Grammars;
using Microsoft.CodeAnalysis.Text;

namespace Dflint.Tests.Grammars;

public sealed class KeyValueListTests
{
    private static string At(string text, TextSpan? span) =>
        span is { } s ? text.Substring(s.Start, s.Length) : "<none>";

    [Test]
    public void ParsesCacheMount()
    {
        const string text = "type=cache,target=/root/.cache,id=x,ro";
        var list = KeyValueList.Parse(text);
        Assert.That(list.HasErrors, Is.False);
        Assert.That(list.Entries.Select(e => e.Key), Is.EqualTo(new[] { "type", "target", "id", "ro" }));
        Assert.That(list.Entries.Select(e => e.Value), Is.EqualTo(new[] { "cache", "/root/.cache", "x", null }));
        Assert.That(At(text, list.Entries[1].KeySpan), Is.EqualTo("target"));
        Assert.That(At(text, list.Entries[1].ValueSpan), Is.EqualTo("/root/.cache"));
        Assert.That(At(text, list.Entries[1].Span), Is.EqualTo("target=/root/.cache"));
        Assert.That(At(text, list.Entries[3].KeySpan), Is.EqualTo("ro"));
        Assert.That(list.Entries[3].ValueSpan, Is.Null);
    }

    [Test]
    public void ParsesSecretMount()
    {
        var list = KeyValueList.Parse("type=secret,id=npmrc,target=/root/.npmrc");
        Assert.That(list.HasErrors, Is.False);
        Assert.That(list.Find("id")!.Value, Is.EqualTo("npmrc"));
        Assert.That(list.Find("TARGET")!.Value, Is.EqualTo("/root/.npmrc"));
        Assert.That(list.Find("missing"), Is.Null);
    }

    [Test]
    public void KeysAreCaseInsensitive()
    {
        var list = KeyValueList.Parse("Type=cache,READONLY");
        Assert.That(list.Entries[0].Key, Is.EqualTo("Type"));
        Assert.That(list.Entries[0].NormalizedKey, Is.EqualTo("type"));
        Assert.That(list.Find("type")!.Value, Is.EqualTo("cache"));
        Assert.That(list.Find("readonly")!.Value, Is.Null);
    }

    [Test]
    public void FindReturnsTheLastOccurrence()
    {
        var list = KeyValueList.Parse("id=a,ID=b");
        Assert.That(list.Find("id")!.Value, Is.EqualTo("b"));
        Assert.That(list.FindAll("id").Select(e => e.Value), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void SplitsAtTheFirstEqualsSign()
    {
        const string text = "env=A=B=C,empty=";
        var list = KeyValueList.Parse(text);
        Assert.That(list.Entries[0].Key, Is.EqualTo("env"));
        Assert.That(list.Entries[0].Value, Is.EqualTo("A=B=C"));
        Assert.That(list.Entries[1].Value, Is.EqualTo(string.Empty));
        Assert.That(list.Entries[1].ValueSpan, Is.EqualTo(new TextSpan(text.Length, 0)));
    }

    [Test]
    public void QuotedFieldsMayContainCommasAndQuotes()
    {
        const string text = "type=bind,\"source=a,b\",\"target=/say \"\"hi\"\"\",ro";
        var list = KeyValueList.Parse(text);
        Assert.That(list.HasErrors, Is.False, () => string.Join("; ", list.Errors));
        Assert.That(list.Entries.Select(e => e.Value), Is.EqualTo(new[] { "bind", "a,b", "/say \"hi\"", null }));
        Assert.That(At(text, list.Entries[1].KeySpan), Is.EqualTo("source"));
        Assert.That(At(text, list.Entries[1].ValueSpan), Is.EqualTo("a,b"));
        Assert.That(At(text, list.Entries[1].Span), Is.EqualTo("\"source=a,b\""));
        Assert.That(At(text, list.Entries[2].ValueSpan), Is.EqualTo("/say \"\"hi\"\""));
    }

    [Test]
    public void QuotedFieldAtEndAndQuotedEmptyValue()
    {
        const string text = "\"a=\",\"b\"";
        var list = KeyValueList.Parse(text);
        Assert.That(list.HasErrors, Is.False);
        Assert.That(list.Entries[0].Value, Is.EqualTo(string.Empty));
        Assert.That(list.Entries[0].ValueSpan, Is.EqualTo(new TextSpan(3, 0)));
        Assert.That(list.Entries[1].Key, Is.EqualTo("b"));
        Assert.That(At(text, list.Entries[1].KeySpan), Is.EqualTo("b"));
    }

    [Test]
    public void WhitespaceIsKept()
    {
        var list = KeyValueList.Parse("type=cache, target=/x ");
        Assert.That(list.Entries[1].Key, Is.EqualTo(" target"));
        Assert.That(list.Entries[1].Value, Is.EqualTo("/x "));
    }

    [TestCase("source=\"a b\"", 7)]
    [TestCase("type=bind,src=a\"b", 15)]
    [TestCase(" \"a\"", 1)]
    public void BareQuoteInUnquotedFieldIsAnError(string text, int position)
    {
        var list = KeyValueList.Parse(text);
        Assert.That(list.Errors, Has.Length.EqualTo(1));
        Assert.That(list.Errors[0].Message, Does.Contain("bare '\"'"));
        Assert.That(list.Errors[0].Position, Is.EqualTo(position));
    }

    [Test]
    public void CharacterAfterClosingQuoteIsAnError()
    {
        var list = KeyValueList.Parse("type=bind,\"a=b\"c,ro");
        Assert.That(list.Errors.Single().Message, Does.Contain("extraneous or missing"));
        Assert.That(list.Errors[0].Position, Is.EqualTo(14));
        Assert.That(list.Entries.Select(e => e.Key), Is.EqualTo(new[] { "type" }));
    }

    [Test]
    public void UnterminatedQuoteIsAnError()
    {
        const string text = "ro,\"a=b";
        var list = KeyValueList.Parse(text);
        Assert.That(list.Errors.Single().Message, Does.Contain("starting at position 3"));
        Assert.That(list.Errors[0].Position, Is.EqualTo(text.Length));
    }

    [TestCase("", 0)]
    [TestCase("\n", 1)]
    public void EmptyValueIsAnError(string text, int position)
    {
        var list = KeyValueList.Parse(text);
        Assert.That(list.Entries, Is.Empty);
        Assert.That(list.Errors.Single().Message, Is.EqualTo("value is empty"));
        Assert.That(list.Errors[0].Position, Is.EqualTo(position));
    }

    [TestCase("a,,b", 2)]
    [TestCase("a,", 2)]
    [TestCase(",a", 0)]
    [TestCase("a,\"\"", 2)]
    public void EmptyFieldsAreReported(string text, int position)
    {
        var list = KeyValueList.Parse(text);
        Assert.That(list.Errors.Single().Message, Is.EqualTo("empty field"));
        Assert.That(list.Errors[0].Position, Is.EqualTo(position));
    }

    [Test]
    public void MissingKeyIsReported()
    {
        var list = KeyValueList.Parse("type=cache,=x");
        Assert.That(list.Entries[1].Key, Is.Empty);
        Assert.That(list.Entries[1].Value, Is.EqualTo("x"));
        Assert.That(list.Errors.Single().Position, Is.EqualTo(11));
    }

    [Test]
    public void OnlyTheFirstLineIsRead()
    {
        var list = KeyValueList.Parse("a=1,b\nc=2");
        Assert.That(list.Entries.Select(e => e.Key), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(list.Errors.Single().Position, Is.EqualTo(6));

        var crlf = KeyValueList.Parse("a=1\r\n");
        Assert.That(crlf.Entries.Single().Value, Is.EqualTo("1"));
        Assert.That(crlf.HasErrors, Is.False);

        var leading = KeyValueList.Parse("\n\na=1");
        Assert.That(leading.Entries.Single().Key, Is.EqualTo("a"));
        Assert.That(leading.Entries[0].KeySpan.Start, Is.EqualTo(2));
    }

    [Test]
    public void QuotedFieldMaySpanLines()
    {
        var list = KeyValueList.Parse("\"a=x\ny\",b");
        Assert.That(list.Entries.Select(e => e.Value), Is.EqualTo(new[] { "x\ny", null }));
        Assert.That(list.HasErrors, Is.False);
    }

    [Test]
    public void NullIsTreatedAsEmpty() =>
        Assert.That(KeyValueList.Parse(null).Errors.Single().Message, Is.EqualTo("value is empty"));

    [Test]
    public void NeverThrows()
    {
        var random = new Random(7);
        const string alphabet = "a=,\"\n\r ";
        for (var i = 0; i < 5_000; i++)
        {
            var chars = new char[random.Next(0, 16)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.DoesNotThrow(() =>
            {
                var list = KeyValueList.Parse(text);
                foreach (var entry in list.Entries)
                {
                    Assert.That(entry.Span.End, Is.LessThanOrEqualTo(text.Length));
                    Assert.That(entry.KeySpan.End, Is.LessThanOrEqualTo(entry.Span.End));
                }

                foreach (var error in list.Errors)
                {
                    Assert.That(error.Position, Is.InRange(0, text.Length));
                }
            }, text);
        }
    }
}

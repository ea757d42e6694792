using Dflint.Syntax.Grammars;

namespace Dflint.Tests.Grammars;

/// <summary>
/// The quick hand checks in <see cref="ImageReference"/> may reject what the Sprache grammar accepts (the grammar is
/// then asked), but must never accept what it rejects.
/// </summary>
public sealed class ImageReferencePlainMatchTests
{
    // Per part: the characters its grammar uses, and a few it does not.
    private static readonly string[] s_alphabets = ["ab09._-/_A:", "aZ09.-:[]_", "aZ09_.-:+", "sa2:0fF+._-Z"];

    [Test]
    public void Plain_matches_are_grammar_matches([Values(0, 1, 2, 3)] int partNumber)
    {
        var part = (ImageReference.Part)partNumber;
        var random = new Random(20261122 + partNumber);
        var plainAccepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 12);
            var chars = new char[length];
            var alphabet = s_alphabets[partNumber];
            for (var j = 0; j < length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            if (!ImageReference.PlainMatch(part, text)) continue;
            plainAccepted++;
            Assert.That(ImageReference.GrammarMatch(part, text), Is.True, $"{part}: '{text}'");
        }
        Assert.That(plainAccepted, Is.GreaterThan(50), "the generator reaches the quick path");
    }

    [TestCase(0, "library/ubuntu", true)]
    [TestCase(0, "a__b", false)]
    [TestCase(1, "registry.example.com:5000", true)]
    [TestCase(1, "[::1]:5000", false)]
    [TestCase(2, "3.12-slim", true)]
    [TestCase(3, "sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30", true)]
    public void Common_forms_take_the_quick_path(int partNumber, string text, bool quick)
    {
        var part = (ImageReference.Part)partNumber;
        Assert.That(ImageReference.PlainMatch(part, text), Is.EqualTo(quick));
        Assert.That(ImageReference.GrammarMatch(part, text), Is.True);
    }
}

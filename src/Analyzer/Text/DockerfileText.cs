using System.Text;

namespace Dflint.Text;

/// <summary>
/// Turns a file's bytes into text without losing any of them. Valid UTF-8 decodes as usual (a BOM stays in
/// the text as U+FEFF, so the tree keeps it as trivia); each byte of an invalid sequence becomes a lone
/// surrogate U+DC80..U+DCFF, which <see cref="Encode"/> turns back into the same byte.
/// </summary>
public static class DockerfileText
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return DecodeEscaping(bytes);
        }
    }

    /// <summary>True when the text holds bytes that were not valid UTF-8.</summary>
    public static bool HasEscapedBytes(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uDC80' and <= '\uDCFF') return true;
        }
        return false;
    }

    public static byte[] Encode(string text)
    {
        var output = new List<byte>(text.Length + 16);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var written = new Rune(c, text[i + 1]).EncodeToUtf8(buffer);
                for (var k = 0; k < written; k++) output.Add(buffer[k]);
                i++;
            }
            else if (c is >= '\uDC80' and <= '\uDCFF')
            {
                output.Add((byte)(c - 0xDC00));
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate from elsewhere cannot be encoded; the replacement character is the honest answer.
                var written = Rune.ReplacementChar.EncodeToUtf8(buffer);
                for (var k = 0; k < written; k++) output.Add(buffer[k]);
            }
            else
            {
                var written = new Rune(c).EncodeToUtf8(buffer);
                for (var k = 0; k < written; k++) output.Add(buffer[k]);
            }
        }
        return [.. output];
    }

    private static string DecodeEscaping(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        Span<char> chars = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                var written = rune.EncodeToUtf16(chars);
                builder.Append(chars[..written]);
                bytes = bytes[consumed..];
            }
            else
            {
                builder.Append((char)(0xDC00 + bytes[0]));
                bytes = bytes[1..];
            }
        }
        return builder.ToString();
    }
}

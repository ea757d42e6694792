using System.Text;

namespace Dflint.Analysis;

/// <summary>How dflint shows a secret: its first few characters, then <c>***</c>, never the whole value.</summary>
public static class Redaction
{
    public const string Mask = "***";

    /// <summary>Shown characters: enough to recognise which key it is (<c>AKIA</c>, <c>ghp_</c>), too few to use it.</summary>
    public const int VisiblePrefix = 4;

    public static string Redact(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        // Short secrets show less, so a redacted value never gives away more than half of itself.
        var visible = Math.Min(VisiblePrefix, secret.Length / 2);
        return string.Concat(secret.AsSpan(0, visible), Mask);
    }

    /// <summary>
    /// <paramref name="text"/> (which starts at <paramref name="textStart"/> in the file) with every sensitive span
    /// that overlaps it redacted in place. Spans are sorted and may overlap.
    /// </summary>
    public static string Apply(string text, int textStart, ImmutableArray<TextSpan> sensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (sensitive.IsDefaultOrEmpty) return text;
        var textEnd = textStart + text.Length;
        StringBuilder? builder = null;
        var copied = 0;
        foreach (var span in sensitive)
        {
            if (span.End <= textStart || span.Start >= textEnd) continue;
            var start = Math.Max(span.Start, textStart) - textStart;
            var end = Math.Min(span.End, textEnd) - textStart;
            if (end <= copied) continue;
            start = Math.Max(start, copied);
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied);
            builder.Append(Redact(text[start..end]));
            copied = end;
        }
        if (builder is null) return text;
        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }
}

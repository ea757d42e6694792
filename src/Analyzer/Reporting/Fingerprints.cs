using System.Security.Cryptography;
using System.Text;
using Dflint.Analysis;

namespace Dflint.Reporting;

/// <summary>
/// Identities for findings that survive unrelated edits, so code-scanning services can tell a new finding from one
/// they have seen: a hash of the path, the rule, the flagged line(s) and the flagged text, both with whitespace
/// normalised and secrets redacted, and the finding's rank among findings identical in all of those. The line
/// number is left out on purpose: adding a line above a finding must not make it new.
/// </summary>
public static class Fingerprints
{
    /// <summary>The SARIF <c>partialFingerprints</c> key; the version changes whenever the recipe does.</summary>
    public const string Version = "dflint/v1";

    /// <summary>
    /// One fingerprint per finding of <paramref name="diagnostics"/> (in that order), which must come from
    /// <paramref name="result"/>, for the file reported as <paramref name="path"/>.
    /// </summary>
    public static ImmutableArray<string> Of(string path, LintResult result, ImmutableArray<LintDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fingerprints = ImmutableArray.CreateBuilder<string>(diagnostics.Length);
        foreach (var diagnostic in diagnostics)
        {
            var lines = Normalize(ReportText.Lines(result, diagnostic.Span).Text);
            var flagged = Normalize(ReportText.Redacted(result, diagnostic.Span));
            var identity = string.Join('\0', Version, path, diagnostic.Code, lines, flagged);
            var occurrence = seen.GetValueOrDefault(identity);
            seen[identity] = occurrence + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity + "\0" + occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // 128 bits: as long as the MD5 hex that GitLab's examples show, and far from colliding in one report.
            fingerprints.Add(Convert.ToHexStringLower(hash, 0, 16));
        }
        return fingerprints.MoveToImmutable();
    }

    /// <summary>Each line trimmed, runs of whitespace as one space, line breaks as <c>\n</c>: re-indenting or CRLF conversion changes nothing.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var first = true;
        foreach (var line in text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None))
        {
            if (!first) builder.Append('\n');
            first = false;
            var pendingSpace = false;
            foreach (var c in line.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                    continue;
                }
                if (pendingSpace) builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

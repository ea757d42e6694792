using System.Collections.Frozen;

namespace Dflint.Rules;

/// <summary>
/// Judges values: placeholders, values that are visibly not secret (paths, URLs, switches, fingerprints,
/// checksums), and machine-made tokens (long, mixed, high Shannon entropy). All checks are linear in the value.
/// </summary>
internal static class SecretValues
{
    /// <summary>The shortest value the entropy test judges; shorter strings are too short to tell.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Bits per character a token needs; random base64 or base62 of this length scores about 4.</summary>
    public const double MinTokenEntropy = 3.5;

    /// <summary>Bits per character a hexadecimal token needs (16 symbols top out at 4 bits).</summary>
    public const double MinHexTokenEntropy = 3.0;

    /// <summary>The shortest literal password worth reporting; shorter ones are placeholders in practice.</summary>
    public const int MinPasswordLength = 4;

    private static readonly string[] s_placeholderFragments =
    [
        "example", "sample", "dummy", "placeholder", "changeme", "change_me", "change-me", "changeit", "replace",
        "your_", "your-", "yourtoken", "yourpassword", "yourkey", "notreal", "not_real", "not-a-real", "fake", "redacted",
        "xxx", "***", "...", "_here", "-here", " here",
    ];

    private static readonly FrozenSet<string> s_placeholderWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "password", "passwd", "secret", "token", "test", "testing", "none", "null", "nil", "empty", "pass", "default",
        "foo", "bar", "foobar", "x", "-", "tbd", "unset", "undefined");

    private static readonly FrozenSet<string> s_switchWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "true", "false", "yes", "no", "on", "off", "y", "n", "enabled", "disabled", "enable", "disable");

    /// <summary>
    /// A stand-in rather than a credential: <c>changeme</c>, <c>&lt;token&gt;</c>, <c>your-token-here</c>,
    /// <c>xxx</c>, <c>***</c>, <c>{{ .Token }}</c>, <c>%s</c>, a run of one character, or anything containing
    /// <c>example</c>, which covers the keys of AWS's documentation (<c>AKIAIOSFODNN7EXAMPLE</c>).
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty) return false;
        if (s_placeholderWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value)) return true;
        if ((value[0] == '<' && value[^1] == '>') || (value[0] == '[' && value[^1] == ']') || value.StartsWith("{{") || value[0] == '%') return true;
        foreach (var fragment in s_placeholderFragments)
        {
            if (value.Contains(fragment, StringComparison.OrdinalIgnoreCase)) return true;
        }
        if (value.Length >= 3)
        {
            var first = value[0];
            var same = true;
            foreach (var c in value)
            {
                if (c != first)
                {
                    same = false;
                    break;
                }
            }
            if (same) return true;
        }
        return false;
    }

    /// <summary>
    /// A value that is visibly not a secret whatever its name says: a path, a URL without credentials, a switch
    /// (<c>true</c>, <c>no</c>, ...), a number (except for passwords of <see cref="MinPasswordLength"/> digits or
    /// more), a GPG fingerprint under a key-identity name, a checksum under a hash name.
    /// </summary>
    public static bool IsVisiblyPublic(ReadOnlySpan<char> name, ReadOnlySpan<char> value, SecretNameKind kind)
    {
        value = value.Trim();
        if (value.IsEmpty) return false;
        if (s_switchWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value)) return true;
        if (IsDigits(value)) return kind != SecretNameKind.Password || value.Length < MinPasswordLength;
        if (IsPath(value)) return true;
        if (IsUrl(value, out var hasCredentials)) return !hasCredentials;
        if (IsFingerprint(value) && SecretNames.MayHoldKeyFingerprint(name)) return true;
        if (IsHexDigest(value) && SecretNames.MayHoldHash(name)) return true;
        return false;
    }

    /// <summary>
    /// A machine-made credential: at least <see cref="MinTokenLength"/> printable characters without spaces,
    /// letters and digits both, and a Shannon entropy of at least <see cref="MinTokenEntropy"/> bits per character
    /// (<see cref="MinHexTokenEntropy"/> for hexadecimal, dashes allowed, as in UUIDs).
    /// </summary>
    public static bool LooksLikeToken(ReadOnlySpan<char> value)
    {
        if (value.Length < MinTokenLength) return false;
        Span<int> counts = stackalloc int[128];
        bool letter = false, digit = false, hex = true;
        foreach (var c in value)
        {
            if (c is <= ' ' or > '~') return false;
            counts[c]++;
            letter |= char.IsAsciiLetter(c);
            digit |= char.IsAsciiDigit(c);
            hex &= char.IsAsciiHexDigit(c) || c == '-';
        }
        if (!letter || !digit) return false;
        if (IsPath(value) || IsUrl(value, out _)) return false;
        return Entropy(counts, value.Length) >= (hex ? MinHexTokenEntropy : MinTokenEntropy);
    }

    /// <summary>Shannon entropy in bits per character of an ASCII string.</summary>
    public static double Entropy(ReadOnlySpan<char> value)
    {
        Span<int> counts = stackalloc int[128];
        foreach (var c in value) counts[c & 127]++;
        return Entropy(counts, value.Length);
    }

    private static double Entropy(ReadOnlySpan<int> counts, int length)
    {
        if (length == 0) return 0;
        var entropy = 0.0;
        foreach (var count in counts)
        {
            if (count == 0) continue;
            var p = (double)count / length;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }

    /// <summary>An absolute or relative path: <c>/run/secrets/token</c>, <c>./key.pem</c>, <c>~/.ssh/id_rsa</c>.</summary>
    public static bool IsPath(ReadOnlySpan<char> value) =>
        (value.StartsWith("/") || value.StartsWith("./") || value.StartsWith("../") || value.StartsWith("~/"))
        && value.IndexOfAny(' ', '\t') < 0;

    /// <summary>A <c>scheme://</c> URL; <paramref name="hasCredentials"/> when it carries <c>user:password@</c>.</summary>
    public static bool IsUrl(ReadOnlySpan<char> value, out bool hasCredentials)
    {
        hasCredentials = false;
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0) return false;
        foreach (var c in value[..separator])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '.' or '-')) return false;
        }
        var authority = value[(separator + 3)..];
        var end = authority.IndexOfAny('/', '?', '#');
        if (end >= 0) authority = authority[..end];
        var at = authority.LastIndexOf('@');
        hasCredentials = at > 0 && authority[..at].IndexOf(':') is var colon && colon >= 0 && colon < at - 1;
        return true;
    }

    /// <summary>
    /// GPG key identities: one fingerprint (40 hexadecimal digits, maybe in groups of four) or a list of fingerprints
    /// and long key ids (16 digits), each maybe after <c>0x</c>, separated by blanks (<c>OPENSSL_PGP_KEY_IDS</c>).
    /// </summary>
    public static bool IsFingerprint(ReadOnlySpan<char> value)
    {
        int words = 0, digits = 0, groupsOfFour = 0, whole = 0;
        foreach (var range in value.SplitAny(' ', '\t'))
        {
            var word = value[range];
            if (word.IsEmpty) continue;
            if (word.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) word = word[2..];
            foreach (var c in word)
            {
                if (!char.IsAsciiHexDigit(c)) return false;
            }
            words++;
            digits += word.Length;
            if (word.Length == 4) groupsOfFour++;
            if (word.Length is 40 or 16) whole++;
        }
        return words > 0 && ((groupsOfFour == words && digits == 40) || whole == words);
    }

    /// <summary>An MD5, SHA-1, SHA-256, SHA-384 or SHA-512 digest in hexadecimal.</summary>
    public static bool IsHexDigest(ReadOnlySpan<char> value)
    {
        if (value.Length is not (32 or 40 or 64 or 96 or 128)) return false;
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c)) return false;
        }
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}

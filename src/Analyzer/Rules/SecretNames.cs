using System.Collections.Frozen;

namespace Dflint.Rules;

/// <summary>What a name says about the value it holds.</summary>
internal enum SecretNameKind
{
    /// <summary>Not a secret by its name.</summary>
    None,

    /// <summary>A password: any literal value is a credential.</summary>
    Password,

    /// <summary>A token, key or secret: a credential when the value looks machine-made.</summary>
    Token,
}

/// <summary>
/// Judges variable, option, header and configuration key names. Two judgements: BuildKit's own for
/// <c>SecretsUsedInArgOrEnv</c> (parts between underscores), and a broader one for the secret scanners
/// (camelCase, dashes and dots too, and the last telling part decides).
/// </summary>
internal static class SecretNames
{
    // BuildKit's frontend/dockerfile/dockerfile2llb: a part between underscores (or the ends) equal to one of
    // these, ignoring case, makes the name secret unless another part is on the allow list.
    private static readonly FrozenSet<string> s_buildKitDeny = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "apikey", "auth", "credential", "credentials", "key", "password", "pword", "passwd", "secret", "token");

    private static readonly FrozenSet<string> s_buildKitAllow = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "public", "file", "version");

    private static readonly FrozenSet<string> s_passwordParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "password", "passwd", "pwd", "pword", "pass", "passphrase", "passcode", "pw");

    private static readonly FrozenSet<string> s_tokenParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "token", "secret", "apikey", "auth", "credential", "credentials", "creds", "key", "privatekey", "accesskey",
        "secretkey", "apitoken", "authtoken", "accesstoken", "bearer");

    private static readonly string[] s_passwordSuffixes = ["password", "passwd"];

    private static readonly string[] s_tokenSuffixes = ["token", "secret", "apikey", "accesskey", "secretkey", "privatekey"];

    /// <summary>Parts that say the value is about a secret rather than the secret itself (<c>TOKEN_URL</c>, <c>KEY_ID</c>).</summary>
    private static readonly FrozenSet<string> s_descriptiveParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "file", "files", "path", "dir", "url", "uri", "endpoint", "host", "hostname", "server", "port", "id", "ids",
        "name", "names", "type", "kind", "version", "size", "length", "len", "bits", "ttl", "timeout", "expiry",
        "expires", "expiration", "lifetime", "header", "prefix", "suffix", "sha", "sha1", "sha256", "sha384", "sha512",
        "md5", "checksum", "hash", "digest", "fingerprint", "gpg", "pgp", "gnupg", "mode", "method", "enabled",
        "enable", "disable", "disabled", "required", "count", "format", "algorithm", "alg", "stdin", "user",
        "username", "login", "email", "policy", "provider", "scope", "scopes", "region", "helper", "cmd", "command",
        "store", "keys", "keyring", "keyserver", "keyid", "location", "dest", "destination", "source", "src",
        "owner", "role", "field", "param", "label", "template", "env", "var");

    /// <summary>Parts of names whose value is a public key identity (a GPG fingerprint), not a secret.</summary>
    private static readonly FrozenSet<string> s_keyIdentityParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "gpg", "pgp", "gnupg", "fingerprint", "keyid", "signing");

    /// <summary>Parts that make a <c>key</c> a credential even when its value has the shape of a fingerprint.</summary>
    private static readonly FrozenSet<string> s_credentialKeyParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "api", "secret", "access", "private", "auth", "client", "master", "encryption", "license", "session");

    private static readonly FrozenSet<string> s_hashParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "sha", "sha1", "sha256", "sha384", "sha512", "md5", "checksum", "hash", "digest", "sum", "shasum");

    /// <summary>
    /// BuildKit's <c>SecretsUsedInArgOrEnv</c> judgement: split on <c>_</c> only, a part (ignoring case) among
    /// apikey, auth, credential(s), key, password, pword, passwd, secret, token, and no part among public, file,
    /// version. <c>GITHUB_TOKEN</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>apiKey</c> are secret; <c>apiToken</c>, <c>API-KEY</c>,
    /// <c>GPG_KEYS</c>, <c>PUBLIC_KEY</c> and <c>KEY_FILE</c> are not.
    /// </summary>
    public static bool IsBuildKitSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var deny = s_buildKitDeny.GetAlternateLookup<ReadOnlySpan<char>>();
        var allow = s_buildKitAllow.GetAlternateLookup<ReadOnlySpan<char>>();
        var denied = false;
        var rest = name.AsSpan();
        while (true)
        {
            var underscore = rest.IndexOf('_');
            var part = underscore < 0 ? rest : rest[..underscore];
            if (allow.Contains(part)) return false;
            denied |= deny.Contains(part);
            if (underscore < 0) return denied;
            rest = rest[(underscore + 1)..];
        }
    }

    /// <summary>
    /// The broader judgement: the name is split into parts (on anything but letters and digits, and at camelCase
    /// humps), a part saying <c>public</c> clears it, and otherwise the last part that says something decides:
    /// <c>DB_USER_PASSWORD</c> is a password, <c>apiKey</c> a token, <c>PASSWORD_FILE</c> and <c>TOKEN_URL</c> nothing.
    /// </summary>
    public static SecretNameKind Classify(ReadOnlySpan<char> name)
    {
        var password = s_passwordParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var token = s_tokenParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var descriptive = s_descriptiveParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var kind = SecretNameKind.None;
        foreach (var part in new NameParts(name))
        {
            if (part.Equals("public", StringComparison.OrdinalIgnoreCase) || part.Equals("pub", StringComparison.OrdinalIgnoreCase)) return SecretNameKind.None;
            if (password.Contains(part) || EndsWithAny(part, s_passwordSuffixes)) kind = SecretNameKind.Password;
            else if (token.Contains(part) || EndsWithAny(part, s_tokenSuffixes)) kind = SecretNameKind.Token;
            else if (descriptive.Contains(part)) kind = SecretNameKind.None;
        }
        return kind;
    }

    /// <summary>True for names of GPG key identities (<c>GPG_KEY</c>, <c>key</c>, <c>SIGNING_KEY</c>), whose 40-digit values are fingerprints.</summary>
    public static bool MayHoldKeyFingerprint(ReadOnlySpan<char> name)
    {
        var identity = s_keyIdentityParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var credential = s_credentialKeyParts.GetAlternateLookup<ReadOnlySpan<char>>();
        var sawKey = false;
        foreach (var part in new NameParts(name))
        {
            if (identity.Contains(part)) return true;
            if (credential.Contains(part) || EndsWithAny(part, s_tokenSuffixes)) return false;
            sawKey |= part.Equals("key", StringComparison.OrdinalIgnoreCase) || part.Equals("keys", StringComparison.OrdinalIgnoreCase);
        }
        return sawKey;
    }

    /// <summary>True for names of checksums (<c>PYTHON_SHA256</c>, <c>sha256</c>, <c>KEY_CHECKSUM</c>).</summary>
    public static bool MayHoldHash(ReadOnlySpan<char> name)
    {
        var hash = s_hashParts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var part in new NameParts(name))
        {
            if (hash.Contains(part)) return true;
        }
        return false;
    }

    /// <summary>
    /// True for names of AWS secret access keys (<c>aws_secret_access_key</c>, <c>AWS_SECRET_ACCESS_KEY</c>,
    /// <c>secretAccessKey</c>), whose 40-character values have a known shape.
    /// </summary>
    public static bool IsAwsSecretAccessKeyName(ReadOnlySpan<char> name)
    {
        // The parts joined without separators, lower-cased, then searched for the three words in a row.
        Span<char> joined = stackalloc char[Math.Min(name.Length, 256)];
        var length = 0;
        foreach (var c in name)
        {
            if (length == joined.Length) break;
            if (char.IsAsciiLetterOrDigit(c)) joined[length++] = char.ToLowerInvariant(c);
        }
        return joined[..length].IndexOf("secretaccesskey", StringComparison.Ordinal) >= 0;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> part, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (part.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

/// <summary>
/// The parts of a name: runs of ASCII letters and digits, also split where camelCase starts a new word
/// (<c>apiKey</c>, <c>APIKey</c>, <c>oauth2Token</c> give two parts each).
/// </summary>
internal ref struct NameParts(ReadOnlySpan<char> name)
{
    private readonly ReadOnlySpan<char> _name = name;
    private int _next;

    public ReadOnlySpan<char> Current { get; private set; }

    public readonly NameParts GetEnumerator() => this;

    public bool MoveNext()
    {
        var s = _name;
        var i = _next;
        while (i < s.Length && !char.IsAsciiLetterOrDigit(s[i])) i++;
        if (i >= s.Length)
        {
            _next = i;
            return false;
        }
        var start = i++;
        while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
        {
            var c = s[i];
            var previous = s[i - 1];
            if (char.IsAsciiLetterUpper(c)
                && (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)
                    || (char.IsAsciiLetterUpper(previous) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]))))
            {
                break;
            }
            i++;
        }
        Current = s[start..i];
        _next = i;
        return true;
    }
}

using System.Collections.Frozen;

namespace Dflint.Context;

/// <summary>
/// Files of a build context that look like secrets, by name and, where names are ambiguous (<c>*.pem</c>,
/// <c>.npmrc</c>), by a marker in their first bytes. Only the kind is ever reported, never the content.
/// </summary>
internal static class SecretFiles
{
    /// <summary>How much of a file content checks read.</summary>
    public const int ContentWindow = 64 * 1024;

    // Folders whose files are test data or samples: their keys and .env files are made up for the purpose.
    private static readonly FrozenSet<string> s_sampleFolders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "test", "tests", "testdata", "__tests__", "fixtures", "__fixtures__", "spec", "example", "examples", "sample", "samples",
    ]);

    // ".env.example" and friends are templates that document the variables without values.
    private static readonly FrozenSet<string> s_templateSuffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "example", "sample", "template", "tmpl", "tpl", "dist", "default", "defaults", "schema", "test", "ci",
    ]);

    private static readonly FrozenSet<string> s_sshKeys = FrozenSet.Create(StringComparer.Ordinal,
    [
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk",
    ]);

    /// <summary>A short description of the secret <paramref name="path"/> seems to hold, or null.</summary>
    /// <param name="path">Clean, relative, <c>/</c>-separated.</param>
    /// <param name="readStart">Reads the first <see cref="ContentWindow"/> bytes of a file (null when unreadable).</param>
    public static string? Classify(string path, Func<string, string?> readStart)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        var folder = slash < 0 ? "" : path[..slash];
        if (IsInSampleFolder(folder)) return null;
        var parent = GoPath.Name(folder.Length == 0 ? "." : folder);

        if (name == ".env") return "an environment file";
        if (name.StartsWith(".env.", StringComparison.Ordinal))
        {
            var suffix = name[5..];
            return s_templateSuffixes.Contains(suffix) || suffix.EndsWith(".example", StringComparison.OrdinalIgnoreCase) ? null : "an environment file";
        }
        if (name == ".envrc") return "a direnv file";
        if (s_sshKeys.Contains(name)) return "an SSH private key";
        switch (name)
        {
            case ".netrc" or "_netrc":
                return "a .netrc with login credentials";
            case ".git-credentials":
                return "stored Git credentials";
            case ".pgpass":
                return "a PostgreSQL password file";
            case ".htpasswd":
                return "password hashes";
            case "credentials" when parent == ".aws":
                return "AWS credentials";
            case ".npmrc" when HasLiteralNpmToken(readStart(path)):
                return "an .npmrc with a registry token";
            case ".yarnrc.yml" when Contains(readStart(path), "npmAuthToken", "npmAuthIdent"):
                return "a .yarnrc.yml with a registry token";
            case ".pypirc" when Contains(readStart(path), "password"):
                return "a .pypirc with a password";
            case "config.json" when parent == ".docker" && Contains(readStart(path), "\"auth\"", "\"identitytoken\""):
                return "Docker registry credentials";
            case "config" when parent == ".kube" && Contains(readStart(path), "client-key-data", "token:"):
                return "a Kubernetes config with credentials";
        }
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".pem" or ".key" when Contains(readStart(path), "PRIVATE KEY"):
                return "a private key";
            case ".ppk":
                return "a PuTTY private key";
            case ".p12" or ".pfx":
                return "a PKCS #12 key store";
            case ".jks" or ".keystore":
                return "a Java key store";
            case ".tfstate":
                return "Terraform state, which holds secrets in plain text";
            case ".json" when LooksLikeKeyFileName(name) && Contains(readStart(path), "\"private_key\""):
                return "a service-account key";
        }
        if (name.EndsWith(".tfstate.backup", StringComparison.OrdinalIgnoreCase)) return "Terraform state, which holds secrets in plain text";
        return null;
    }

    // "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" is the safe form: the token comes from the environment.
    private static bool HasLiteralNpmToken(string? text)
    {
        if (text is null) return false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var equals = line.IndexOf('=');
            if (equals < 0) continue;
            var key = line[..equals];
            if (!key.Contains("_auth", StringComparison.Ordinal) && !key.Contains("_password", StringComparison.Ordinal)) continue;
            var value = line[(equals + 1)..].Trim().Trim('"');
            if (!value.IsEmpty && !value.StartsWith("${", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool IsInSampleFolder(string folder)
    {
        foreach (var range in folder.AsSpan().Split('/'))
        {
            if (s_sampleFolders.Contains(folder[range])) return true;
        }
        return false;
    }

    // Reading every JSON file of a context is too much; key files are usually named for what they are.
    private static bool LooksLikeKeyFileName(string name) =>
        name.Contains("service-account", StringComparison.OrdinalIgnoreCase)
        || name.Contains("serviceaccount", StringComparison.OrdinalIgnoreCase)
        || name.Contains("credentials", StringComparison.OrdinalIgnoreCase)
        || name.Contains("key", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? text, string first, string second) =>
        text is not null && (text.Contains(first, StringComparison.Ordinal) || text.Contains(second, StringComparison.Ordinal));

    private static bool Contains(string? text, string marker) => text is not null && text.Contains(marker, StringComparison.Ordinal);
}

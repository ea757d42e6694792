using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Syntax;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Dflint.Rules;

/// <summary>
/// COPY and ADD of files whose names say they hold secrets (SSH keys, <c>.npmrc</c>, <c>.env</c>, cloud
/// credentials, private keys): a layer keeps a file for good, whatever later steps delete. Copies from the build
/// context are reported in every stage (the build cache keeps intermediate layers); copies from another stage or
/// image only where they reach the final image, since the file was already somewhere in the build.
/// </summary>
public sealed class DF0303SecretFileCopied : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0303", "secret-file-copied", "Secret file copied into an image",
        "'{0}' looks like {1}: {2}",
        RuleCategories.Security, DiagnosticSeverity.Warning);

    private static readonly FrozenSet<string> s_sshPrivateKeys = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity");

    /// <summary>Files of an SSH folder that hold nothing secret.</summary>
    private static readonly FrozenSet<string> s_sshPublicFiles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "known_hosts", "known_hosts2", "config", "ssh_config", "authorized_keys", "authorized_keys2", "environment", "rc");

    private static readonly FrozenDictionary<string, string> s_credentialFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".npmrc"] = "an npm credentials file (.npmrc)",
        [".pypirc"] = "a PyPI credentials file (.pypirc)",
        [".netrc"] = "a .netrc credentials file",
        ["_netrc"] = "a .netrc credentials file",
        [".git-credentials"] = "a Git credentials file",
        [".pgpass"] = "a PostgreSQL password file",
        [".dockercfg"] = "Docker registry credentials",
        [".env"] = "an environment file with secrets",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> s_envTemplates = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ".env.example", ".env.sample", ".env.template", ".env.dist");

    /// <summary>Name parts of PEM files that are certificates (public) rather than keys.</summary>
    private static readonly FrozenSet<string> s_certificateParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "cert", "certs", "certificate", "certificates", "crt", "ca", "cacert", "cacerts", "chain", "fullchain", "bundle",
        "root", "rootca", "intermediate", "public", "pub", "trust", "truststore");

    /// <summary>Name parts that make a <c>.pem</c> or <c>.key</c> a private key whatever else the name says (<c>ca-key.pem</c>).</summary>
    private static readonly FrozenSet<string> s_privateKeyParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "key", "privkey", "private");

    /// <summary>Name parts of <c>.key</c> files that are public signing keys (<c>nodesource.gpg.key</c>).</summary>
    private static readonly FrozenSet<string> s_publicKeyParts = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "pub", "public", "gpg", "pgp", "asc", "signing", "release");

    /// <summary>Folders that hold public signing keys for package managers.</summary>
    private static readonly FrozenSet<string> s_publicKeyFolders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "trusted.gpg.d", "keyrings", "rpm-gpg", "apk-keys");

    /// <summary>Folders of certificates: a <c>.pem</c> copied from or into one is a certificate unless named as a key.</summary>
    private static readonly FrozenSet<string> s_certificateFolders = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "certs", "certificates", "ca-certificates", "anchors", "ca-trust", "cacerts");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterInstructionAction<CopyLikeInstructionSyntax>(c =>
        {
            var instruction = c.Instruction;
            var keyword = instruction is AddInstructionSyntax ? "ADD" : "COPY";
            var stage = c.State.Stage;
            var fromOtherStage = instruction.GetFlag("from") is not null;
            var reachesFinalImage = c.IsOnbuildTrigger || stage is null || ReachesFinalImage(c.Model, stage);
            if (fromOtherStage && !reachesFinalImage) return;

            var destination = instruction.Destination;
            var destinationText = destination.Exists ? Expand(c, destination.ValueText) : null;
            if (destinationText is not null && IsPublicKeyFolder(destinationText)) return;
            var certificateFolder = destinationText is not null && IsInFolder(destinationText, s_certificateFolders);
            var reported = false;
            var hasHeredoc = false;
            foreach (var source in instruction.Sources)
            {
                var raw = source.ValueText;
                if (IsHeredocMarker(raw))
                {
                    hasHeredoc = true;
                    continue;
                }
                if (Expand(c, raw) is not { } path || RemotePath(instruction, path) is not { } local) continue;
                var what = Describe(local, certificateFolder) ?? (destinationText is not null && destinationText.EndsWith('/') ? DescribeInFolder(destinationText, local) : null);
                if (what is null) continue;
                c.Report(Rule, source.Span, path, what, Consequence(keyword, c.IsOnbuildTrigger, fromOtherStage, reachesFinalImage, stage, heredoc: false));
                reported = true;
            }
            if (reported || destinationText is null || destinationText.EndsWith('/')) return;
            // The name the file gets in the image tells too: COPY deploy_key /root/.ssh/id_ed25519, COPY <<EOF /root/.npmrc.
            var named = DescribeDestination(destinationText, certificateFolder);
            if (named is not null) c.Report(Rule, destination.Span, destinationText, named, Consequence(keyword, c.IsOnbuildTrigger, fromOtherStage, reachesFinalImage, stage, hasHeredoc));
        });

    private static string Consequence(string keyword, bool onbuild, bool fromOtherStage, bool reachesFinalImage, Stage? stage, bool heredoc)
    {
        if (onbuild) return $"ONBUILD {keyword} stores it in a layer of every image built from this one; mount it with RUN --mount=type=secret instead";
        if (heredoc) return $"{keyword} writes it into a layer of the image, with any build argument expanded into it; mount it with RUN --mount=type=secret instead";
        if (fromOtherStage) return $"{keyword} --from puts it in a layer of the final image; mount it with RUN --mount=type=secret where it is needed instead";
        return reachesFinalImage || stage is null
            ? $"{keyword} stores it in a layer of the image even if a later step deletes it; mount it with RUN --mount=type=secret instead and list it in .dockerignore"
            : $"{keyword} stores it in a layer of stage '{stage.DisplayName}', which the build cache keeps; mount it with RUN --mount=type=secret instead and list it in .dockerignore";
    }

    private static bool ReachesFinalImage(SemanticModel model, Stage stage)
    {
        for (var s = model.FinalStage; s is not null; s = s.BaseStage)
        {
            if (s == stage) return true;
        }
        return false;
    }

    /// <summary>The path with build arguments expanded, or null when one has no known value.</summary>
    private static string? Expand(InstructionContext<CopyLikeInstructionSyntax> c, string text)
    {
        var result = c.State.Variables.Expand(text, c.Tree.EscapeChar);
        return result.Success && result.Unmatched.IsEmpty ? result.Value : null;
    }

    private static bool IsHeredocMarker(string source)
    {
        var i = 0;
        while (i < source.Length && char.IsAsciiDigit(source[i])) i++;
        return source.AsSpan(i).StartsWith("<<", StringComparison.Ordinal);
    }

    /// <summary>For ADD of a URL, the URL's path; null for Git sources, which are repositories rather than files.</summary>
    private static string? RemotePath(CopyLikeInstructionSyntax instruction, string source)
    {
        if (instruction is not AddInstructionSyntax) return source;
        if (source.StartsWith("git@", StringComparison.Ordinal) || source.Contains(".git#", StringComparison.Ordinal) || source.EndsWith(".git", StringComparison.Ordinal)) return null;
        var scheme = source.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return source;
        var path = source[(scheme + 3)..];
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0) path = path[..end];
        var slash = path.IndexOf('/');
        return slash < 0 ? null : path[slash..];
    }

    private static bool IsPublicKeyFolder(string destination) => IsInFolder(destination, s_publicKeyFolders);

    private static bool IsInFolder(string path, FrozenSet<string> folders)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The last segment of a path not ending in '/' is the file's own name.
        var count = path.EndsWith('/') ? segments.Length : segments.Length - 1;
        for (var i = 0; i < count; i++)
        {
            if (folders.Contains(segments[i])) return true;
        }
        return false;
    }

    /// <summary>What a source path names, by its file name and the folders above it; null when nothing secret.</summary>
    internal static string? Describe(string path, bool certificateFolder)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return null;
        var name = segments[^1];
        var folder = segments.Length > 1 ? segments[^2] : "";
        if (s_sshPrivateKeys.Contains(name)) return "an SSH private key";
        if (name.Equals(".ssh", StringComparison.OrdinalIgnoreCase)) return "an SSH folder with private keys";
        if (name.Equals(".aws", StringComparison.OrdinalIgnoreCase)) return "an AWS credentials folder";
        if (name.Equals(".docker", StringComparison.OrdinalIgnoreCase)) return "a Docker configuration folder with registry credentials";
        if (name.Equals(".kube", StringComparison.OrdinalIgnoreCase)) return "a Kubernetes configuration folder with cluster credentials";
        if (name.Equals(".gnupg", StringComparison.OrdinalIgnoreCase)) return "a GnuPG folder with private keys";
        if (folder.Equals(".ssh", StringComparison.OrdinalIgnoreCase) && !IsPublicSshFile(name)) return "an SSH private key";
        if (folder.Equals(".aws", StringComparison.OrdinalIgnoreCase) && name.Equals("credentials", StringComparison.OrdinalIgnoreCase)) return "an AWS credentials file";
        if (folder.Equals(".docker", StringComparison.OrdinalIgnoreCase) && name.Equals("config.json", StringComparison.OrdinalIgnoreCase)) return "a Docker registry credentials file";
        if (folder.Equals(".kube", StringComparison.OrdinalIgnoreCase) && name.Equals("config", StringComparison.OrdinalIgnoreCase)) return "a Kubernetes credentials file";
        if (name.StartsWith("kubeconfig", StringComparison.OrdinalIgnoreCase)) return "a Kubernetes credentials file";
        if (s_credentialFiles.TryGetValue(name, out var credentials)) return credentials;
        if (name.StartsWith(".env.", StringComparison.OrdinalIgnoreCase) && !s_envTemplates.Contains(name)) return "an environment file with secrets";
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && (name.StartsWith("credentials", StringComparison.OrdinalIgnoreCase) || name.StartsWith("service-account", StringComparison.OrdinalIgnoreCase) || name.StartsWith("service_account", StringComparison.OrdinalIgnoreCase)))
        {
            return "a credentials file";
        }
        var extension = Path.GetExtension(name);
        if (extension.Equals(".p12", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase)) return "a PKCS#12 bundle with a private key";
        if (extension.Equals(".key", StringComparison.OrdinalIgnoreCase) && !HasPart(name, s_publicKeyParts)) return "a private key";
        if (extension.Equals(".pem", StringComparison.OrdinalIgnoreCase)
            && (HasPart(name, s_privateKeyParts) || !(HasPart(name, s_certificateParts) || certificateFolder || IsInFolder(path, s_certificateFolders))))
        {
            return "a PEM file with a private key";
        }
        return null;
    }

    /// <summary>A file copied into a folder: anything but the public files of an SSH folder is a key there.</summary>
    private static string? DescribeInFolder(string destinationFolder, string source)
    {
        var folder = destinationFolder.TrimEnd('/');
        var name = source.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        if (!folder.EndsWith("/.ssh", StringComparison.OrdinalIgnoreCase) && folder != ".ssh") return null;
        return IsPublicSshFile(name) || name.Contains('*', StringComparison.Ordinal) ? null : "an SSH private key";
    }

    /// <summary>What the destination file name says; only names that are themselves secret files count.</summary>
    private static string? DescribeDestination(string destination, bool certificateFolder) =>
        Describe(destination, certificateFolder) is { } what && !IsFolderDescription(destination) ? what : null;

    private static bool IsFolderDescription(string destination)
    {
        var name = destination.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name is ".ssh" or ".aws" or ".docker" or ".kube" or ".gnupg";
    }

    private static bool IsPublicSshFile(string name) =>
        s_sshPublicFiles.Contains(name) || name.EndsWith(".pub", StringComparison.OrdinalIgnoreCase);

    private static bool HasPart(string name, FrozenSet<string> parts)
    {
        var lookup = parts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var part in new NameParts(name))
        {
            if (lookup.Contains(part)) return true;
        }
        return false;
    }
}

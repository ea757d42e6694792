using System.Text;
using Dflint.Rules;

namespace Dflint.Tests.Rules;

/// <summary>The judgements behind DF0300-DF0302: names, values, and the credential scanner's shapes.</summary>
public sealed class SecretScannerTests
{
    [TestCase("GITHUB_TOKEN", true)]
    [TestCase("DB_PASSWORD", true)]
    [TestCase("AWS_SECRET_ACCESS_KEY", true)]
    [TestCase("apiKey", true)]
    [TestCase("api_key", true)]
    [TestCase("passwd", true)]
    [TestCase("AUTH", true)]
    [TestCase("secret_MESSAGE", true)]
    [TestCase("KEY_", true)]
    [TestCase("my__credentials", true)]
    [TestCase("apiToken", false)]
    [TestCase("GPG_KEYS", false)]
    [TestCase("PUBLIC_KEY", false)]
    [TestCase("SIGNING_KEY_FILE", false)]
    [TestCase("TOKEN_VERSION", false)]
    [TestCase("API-KEY", false)]
    [TestCase("MYKEY", false)]
    [TestCase("AUTHOR", false)]
    [TestCase("", false)]
    public void BuildKit_name_judgement(string name, bool secret) => Assert.That(SecretNames.IsBuildKitSecretName(name), Is.EqualTo(secret));

    [TestCase("DB_USER_PASSWORD", "Password")]
    [TestCase("PGPASSWORD", "Password")]
    [TestCase("mysql-pwd", "Password")]
    [TestCase("apiKey", "Token")]
    [TestCase("APIKey", "Token")]
    [TestCase("clientSecret", "Token")]
    [TestCase("oauth2Token", "Token")]
    [TestCase("X-Api-Key", "Token")]
    [TestCase("aws_secret_access_key", "Token")]
    [TestCase("PASSWORD_FILE", "None")]
    [TestCase("TOKEN_URL", "None")]
    [TestCase("AWS_ACCESS_KEY_ID", "None")]
    [TestCase("PUBLIC_KEY", "None")]
    [TestCase("GPG_KEYS", "None")]
    [TestCase("password-stdin", "None")]
    [TestCase("monkey", "None")]
    [TestCase("", "None")]
    public void Broad_name_judgement(string name, string kind) => Assert.That(SecretNames.Classify(name).ToString(), Is.EqualTo(kind));

    [TestCase("changeme")]
    [TestCase("<your-token>")]
    [TestCase("your-token-here")]
    [TestCase("xxxxxxxx")]
    [TestCase("****")]
    [TestCase("{{ .Token }}")]
    [TestCase("%s")]
    [TestCase("AKIAIOSFODNN7EXAMPLE")]
    [TestCase("dummy-secret")]
    [TestCase("00000000")]
    public void Placeholders(string value) => Assert.That(SecretValues.IsPlaceholder(value), Is.True);

    [TestCase("hunter22")]
    [TestCase("ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr")]
    [TestCase("")]
    public void Not_placeholders(string value) => Assert.That(SecretValues.IsPlaceholder(value), Is.False);

    [TestCase("9fK2mQ7xLp4vR8tZ3wYbN6cD", true)]
    [TestCase("673bd4755d05ad7853c1f76eb97706ca", true)]
    [TestCase("123e4567-e89b-12d3-a456-426614174000", true)]
    [TestCase("my-service-account-name", false)]
    [TestCase("short1A", false)]
    [TestCase("aaaaaaaaaaaaaaaaaaaa1", false)]
    [TestCase("/run/secrets/api_token1", false)]
    [TestCase("https://auth.acme.io/v2", false)]
    [TestCase("has space 1234567890abc", false)]
    public void Machine_made_tokens(string value, bool token) => Assert.That(SecretValues.LooksLikeToken(value), Is.EqualTo(token));

    [TestCase("GPG_KEY", "A035C8C19219BA821ECEA86B64E628F8D684696D", true)]
    [TestCase("key", "B42F6819007F00F88E364FD4036A9C25BF357DD4", true)]
    [TestCase("API_KEY", "B42F6819007F00F88E364FD4036A9C25BF357DD4", false)]
    [TestCase("OPENSSL_PGP_KEY_IDS", "0xBA5473A2B0587B07FB27CF2D216094DFD0CB81EF 0x8657ABB260F056B1E5190839D9C4D26D0E604491", true)]
    [TestCase("key", "EB4C 1BFD 4F04 2F6D DDCC  EC91 7721 F63B D38B 4796", true)]
    [TestCase("key", "EB4C 1BFD 4F04 2F6D", false)]
    [TestCase("KEY_SHA256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [TestCase("SECRET_KEY_BASE", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", false)]
    [TestCase("SSH_AUTH_SOCK", "/run/host-services/ssh-auth.sock", true)]
    [TestCase("AUTH_URL", "https://login.acme.io/authorize", true)]
    [TestCase("DATABASE_URL", "postgres://app:Pg4ppPassw0rd@db/app", false)]
    [TestCase("TOKEN_TTL", "3600", true)]
    [TestCase("DB_PASSWORD", "123456", false)]
    [TestCase("MYSQL_ALLOW_EMPTY_PASSWORD", "yes", true)]
    public void Visibly_public_values(string name, string value, bool isPublic) =>
        Assert.That(SecretValues.IsVisiblyPublic(name, value, SecretNames.Classify(name)), Is.EqualTo(isPublic));

    [TestCase("x AKIAK054NZDKYAYQ3S19 y", "an AWS access key ID", "AKIAK054NZDKYAYQ3S19")]
    [TestCase("TOKEN=ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr", "a GitHub token", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr")]
    [TestCase("\"glpat-qipVJIqVLB5LzxoiGFfW\"", "a GitLab token", "glpat-qipVJIqVLB5LzxoiGFfW")]
    [TestCase("xoxb-012269166978-4801845146270-9U4UqGWlG6g3Ot1OGMmjxWkI", "a Slack token", "xoxb-012269166978-4801845146270-9U4UqGWlG6g3Ot1OGMmjxWkI")]
    [TestCase("--key sk_live_9X7H6aMuFbh7x41Ztpdp4K8f", "a Stripe live key", "sk_live_9X7H6aMuFbh7x41Ztpdp4K8f")]
    [TestCase("npm_fUF0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5", "an npm token", "npm_fUF0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5")]
    [TestCase("key=AIza8F80ymm3T207gmhZRnFyy5r2xJ7Fj4mgblE&q=x", "a Google API key", "AIza8F80ymm3T207gmhZRnFyy5r2xJ7Fj4mgblE")]
    [TestCase("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.gFp6r7O425u85HFJ_EJ4jKEIQ end", "a JSON web token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.gFp6r7O425u85HFJ_EJ4jKEIQ")]
    [TestCase("https://ci:PipPassw0rd@pypi.acme.io/simple/", "a password in a URL", "PipPassw0rd")]
    [TestCase("redis://:R3disPass@cache:6379", "a password in a URL", "R3disPass")]
    [TestCase("https://x:ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr@github.com", "a GitHub token", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr")]
    [TestCase("-H 'Authorization: Bearer abcDEF123456ghi'", "a credential in an HTTP header", "abcDEF123456ghi")]
    [TestCase("authorization:Basic Y2k6QzFQYXNzd29yZA==", "a credential in an HTTP header", "Y2k6QzFQYXNzd29yZA==")]
    [TestCase("X-Vault-Token: hvs.CAESIJ4x7Q", "a credential in an HTTP header", "hvs.CAESIJ4x7Q")]
    [TestCase("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJjsn4Bu2WLqoAoGCCqGSM49\n-----END EC PRIVATE KEY-----", "a private key", "MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oJjsn4Bu2WLqoAoGCCqGSM49\n")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\nhQIMA8IW5C8mBs9HAQ/+PNB6o2IXxBSqY7Z+aMYvDHA2j1RbL0G7\n-----END RSA PRIVATE KEY-----", "a private key", "hQIMA8IW5C8mBs9HAQ/+PNB6o2IXxBSqY7Z+aMYvDHA2j1RbL0G7\n")]
    [TestCase("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0Tq1kBCADJzAEwkL9hO0K5mT7kZmW0mJxQ8X4Sxkq0\n", "a private key", "lQOYBF0Tq1kBCADJzAEwkL9hO0K5mT7kZmW0mJxQ8X4Sxkq0\n")]
    public void Shapes_are_found_with_their_secret(string text, string kind, string secret)
    {
        var matches = new List<SecretMatch>();
        new CredentialScanner().ScanFormats(text, matches);

        Assert.That(matches, Has.Count.EqualTo(1));
        Assert.That(matches[0].Kind, Is.EqualTo(kind));
        Assert.That(text[matches[0].SecretStart..matches[0].SecretEnd], Is.EqualTo(secret));
    }

    [TestCase("AKIAIOSFODNN7EXAMPLE")]
    [TestCase("AKIAK054NZDKYAYQ3S19X")]
    [TestCase("xAKIAK054NZDKYAYQ3S19")]
    [TestCase("ghp_short")]
    [TestCase("https://x-access-token:${GITHUB_TOKEN}@github.com/acme/web.git")]
    [TestCase("https://ci:@host/ https://user@host/")]
    [TestCase("Authorization: Bearer $TOKEN")]
    [TestCase("Authorization: token $(cat /run/secrets/gh)")]
    [TestCase("authorization: required for all endpoints")]
    [TestCase("grep -q -- \"-----BEGIN PRIVATE KEY-----\" /run/secrets/tls_key")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----")]
    [TestCase("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl ci@acme.io")]
    [TestCase("echo \"$sha256 *go.tgz\" | sha256sum -c -; gpg --recv-keys A035C8C19219BA821ECEA86B64E628F8D684696D")]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.")]
    public void Not_credentials(string text) => Assert.That(new CredentialScanner().ContainsFormat(text), Is.False);

    [TestCase("password = hunter22", false, "hunter22")]
    [TestCase("  export API_TOKEN='9fK2mQ7xLp4vR8tZ3wYbN6cD'", false, "9fK2mQ7xLp4vR8tZ3wYbN6cD")]
    [TestCase("\"client_secret\": \"9fK2mQ7xLp4vR8tZ3wYbN6cD\",", false, "9fK2mQ7xLp4vR8tZ3wYbN6cD")]
    [TestCase("//npm.acme.io/:_authToken=0f8e7d6c5b4a39281706", false, "0f8e7d6c5b4a39281706")]
    [TestCase("_auth = Y2k6QzFQYXNzd29yZA==", false, "Y2k6QzFQYXNzd29yZA==")]
    [TestCase("machine git.acme.io login ci password N3trcPassw0rd", true, "N3trcPassw0rd")]
    public void Configuration_lines(string text, bool netrc, string secret)
    {
        var matches = new List<SecretMatch>();
        new CredentialScanner().ScanConfigText(text, netrc, escapedNewlines: false, matches);

        Assert.That(matches.Select(m => text[m.SecretStart..m.SecretEnd]), Is.EqualTo(new[] { secret }));
    }

    [TestCase("password = ${PYPI_TOKEN}")]
    [TestCase("//registry.npmjs.org/:_authToken=${NPM_TOKEN}")]
    [TestCase("password_file: /run/secrets/db")]
    [TestCase("token: <your-api-token>")]
    [TestCase("# password = hunter22")]
    [TestCase("api_key: 12")]
    [TestCase("SESSION_SECRET=not-random-enough")]
    public void Configuration_lines_without_credentials(string text)
    {
        var matches = new List<SecretMatch>();
        new CredentialScanner().ScanConfigText(text, netrc: false, escapedNewlines: false, matches);

        Assert.That(matches, Is.Empty);
    }

    /// <summary>
    /// Inputs built to make a naive matcher backtrack or rescan: long runs of near-matches of every shape. The
    /// scanner's own count of character visits must stay within a constant factor of the input's length, so the
    /// work is linear whatever the machine's speed (no clock involved).
    /// </summary>
    public static IEnumerable<TestCaseData> Adversarial()
    {
        const int size = 1 << 20;
        static TestCaseData Repeat(string name, string unit) => new TestCaseData(Repeated(unit, size)).SetName("Linear_" + name);

        yield return Repeat("AkiaRepeated", "AKIA");
        yield return Repeat("AkiaSpaced", "AKIA ");
        yield return Repeat("AkiaAlmost", "AKIAK054NZDKYAYQ3S1 ");
        yield return Repeat("EyjRepeated", "eyJ");
        yield return Repeat("EyjDotted", "eyJ.");
        yield return Repeat("JwtAlmost", "eyJhbGciOiJI.eyJzdWIiOiIx.");
        yield return Repeat("BeginRepeated", "-----BEGIN");
        yield return Repeat("BeginSpaced", "-----BEGIN ");
        yield return Repeat("KeyHeaders", "-----BEGIN RSA PRIVATE KEY-----");
        yield return Repeat("KeyHeaderLines", "-----BEGIN RSA PRIVATE KEY-----\n");
        yield return Repeat("KeyHeaderColons", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4\n");
        yield return Repeat("KeyAlmostMaterial", "-----BEGIN RSA PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!\n");
        yield return new TestCaseData("-----BEGIN RSA PRIVATE KEY-----\n" + Repeated("A", size)).SetName("Linear_KeyWithoutEnd");
        yield return Repeat("KeysWithoutEnd", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAzU3iQOpMN0PZLqy1WwMZaMKA3P744B8vkKQlENCzsdfF8j61\n");
        yield return Repeat("ColonA", "a:");
        yield return Repeat("ColonAt", "a:@");
        yield return new TestCaseData("https://" + Repeated("a:", size)).SetName("Linear_UrlUserinfoWithoutAt");
        yield return Repeat("SchemeColon", "https://a:");
        yield return Repeat("SchemeNoAt", "x://a:b");
        yield return Repeat("SchemeSlashes", "://");
        yield return Repeat("UrlPlaceholders", "https://a:xxx@h/");
        yield return new TestCaseData(Repeated("a", 100_000)).SetName("Linear_LongWord");
        yield return new TestCaseData("ghp_" + Repeated("a", 100_000)).SetName("Linear_LongTokenWord");
        yield return new TestCaseData(Repeated("-", size)).SetName("Linear_Dashes");
        yield return Repeat("AuthorizationRepeated", "Authorization: ");
        yield return Repeat("AuthorizationScheme", "Authorization: Bearer ");
        yield return new TestCaseData("Authorization:" + Repeated(" ", size)).SetName("Linear_AuthorizationBlanks");
        yield return Repeat("HeaderNames", "X-Api-Token:");
        yield return Repeat("MachineWords", "machine ");
        yield return Repeat("PasswordWords", "password ");
        yield return Repeat("PasswordAssignments", "password=");
        yield return Repeat("EscapedNewlines", "\\n");
        yield return Repeat("NpmKeys", "//r/:_authToken=");
    }

    [TestCaseSource(nameof(Adversarial))]
    public void Scanning_is_linear(string text)
    {
        const int factor = 8;
        var scanner = new CredentialScanner();
        scanner.ScanFormats(text, []);
        var afterFormats = scanner.Steps;
        scanner.ScanConfigText(text, scanner.LooksLikeNetrc(text), escapedNewlines: true, []);
        scanner.ScanConfigText(text, netrc: false, escapedNewlines: false, []);

        Assert.That(afterFormats, Is.LessThanOrEqualTo(factor * (long)text.Length), "format scan");
        Assert.That(scanner.Steps, Is.LessThanOrEqualTo(3 * factor * (long)text.Length), "all scans");
    }

    [Test]
    public void Judging_a_huge_assignment_is_linear()
    {
        // Without x and k, so that no placeholder fragment (xxx, fake) turns up by chance in a megabyte.
        const string alphabet = "abcdefghijlmnopqrstuvwyzABCDEFGHIJLMNOPQRSTUVWYZ0123456789";
        var random = new Random(7);
        var value = string.Create(1 << 20, random, (chars, r) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[r.Next(alphabet.Length)];
        });
        var scanner = new CredentialScanner();

        Assert.That(scanner.JudgeAssignment("API_TOKEN", value), Is.EqualTo("a secret"));
        Assert.That(scanner.IsLiteralPassword(value), Is.True);
        Assert.That(scanner.Steps, Is.LessThanOrEqualTo(8L * value.Length));
    }

    internal static string Repeated(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length) builder.Append(unit);
        return builder.ToString();
    }

    [TestCase("id_rsa", "an SSH private key")]
    [TestCase("home/.ssh/deploy", "an SSH private key")]
    [TestCase("home/.ssh/known_hosts", null)]
    [TestCase(".aws/credentials", "an AWS credentials file")]
    [TestCase(".env.production", "an environment file with secrets")]
    [TestCase(".env.example", null)]
    [TestCase("tls/server.pem", "a PEM file with a private key")]
    [TestCase("certs/server.pem", null)]
    [TestCase("ca-key.pem", "a PEM file with a private key")]
    [TestCase("fullchain.pem", null)]
    [TestCase("nodesource.gpg.key", null)]
    [TestCase("config/credentials-prod.json", "a credentials file")]
    [TestCase("package.json", null)]
    public void Secret_file_names(string path, string? what) => Assert.That(DF0303SecretFileCopied.Describe(path, certificateFolder: false), Is.EqualTo(what));
}

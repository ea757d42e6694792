using Dflint.Analysis;
using Dflint.Syntax;
using Dflint.Syntax.Grammars;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Dflint.Rules;

/// <summary>
/// ARG and ENV whose names say they hold a secret (BuildKit's <c>SecretsUsedInArgOrEnv</c> judgement). Two
/// rules, because the value decides how bad it is: DF0300 (warning) when the secret comes from outside (no value,
/// a <c>${VAR}</c>, a placeholder), since it still lands in the image's metadata or build history; DF0301 (error)
/// when the Dockerfile itself holds a literal secret. Values that are visibly not secret (paths, URLs without
/// credentials, switches, numbers, GPG fingerprints, checksums) raise neither.
/// </summary>
public sealed class DF0300SecretInArgOrEnv : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0300", "secret-in-arg-or-env", "Secret passed through ARG or ENV",
        "{0} '{1}' looks like a secret: {2}; pass it with RUN --mount=type=secret instead",
        RuleCategories.Security, DiagnosticSeverity.Warning, aliases: ["SecretsUsedInArgOrEnv"]);

    public static readonly RuleDescriptor LiteralRule = new(
        "DF0301", "literal-secret-in-arg-or-env", "Literal secret in ARG or ENV",
        "{0} '{1}' is set to a literal secret '{2}': {3}; revoke it and pass it with RUN --mount=type=secret instead",
        RuleCategories.Security, DiagnosticSeverity.Error);

    private const string EnvConsequence = "ENV values are stored in the image's configuration, readable by anyone who can pull it";
    private const string ArgConsequence = "ARG values are recorded in the image's build history by every RUN that follows";
    private const string GlobalArgConsequence = "the Dockerfile holds it, and every stage that declares the ARG records it in the image's build history";

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule, LiteralRule];

    public override bool MarksSensitive => true;

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterInstructionAction<EnvInstructionSyntax>(c =>
        {
            foreach (var pair in c.Instruction.Pairs) Check(c, "ENV", pair.KeyToken, pair.ValueToken, EnvConsequence, isGlobal: false);
        });
        context.RegisterInstructionAction<ArgInstructionSyntax>(c =>
        {
            // BuildKit checks the ARGs of stages only: a global ARG reaches an image only through a stage's ARG.
            var isGlobal = c.State.IsGlobal && !c.IsOnbuildTrigger;
            foreach (var declaration in c.Instruction.Declarations)
            {
                var value = declaration.EqualsToken.Exists ? declaration.ValueToken : default;
                Check(c, "ARG", declaration.NameToken, value, isGlobal ? GlobalArgConsequence : ArgConsequence, isGlobal);
            }
        });
    }

    private static void Check(RuleContext c, string keyword, SyntaxToken nameToken, SyntaxToken valueToken, string consequence, bool isGlobal)
    {
        var name = nameToken.ValueText;
        if (!SecretNames.IsBuildKitSecretName(name)) return;
        if (LiteralValue(valueToken, c.Tree.EscapeChar) is { } literal)
        {
            var kind = SecretNames.Classify(name);
            if (SecretValues.IsVisiblyPublic(name, literal, kind)) return;
            if (IsLiteralSecret(literal, kind))
            {
                var span = ValueSpan(valueToken);
                c.MarkSensitive(span);
                c.Report(LiteralRule, span, keyword, name, Redaction.Redact(literal.Trim()), consequence);
                return;
            }
        }
        if (!isGlobal) c.Report(Rule, nameToken.Span, keyword, name, consequence);
    }

    /// <summary>The value after quote removal when it is written out in full (no variable in it and not empty), else null.</summary>
    internal static string? LiteralValue(SyntaxToken valueToken, char escapeChar)
    {
        if (!valueToken.Exists || valueToken.Span.IsEmpty) return null;
        var raw = valueToken.ValueText;
        if (!ShellWordProcessor.FindVariableReferences(raw, escapeChar).IsEmpty) return null;
        var result = new ShellWordProcessor(escapeChar).ProcessWord(raw, static _ => null);
        return result.Success && !string.IsNullOrWhiteSpace(result.Value) ? result.Value : null;
    }

    /// <summary>The value's span without the quotes around it, so that redaction shows the secret's first characters.</summary>
    internal static TextSpan ValueSpan(SyntaxToken valueToken)
    {
        var text = valueToken.Text;
        var span = valueToken.Span;
        return text.Length >= 2 && text[0] is '"' or '\'' && text[^1] == text[0] ? new TextSpan(span.Start + 1, span.Length - 2) : span;
    }

    /// <summary>
    /// A literal that is a credential rather than a stand-in or a setting: a known token shape or URL credentials,
    /// any password of a few characters, or a machine-made token (<see cref="SecretValues.LooksLikeToken"/>).
    /// </summary>
    private static bool IsLiteralSecret(string literal, SecretNameKind kind)
    {
        var value = literal.AsSpan().Trim();
        if (SecretValues.IsPlaceholder(value)) return false;
        if (new CredentialScanner().ContainsFormat(literal)) return true;
        if (SecretValues.IsUrl(value, out var hasCredentials)) return hasCredentials;
        if (kind == SecretNameKind.Password) return value.Length >= SecretValues.MinPasswordLength;
        return SecretValues.LooksLikeToken(value) || CredentialScanner.IsAwsSecretKeyShape(value);
    }
}

using System.Collections.Frozen;
using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Dflint.Rules;

/// <summary>
/// Credentials written into the Dockerfile: known token shapes anywhere in the file, and literal values in the
/// places that take credentials (login passwords, <c>curl -u</c>, secret-named assignments and options,
/// <c>.npmrc</c>, <c>.pypirc</c> and <c>.netrc</c> lines written by heredocs or echo). Every value found is marked
/// sensitive, so no output shows it in full.
/// </summary>
public sealed class DF0302HardcodedCredential : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0302", "hardcoded-credential", "Credential written in the Dockerfile",
        "{0} is hardcoded in the Dockerfile ('{1}'): revoke it and pass it at build time with RUN --mount=type=secret",
        RuleCategories.Security, DiagnosticSeverity.Error);

    /// <summary>Commands with a <c>login</c> subcommand whose <c>-p</c> is the password.</summary>
    private static readonly FrozenSet<string> s_registryClients = FrozenSet.Create(StringComparer.Ordinal,
        "docker", "podman", "buildah", "skopeo", "nerdctl", "finch", "oras", "helm", "crane", "regctl");

    /// <summary>Commands whose <c>-pPASSWORD</c> (attached) or <c>-p PASSWORD</c> is a password.</summary>
    private static readonly FrozenSet<string> s_attachedPasswordCommands = FrozenSet.Create(StringComparer.Ordinal,
        "mysql", "mysqladmin", "mysqldump", "mysqlimport", "mysqlshow", "mariadb", "mariadb-admin", "mariadb-dump");

    private static readonly FrozenSet<string> s_assignmentBuiltins = FrozenSet.Create(StringComparer.Ordinal,
        "export", "declare", "typeset", "local", "readonly", "env");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override bool MarksSensitive => true;

    public override void Initialize(AnalysisContext context)
    {
        context.RegisterFileAction(c =>
        {
            var text = c.Text.ToString();
            var matches = new List<SecretMatch>();
            new CredentialScanner().ScanFormats(text, matches);
            foreach (var match in matches) Report(c, match, text, 0);
        });
        context.RegisterInstructionAction<EnvInstructionSyntax>(c => CheckPairs(c, c.Instruction.Pairs, isArgOrEnv: true));
        context.RegisterInstructionAction<LabelInstructionSyntax>(c => CheckPairs(c, c.Instruction.Pairs, isArgOrEnv: false));
        context.RegisterInstructionAction<ArgInstructionSyntax>(c =>
        {
            var scanner = new CredentialScanner();
            foreach (var declaration in c.Instruction.Declarations)
            {
                if (declaration.EqualsToken.Exists) CheckValue(c, scanner, declaration.Name, declaration.ValueToken, isArgOrEnv: true);
            }
        });
        context.RegisterShellCommandAction(CheckCommand);
        context.RegisterRunAction(c =>
        {
            foreach (var heredoc in c.Instruction.Heredocs)
            {
                if (!IsScript(c.Scripts, heredoc)) CheckHeredoc(c, heredoc, destination: null);
            }
        });
        context.RegisterInstructionAction<CopyLikeInstructionSyntax>(c =>
        {
            var destination = c.Instruction.Destination.Exists ? c.Instruction.Destination.ValueText : null;
            foreach (var heredoc in c.Instruction.Heredocs) CheckHeredoc(c, heredoc, destination);
        });
    }

    private static void CheckPairs(RuleContext c, SyntaxList<KeyValuePairSyntax> pairs, bool isArgOrEnv)
    {
        var scanner = new CredentialScanner();
        foreach (var pair in pairs) CheckValue(c, scanner, pair.Key, pair.ValueToken, isArgOrEnv);
    }

    /// <summary>
    /// A literal ARG, ENV or LABEL value. Names BuildKit calls secret are DF0301's: only the AWS secret key shape
    /// is reported for them here (token shapes are reported by the file scan).
    /// </summary>
    private static void CheckValue(RuleContext c, CredentialScanner scanner, string name, SyntaxToken valueToken, bool isArgOrEnv)
    {
        if (DF0300SecretInArgOrEnv.LiteralValue(valueToken, c.Tree.EscapeChar) is not { } literal) return;
        string? kind;
        if (isArgOrEnv && SecretNames.IsBuildKitSecretName(name))
        {
            var value = literal.AsSpan().Trim();
            kind = SecretNames.IsAwsSecretAccessKeyName(name) && CredentialScanner.IsAwsSecretKeyShape(value) && !SecretValues.IsPlaceholder(value)
                ? "an AWS secret access key"
                : null;
        }
        else
        {
            kind = scanner.JudgeAssignment(name, literal);
        }
        if (kind is null) return;
        var span = DF0300SecretInArgOrEnv.ValueSpan(valueToken);
        c.MarkSensitive(span);
        c.Report(Rule, span, kind, Redaction.Redact(literal.Trim()));
    }

    private static void CheckCommand(ShellCommandContext c)
    {
        var command = c.Command;
        var scanner = new CredentialScanner();
        foreach (var assignment in command.Assignments)
        {
            var value = assignment.Value;
            if (value.IsLiteral) CheckWordPart(c, scanner.JudgeAssignment(assignment.Name, value.Value), value, 0, value.Value.Length);
        }

        var words = command.Words;
        if (words.Length < 2) return;
        var name = command.BaseName;
        var isLogin = s_registryClients.Contains(name) && IsLogin(words);
        var takesAttachedPassword = s_attachedPasswordCommands.Contains(name);
        var isCurl = name == "curl";
        var isEcho = name is "echo" or "printf";
        var npmKey = NpmConfigKeyIndex(command);
        var optionsEnded = false;
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            var value = word.Value;
            if (!optionsEnded && value == "--")
            {
                optionsEnded = true;
                continue;
            }
            if (!optionsEnded && value.Length > 2 && value.StartsWith("--", StringComparison.Ordinal))
            {
                i += CheckLongOption(c, scanner, words, i, isCurl);
                continue;
            }
            if (!optionsEnded && value.Length >= 2 && value[0] == '-')
            {
                if (((isLogin || name == "sshpass") && value == "-p") || (isCurl && value is "-u" or "-U"))
                {
                    if (i + 1 < words.Length) CheckSlot(c, scanner, words[i + 1], 0, isCurl ? SlotKind.UserPassword : SlotKind.Password);
                    i++;
                }
                else if ((isLogin || takesAttachedPassword || name == "sshpass") && value.Length > 2 && value[1] == 'p')
                {
                    CheckSlot(c, scanner, word, 2, SlotKind.Password);
                }
                else if (isCurl && value.Length > 2 && value[1] is 'u' or 'U')
                {
                    CheckSlot(c, scanner, word, 2, SlotKind.UserPassword);
                }
                continue;
            }
            if (i == npmKey)
            {
                i += CheckNpmConfig(c, scanner, words, i);
            }
            else if (isEcho)
            {
                CheckText(c, scanner, word);
            }
            else
            {
                CheckNameValue(c, scanner, word, 0, s_assignmentBuiltins.Contains(name));
            }
        }
    }

    /// <summary>
    /// <c>--password VALUE</c>, <c>--api-key=VALUE</c> and other options named like a secret; curl's <c>--user</c>;
    /// <c>--set name.password=VALUE</c> and <c>--build-arg TOKEN=VALUE</c> style values. Returns how many following
    /// words the option took.
    /// </summary>
    private static int CheckLongOption(ShellCommandContext c, CredentialScanner scanner, ImmutableArray<ShellWord> words, int index, bool isCurl)
    {
        var word = words[index];
        var value = word.Value;
        var equals = value.IndexOf('=');
        var optionName = equals < 0 ? value.AsSpan(2) : value.AsSpan(2, equals - 2);
        var next = index + 1 < words.Length && !words[index + 1].Value.StartsWith('-') ? words[index + 1] : null;
        if (isCurl && optionName is "user" or "proxy-user")
        {
            if (equals >= 0) CheckSlot(c, scanner, word, equals + 1, SlotKind.UserPassword);
            else if (next is not null) CheckSlot(c, scanner, next, 0, SlotKind.UserPassword);
            return equals < 0 && next is not null ? 1 : 0;
        }
        if (SecretNames.Classify(optionName) != SecretNameKind.None)
        {
            if (equals >= 0)
            {
                var part = value[(equals + 1)..];
                if (IsLiteralPart(word, part)) CheckWordPart(c, scanner.JudgeAssignment(optionName, part), word, equals + 1, part.Length);
                return 0;
            }
            if (next is null) return 0;
            if (next.IsLiteral) CheckWordPart(c, scanner.JudgeAssignment(optionName, next.Value), next, 0, next.Value.Length);
            return 1;
        }
        if (equals >= 0)
        {
            CheckNameValue(c, scanner, word, equals + 1, isAssignmentBuiltin: false);
            return 0;
        }
        if (next is null || next.Value.IndexOf('=') <= 0) return 0;
        CheckNameValue(c, scanner, next, 0, isAssignmentBuiltin: false);
        return 1;
    }

    /// <summary>
    /// <c>NAME=VALUE</c> at <paramref name="start"/> in a word (an argument of <c>export</c> or <c>env</c>, a
    /// <c>make</c> variable, a <c>--build-arg</c>, a Helm <c>--set</c>), judged by the name.
    /// </summary>
    private static void CheckNameValue(ShellCommandContext c, CredentialScanner scanner, ShellWord word, int start, bool isAssignmentBuiltin)
    {
        var value = word.Value;
        var equals = value.IndexOf('=', start);
        if (equals <= start || !IsAssignmentName(value.AsSpan(start, equals - start), isAssignmentBuiltin)) return;
        var part = value[(equals + 1)..];
        if (!IsLiteralPart(word, part)) return;
        CheckWordPart(c, scanner.JudgeAssignment(value.AsSpan(start, equals - start), part), word, equals + 1, part.Length);
    }

    /// <summary>Variable and property names: letters, digits, <c>_</c>, <c>.</c> and <c>-</c>, not starting with a digit.</summary>
    private static bool IsAssignmentName(ReadOnlySpan<char> name, bool isAssignmentBuiltin)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]) || name[0] is '-' or '.') return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-')) return false;
            if (isAssignmentBuiltin && c is '.' or '-') return false;
        }
        return true;
    }

    private enum SlotKind
    {
        Password,
        UserPassword,
    }

    /// <summary>A word (from <paramref name="start"/>) that can only be a password, or <c>user:password</c>.</summary>
    private static void CheckSlot(ShellCommandContext c, CredentialScanner scanner, ShellWord word, int start, SlotKind kind)
    {
        var value = word.Value;
        if (start >= value.Length) return;
        if (kind == SlotKind.UserPassword)
        {
            var colon = value.IndexOf(':', start);
            if (colon < 0) return;
            start = colon + 1;
        }
        var password = value[start..];
        if (!IsLiteralPart(word, password) || !scanner.IsLiteralPassword(password)) return;
        var described = kind == SlotKind.UserPassword ? "a password in curl's user:password" : $"a password for {c.Command.BaseName}";
        CheckWordPart(c, described, word, start, password.Length);
    }

    /// <summary><c>npm config set KEY VALUE</c> (or <c>KEY=VALUE</c>), for npm, Yarn and pnpm's credential keys; returns the words consumed.</summary>
    private static int CheckNpmConfig(ShellCommandContext c, CredentialScanner scanner, ImmutableArray<ShellWord> words, int keyIndex)
    {
        var key = words[keyIndex];
        var equals = key.Value.IndexOf('=');
        if (equals > 0)
        {
            if (!CredentialScanner.IsNpmAuthKey(key.Value.AsSpan(0, equals))) return 0;
            var part = key.Value[(equals + 1)..];
            if (IsLiteralPart(key, part) && scanner.IsLiteralPassword(part)) CheckWordPart(c, "an npm registry credential", key, equals + 1, part.Length);
            return 0;
        }
        if (keyIndex + 1 >= words.Length || !CredentialScanner.IsNpmAuthKey(key.Value)) return 0;
        var valueWord = words[keyIndex + 1];
        if (valueWord.IsLiteral && scanner.IsLiteralPassword(valueWord.Value)) CheckWordPart(c, "an npm registry credential", valueWord, 0, valueWord.Value.Length);
        return 1;
    }

    /// <summary>The index of the key word in <c>npm config set KEY</c>, <c>npm set KEY</c>, <c>yarn config set KEY</c>; -1 otherwise.</summary>
    private static int NpmConfigKeyIndex(ShellCommand command)
    {
        if (command.BaseName is not ("npm" or "yarn" or "pnpm")) return -1;
        var words = command.Words;
        var i = 1;
        while (i < words.Length && words[i].Value.StartsWith('-')) i++;
        if (i < words.Length && words[i].Value == "config") i++;
        if (i >= words.Length || words[i].Value != "set") return -1;
        i++;
        while (i < words.Length && words[i].Value.StartsWith('-')) i++;
        return i < words.Length ? i : -1;
    }

    /// <summary>An <c>echo</c> or <c>printf</c> argument read as configuration lines (<c>password = ...</c>, <c>.netrc</c> entries).</summary>
    private static void CheckText(ShellCommandContext c, CredentialScanner scanner, ShellWord word)
    {
        if (word.HasExpansion || word.Value.IndexOfAny(['=', ':', ' ']) < 0) return;
        var matches = new List<SecretMatch>();
        scanner.ScanConfigText(word.Value, scanner.LooksLikeNetrc(word.Value), escapedNewlines: true, matches);
        foreach (var match in matches) CheckWordPart(c, match.Kind, word, match.SecretStart, match.SecretEnd - match.SecretStart);
    }

    /// <summary>Reports <c>word.Value[start..start+length)</c> when <paramref name="kind"/> says it is a credential.</summary>
    private static void CheckWordPart(ShellCommandContext c, string? kind, ShellWord word, int start, int length)
    {
        if (kind is null || length == 0) return;
        var span = PartSpan(word, start, length);
        c.MarkSensitive(span);
        c.Report(Rule, span, kind, Redaction.Redact(word.Value.Substring(start, length).Trim()));
    }

    /// <summary>
    /// The file span of a part of a word's value. Exact when the word is written as its value, wholly quoted, or
    /// quoted only after the part's start (<c>--password="..."</c>); otherwise the whole word, so that redaction
    /// errs on hiding more.
    /// </summary>
    internal static TextSpan PartSpan(ShellWord word, int start, int length)
    {
        var text = word.Text;
        var value = word.Value;
        if (text == value) return word.Source.ToFileSpan(word.LogicalStart + start, length);
        if (text.Length == value.Length + 2 && text[^1] is '"' or '\'')
        {
            var quote = text[^1];
            var opening = text.IndexOf(quote);
            if (opening <= start && string.CompareOrdinal(text, 0, value, 0, opening) == 0
                && string.CompareOrdinal(text, opening + 1, value, opening, value.Length - opening) == 0)
            {
                return word.Source.ToFileSpan(word.LogicalStart + start + 1, length);
            }
        }
        return word.Span;
    }

    /// <summary>True when <paramref name="part"/> of the word is what the command receives (no expansion in it).</summary>
    private static bool IsLiteralPart(ShellWord word, string part) =>
        !word.HasExpansion || (part.IndexOf('$') < 0 && part.IndexOf('`') < 0);

    /// <summary>
    /// <c>docker login</c>, <c>helm registry login</c>, <c>crane auth login</c>: <c>login</c> is the subcommand (the
    /// first word that is not an option, or the second after <c>registry</c> or <c>auth</c>), not an argument of
    /// another one (<c>docker run -p 80:80 image login</c>).
    /// </summary>
    private static bool IsLogin(ImmutableArray<ShellWord> words)
    {
        var i = 1;
        while (i < words.Length && words[i].Value.StartsWith('-')) i++;
        if (i < words.Length && words[i].Value is "registry" or "auth") i++;
        return i < words.Length && words[i].Value == "login";
    }

    /// <summary>True when the shell runs the heredoc's body (its commands are checked one by one instead).</summary>
    private static bool IsScript(ImmutableArray<ShellScript> scripts, HeredocSyntax heredoc)
    {
        foreach (var script in scripts)
        {
            if (script.Source.Kind == ShellSourceKind.HeredocBody && script.Source.Text.FileSpan.OverlapsWith(heredoc.Body.Span)) return true;
        }
        return false;
    }

    /// <summary>A heredoc written to a file: its lines read as configuration (a .netrc by its name or its <c>machine</c> lines).</summary>
    private static void CheckHeredoc(RuleContext c, HeredocSyntax heredoc, string? destination)
    {
        var body = heredoc.Body;
        if (body.Span.IsEmpty) return;
        var text = body.Text;
        var scanner = new CredentialScanner();
        var name = destination is null ? "" : destination.TrimEnd('/')[(destination.TrimEnd('/').LastIndexOf('/') + 1)..];
        var netrc = name is ".netrc" or "_netrc" || scanner.LooksLikeNetrc(text);
        var matches = new List<SecretMatch>();
        scanner.ScanConfigText(text, netrc, escapedNewlines: false, matches);
        foreach (var match in matches) Report(c, match, text, body.SpanStart);
    }

    private static void Report(RuleContext c, SecretMatch match, string text, int offset)
    {
        var secret = text.AsSpan(match.SecretStart, match.SecretEnd - match.SecretStart).Trim().ToString();
        c.MarkSensitive(TextSpan.FromBounds(offset + match.SecretStart, offset + match.SecretEnd));
        c.Report(Rule, TextSpan.FromBounds(offset + match.ReportStart, offset + match.ReportEnd), match.Kind, Redaction.Redact(secret));
    }
}

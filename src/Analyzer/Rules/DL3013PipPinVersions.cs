using Dflint.Analysis;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>pip install flask</c> installs whatever release is newest on the day of the build. Requirement files,
/// constraint files, local paths and archive URLs carry their own pins and are not judged here.
/// </summary>
public sealed class DL3013PipPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3013", "pip-pin-versions", "pip install without version pins",
        "package '{0}' is not pinned in {1} install: {2}",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (LanguageInstallers.FindPipInstall(c.Command.Effective) is not { } pip || IsConstrained(pip, c)) return;
            foreach (var option in pip.Arguments.Options)
            {
                // An editable install is a local checkout or a VCS URL; only the URL can float.
                if (option.Name is not ("-e" or "--editable") || option.Value is not { } value || option.ValueSpan is not { } span) continue;
                if ((option.ValueWord ?? option.Word).HasExpansion) continue;
                if (Judge(value) is { Hint: { } hint } finding) c.Report(Rule, span, finding.Name, pip.Tool, hint);
            }
            foreach (var word in pip.Arguments.SubcommandArguments)
            {
                if (word.HasExpansion) continue;
                if (Judge(word.Value) is { Hint: { } hint } finding) c.Report(Rule, word.Span, finding.Name, pip.Tool, hint);
            }
        }, LanguageInstallers.MayRunPip);

    /// <summary>
    /// A constraint file (<c>-c</c>, <c>PIP_CONSTRAINT</c>) pins whatever the command names; <c>--no-index</c>
    /// with local <c>--find-links</c> installs only from a wheelhouse built earlier.
    /// </summary>
    private static bool IsConstrained(LanguageInstallers.PipInstall pip, ShellCommandContext c)
    {
        var arguments = pip.Arguments;
        if (arguments.HasOption("-c", "--constraint", "--constraints", "--override", "--overrides")) return true;
        var variable = pip.IsUv ? "UV_CONSTRAINT" : "PIP_CONSTRAINT";
        if (!string.IsNullOrWhiteSpace(LanguageInstallers.EnvironmentValue(variable, c.Command, c.State))) return true;
        if (!arguments.HasOption("--no-index")) return false;
        foreach (var findLinks in arguments.FindOptions("-f", "--find-links"))
        {
            if (findLinks.Value is { } location && location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>What is wrong with one requirement; <see cref="Hint"/> is null when nothing is.</summary>
    internal readonly record struct Finding(string Name, string? Hint);

    /// <summary>Judges one requirement as pip reads it: <c>name[extras] specifiers ; marker</c>, a URL or a path.</summary>
    internal static Finding Judge(string requirement)
    {
        var semicolon = requirement.IndexOf(';');
        var text = (semicolon < 0 ? requirement : requirement[..semicolon]).Trim();
        if (text.Length == 0) return default;

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) return JudgeUrl(text, scheme);
        // Directories, archives and wheels on disk: their version is whatever was put there.
        if (text[0] is '.' or '/' or '~' || text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)
            || LanguageInstallers.EndsWithAny(text, ".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip"))
        {
            return default;
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '_' or '.')) end++;
        if (end == 0 || !char.IsAsciiLetterOrDigit(text[0])) return default;
        if (end < text.Length && text[end] == '[')
        {
            var close = text.IndexOf(']', end);
            if (close < 0) return default;
            end = close + 1;
        }
        var name = text[..end];
        var specifiers = text[end..].Trim().TrimStart('(').TrimEnd(')').Trim();
        if (specifiers.Length == 0) return new Finding(name, $"use {name}==<version>");
        // `name @ file.whl` and other direct references are not version specifiers.
        if (specifiers[0] == '@') return default;
        return JudgeSpecifiers(name, specifiers);
    }

    /// <summary>
    /// A specifier set pins when it bounds the version from above (<c>==</c>, <c>===</c>, <c>~=</c>, <c>&lt;</c>,
    /// <c>&lt;=</c>); <c>&gt;=</c> or <c>!=</c> alone still takes the newest release.
    /// </summary>
    private static Finding JudgeSpecifiers(string name, string specifiers)
    {
        var known = false;
        foreach (var range in specifiers.AsSpan().Split(','))
        {
            var clause = specifiers.AsSpan(range).Trim();
            if (clause.StartsWith("==") || clause.StartsWith("~=") || clause.StartsWith("<")) return default;
            known |= clause.StartsWith(">") || clause.StartsWith("!=");
        }
        // Something pip would reject, or that this reading does not know: not ours to judge.
        if (!known) return default;
        return new Finding(name, $"'{specifiers}' sets no upper bound, so the newest release is installed; pin it, as in {name}==<version>");
    }

    /// <summary>A VCS URL pins with <c>@ref</c> after the repository path; other URLs name one archive.</summary>
    private static Finding JudgeUrl(string text, int schemeEnd)
    {
        var schemeStart = schemeEnd;
        while (schemeStart > 0 && (char.IsAsciiLetterOrDigit(text[schemeStart - 1]) || text[schemeStart - 1] is '+' or '-' or '.')) schemeStart--;
        var scheme = text.AsSpan(schemeStart, schemeEnd - schemeStart);
        var isVcs = scheme.StartsWith("git", StringComparison.OrdinalIgnoreCase) || scheme.StartsWith("hg+", StringComparison.OrdinalIgnoreCase)
            || scheme.StartsWith("svn", StringComparison.OrdinalIgnoreCase) || scheme.StartsWith("bzr+", StringComparison.OrdinalIgnoreCase);
        if (!isVcs) return default;
        var fragment = text.IndexOf('#', schemeEnd);
        var url = fragment < 0 ? text[schemeStart..] : text[schemeStart..fragment];
        // The ref follows the repository path; an '@' before the path is a user name (git+ssh://git@host/...).
        var afterScheme = url.AsSpan(schemeEnd - schemeStart + 3);
        var path = afterScheme.IndexOf('/');
        if (path >= 0 && afterScheme[path..].Contains('@')) return default;
        return new Finding(url, $"name a tag or commit, as in {url}@<ref>");
    }
}

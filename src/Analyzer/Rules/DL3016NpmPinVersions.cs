using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>npm install express</c> (or <c>npm install -g npm@latest</c>) takes whatever the registry's <c>latest</c>
/// tag points to at build time. <c>npm install</c> and <c>npm ci</c> without packages follow the lockfile.
/// </summary>
public sealed class DL3016NpmPinVersions : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3016", "npm-pin-versions", "npm install without version pins",
        "package '{0}' is not pinned in npm {1}: {2}",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    /// <summary>install and the aliases npm accepts for it.</summary>
    private static readonly HashSet<string> s_installCommands = LanguageInstallers.Set(
        "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add",
        "install-test", "it");

    /// <summary>npm configuration options that are not booleans, so take the next word as their value.</summary>
    private static readonly HashSet<string> s_optionsWithValue = LanguageInstallers.Set(
        "--prefix", "--registry", "--cache", "--workspace", "--loglevel", "--omit", "--include", "--install-strategy",
        "--tag", "--userconfig", "--globalconfig", "--before", "--scope", "--otp", "--location", "--save-prefix",
        "--script-shell", "--fetch-retries", "--fetch-timeout", "--fetch-retry-mintimeout", "--fetch-retry-maxtimeout",
        "--fetch-retry-factor", "--maxsockets", "--proxy", "--https-proxy", "--noproxy", "--cafile", "--ca", "--cert",
        "--key", "--user-agent", "--node-options", "--auth-type", "--access", "--lockfile-version", "--cpu", "--os",
        "--libc", "--audit-level", "--logs-dir", "--logs-max", "--cache-max", "--cache-min", "--umask", "--git",
        "--shell", "--init-module", "--tag-version-prefix", "--replace-registry-host", "--sbom-format", "--expect-results");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (c.Command.Effective is { LiteralBaseName: "npm" } npm) Analyze(c, npm.Words);
        }, "npm");

    private static void Analyze(ShellCommandContext c, ImmutableArray<ShellWord> words)
    {
        ShellWord? subcommand = null;
        var optionsEnded = false;
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            var value = word.Value;
            if (!optionsEnded && value.Length > 1 && value[0] == '-')
            {
                if (value == "--")
                {
                    optionsEnded = true;
                }
                else if (value[1] == '-')
                {
                    // nopt lets a boolean option read a following "true" or "false" as its value.
                    if (!value.Contains('=', StringComparison.Ordinal) && i + 1 < words.Length
                        && (s_optionsWithValue.Contains(value) || words[i + 1].Value is "true" or "false"))
                    {
                        i++;
                    }
                }
                else if (value is "-w" or "-C" or "-L")
                {
                    i++;
                }
                continue;
            }
            if (subcommand is null)
            {
                if (word.HasExpansion || !s_installCommands.Contains(value)) return;
                subcommand = word;
                continue;
            }
            if (word.HasExpansion) continue;
            if (Judge(value) is { Hint: { } hint } finding) c.Report(Rule, word.Span, finding.Name, subcommand.Value, hint);
        }
    }

    internal readonly record struct Finding(string Name, string? Hint);

    /// <summary>Judges one package spec as npm reads it: a name with an optional version, tag or range, a path, or a URL.</summary>
    internal static Finding Judge(string spec)
    {
        if (spec.Length == 0) return default;
        // Folders and tarballs on disk: their version is whatever was put there.
        if (spec[0] is '.' or '/' or '~' || spec.StartsWith("file:", StringComparison.Ordinal) || spec.StartsWith("link:", StringComparison.Ordinal)
            || LanguageInstallers.EndsWithAny(spec, ".tgz", ".tar.gz", ".tar"))
        {
            return default;
        }
        var scheme = spec.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            // A git URL (alone or after "name@") takes the default branch unless it names a commit, tag or semver
            // range after '#'; other URLs name one tarball.
            var start = scheme;
            while (start > 0 && (char.IsAsciiLetterOrDigit(spec[start - 1]) || spec[start - 1] == '+')) start--;
            if (!spec.AsSpan(start).StartsWith("git", StringComparison.Ordinal) || spec.Contains('#', StringComparison.Ordinal)) return default;
            return new Finding(spec, $"name a commit or tag, as in {spec}#<ref>");
        }
        var colon = spec.IndexOf(':');
        var at = spec.IndexOf('@', spec[0] == '@' ? 1 : 0);
        if (colon >= 0 && (at < 0 || colon < at))
        {
            // Hosted git shorthands (github:user/repo) pin with '#'.
            if (spec.Contains('#', StringComparison.Ordinal)) return default;
            return new Finding(spec, $"name a commit or tag, as in {spec}#<ref>");
        }
        var slash = spec.IndexOf('/');
        if (spec[0] != '@' && slash >= 0 && (at < 0 || slash < at))
        {
            // user/repo is GitHub shorthand.
            if (spec.Contains('#', StringComparison.Ordinal)) return default;
            return new Finding(spec, $"name a commit or tag, as in {spec}#<ref>");
        }
        if (at < 0) return new Finding(spec, $"use {spec}@<version>");
        var name = spec[..at];
        var range = spec[(at + 1)..];
        // An alias (name@npm:other@1.2.3) is as pinned as the package it names.
        if (range.StartsWith("npm:", StringComparison.Ordinal))
        {
            var target = Judge(range[4..]);
            return target.Hint is null ? default : new Finding(name, target.Hint);
        }
        return JudgeRange(name, range.Trim());
    }

    /// <summary>
    /// A semver range pins when every alternative has an upper bound: an exact version, <c>1.2.x</c>, <c>^1.2</c>,
    /// <c>~1.2</c>, <c>&lt;2</c>, <c>1 - 2</c>. A dist-tag (<c>latest</c>, <c>next</c>) moves with each release.
    /// </summary>
    private static Finding JudgeRange(string name, string range)
    {
        if (range.Length == 0 || range is "*" or "x" or "X")
        {
            return new Finding(name, $"'{name}@{range}' accepts any version; use {name}@<version>");
        }
        if (IsTag(range))
        {
            return new Finding(name, $"'{range}' is a dist-tag that moves with each release; use {name}@<version>");
        }
        foreach (var alternative in range.AsSpan().Split("||"))
        {
            if (!IsBounded(range.AsSpan(alternative).Trim()))
            {
                return new Finding(name, $"'{range}' sets no upper bound, so the newest release is installed; use {name}@<version>");
            }
        }
        return default;
    }

    /// <summary>npm refuses tags that parse as a semver range, so a range never starts with a letter other than v, x or X.</summary>
    private static bool IsTag(string range) =>
        char.IsAsciiLetter(range[0]) && !(range[0] is 'x' or 'X' && (range.Length == 1 || range[1] == '.'))
        && !(range[0] is 'v' or 'V' && range.Length > 1 && char.IsAsciiDigit(range[1]));

    private static bool IsBounded(ReadOnlySpan<char> alternative)
    {
        if (alternative.IsEmpty) return false;
        if (alternative.Contains(" - ", StringComparison.Ordinal)) return true;
        // npm also accepts an operator apart from its version (">= 1.2"): the operator then governs the next word.
        var pendingOperator = ReadOnlySpan<char>.Empty;
        foreach (var part in alternative.Split(' '))
        {
            var comparator = alternative[part];
            if (comparator.IsEmpty) continue;
            var operatorLength = comparator.IndexOfAnyExcept("<>=~^");
            if (operatorLength < 0)
            {
                pendingOperator = comparator;
                continue;
            }
            var op = pendingOperator.IsEmpty ? comparator[..operatorLength] : pendingOperator;
            pendingOperator = default;
            if (op.Contains('<') || op.Contains('^') || op.Contains('~')) return true;
            if (op.Contains('>')) continue;
            var version = comparator[operatorLength..].TrimStart("vV");
            // 1, 1.x, 1.2.3 fix the major version; *, x fix nothing.
            if (!version.IsEmpty && char.IsAsciiDigit(version[0])) return true;
        }
        return false;
    }
}

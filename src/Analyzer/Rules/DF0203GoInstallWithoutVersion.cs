using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// <c>go install golang.org/x/tools/gopls@latest</c> builds whatever is newest at build time. A full version
/// (<c>@v0.16.2</c>) or a commit pins it; the module's own packages (<c>./cmd/...</c>) follow its go.mod.
/// </summary>
public sealed class DF0203GoInstallWithoutVersion : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DF0203", "go-install-without-version", "go install without a version",
        "package '{0}' is not pinned in go install: {1}",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    /// <summary>Build flags that take the next word as their value (Go flags have one name, written with - or --).</summary>
    private static readonly HashSet<string> s_flagsWithValue = LanguageInstallers.Set(
        "C", "p", "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags", "installsuffix", "ldflags", "mod",
        "modfile", "overlay", "pgo", "pkgdir", "tags", "toolexec", "covermode", "coverpkg", "o", "exec");

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            if (c.Command.Effective is not { LiteralBaseName: "go" } go) return;
            var words = go.Words;
            if (words.Length < 2 || words[1] is not { IsLiteral: true, Value: "install" }) return;
            bool? inModule = null;
            for (var i = FirstPackage(words); i < words.Length; i++)
            {
                var word = words[i];
                if (word.HasExpansion && !word.Value.Contains('@', StringComparison.Ordinal)) continue;
                var hint = Judge(word.Value, out var package);
                if (hint is null) continue;
                // Without a version, go install builds the version the current module's go.mod requires.
                if (package == word.Value && (inModule ??= HasModule(c))) continue;
                c.Report(Rule, word.Span, package, hint);
            }
        }, "go");

    /// <summary>The index of the first package after <c>go install</c> and its build flags.</summary>
    private static int FirstPackage(ImmutableArray<ShellWord> words)
    {
        var i = 2;
        while (i < words.Length)
        {
            var value = words[i].Value;
            if (value == "--") return i + 1;
            if (value.Length < 2 || value[0] != '-') return i;
            var name = value.AsSpan(value[1] == '-' ? 2 : 1);
            i += !name.Contains('=') && s_flagsWithValue.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) ? 2 : 1;
        }
        return i;
    }

    /// <summary>Null when <paramref name="argument"/> is pinned or local; else what to say. <paramref name="package"/> is the path without its version.</summary>
    internal static string? Judge(string argument, out string package)
    {
        var at = argument.IndexOf('@');
        package = at < 0 ? argument : argument[..at];
        if (IsLocal(package)) return null;
        if (at < 0) return $"outside a module go install needs a version; name one, as in {package}@<version>";
        var version = argument[(at + 1)..];
        if (version.Contains('$', StringComparison.Ordinal) || IsExactVersion(version) || IsCommit(version)) return null;
        return version is "latest" or "upgrade" or "patch" or ""
            ? $"'@{version}' resolves to whatever is newest at build time; name a version, as in {package}@<version>"
            : $"'@{version}' is a branch or a version prefix, which moves; name a full version or a commit, as in {package}@<version>";
    }

    /// <summary>Relative and absolute paths, and import paths without a dot in the first element (the standard library, the module's own packages).</summary>
    private static bool IsLocal(string package)
    {
        if (package.Length == 0 || package[0] is '.' or '/') return true;
        var slash = package.IndexOf('/');
        var first = slash < 0 ? package : package[..slash];
        return !first.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>A complete semantic version, <c>v1.2.3</c> with an optional pre-release or build suffix (pseudo-versions included).</summary>
    private static bool IsExactVersion(string version)
    {
        if (version.Length < 6 || version[0] != 'v') return false;
        var i = 1;
        for (var part = 0; part < 3; part++)
        {
            var start = i;
            while (i < version.Length && char.IsAsciiDigit(version[i])) i++;
            if (i == start) return false;
            if (part < 2)
            {
                if (i >= version.Length || version[i] != '.') return false;
                i++;
            }
        }
        return i == version.Length || version[i] is '-' or '+';
    }

    /// <summary>A commit hash (or an unambiguous prefix of one).</summary>
    private static bool IsCommit(string version)
    {
        if (version.Length is < 7 or > 40) return false;
        foreach (var ch in version)
        {
            if (!char.IsAsciiHexDigit(ch)) return false;
        }
        return true;
    }

    /// <summary>
    /// True when the stage (or a stage it is built on) brings in a Go module before this RUN: a COPY or ADD of
    /// go.mod, of a directory that may hold one, or a bind mount on the RUN.
    /// </summary>
    private static bool HasModule(ShellCommandContext c)
    {
        if (RunMounts.Of(c.Instruction).Any(m => m.Type == "bind")) return true;
        var runStart = c.Instruction.SpanStart;
        for (var stage = c.State.Stage; stage is not null; stage = stage.BaseStage)
        {
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.SpanStart >= runStart) break;
                var copy = instruction as CopyLikeInstructionSyntax ?? (instruction as OnbuildInstructionSyntax)?.Trigger as CopyLikeInstructionSyntax;
                if (copy is null) continue;
                foreach (var source in copy.Sources)
                {
                    if (MayHoldModule(source.ValueText)) return true;
                }
            }
        }
        return false;
    }

    private static bool MayHoldModule(string source)
    {
        var path = source.TrimEnd('/');
        if (path.Length == 0 || path is "." or "./" || source.EndsWith('/')) return true;
        var name = ShellNames.BaseName(path);
        return name is "go.mod" or "go.*" or "*.mod" || name.StartsWith("go.mod", StringComparison.Ordinal);
    }
}

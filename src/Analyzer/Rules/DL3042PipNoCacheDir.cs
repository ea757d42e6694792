using Dflint.Analysis;
using Dflint.Semantics;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Microsoft.CodeAnalysis;

namespace Dflint.Rules;

/// <summary>
/// pip keeps every wheel it downloads or builds in its cache (<c>~/.cache/pip</c>), which then ships in the
/// layer. <c>--no-cache-dir</c>, <c>PIP_NO_CACHE_DIR</c> or a cache mount on that directory keep it out.
/// </summary>
public sealed class DL3042PipNoCacheDir : DockerfileAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DL3042", "pip-no-cache-dir", "pip install keeps its cache in the image",
        "{0} install leaves its download cache in the layer: add --no-cache-dir, set PIP_NO_CACHE_DIR=1, or mount a cache on pip's cache directory",
        RuleCategories.Packages, DiagnosticSeverity.Warning);

    private const string NoCacheDirVariable = "PIP_NO_CACHE_DIR";

    public override ImmutableArray<RuleDescriptor> SupportedRules => [Rule];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterShellCommandAction(c =>
        {
            // uv has its own cache and flags (--no-cache, UV_NO_CACHE); this rule is about pip's.
            if (LanguageInstallers.FindPipInstall(c.Command.Effective) is not { IsUv: false } pip) return;
            if (HasNoCacheDirOption(pip.Arguments)) return;
            if (LanguageInstallers.EnvironmentValue(NoCacheDirVariable, c.Command, c.State) is { } setting && IsPipBoolean(setting)) return;
            if (IsExportedEarlier(c.Script, c.Command)) return;
            if (HasCacheMount(c.Instruction, CacheDirectory(pip, c))) return;
            c.Report(Rule, pip.Install.Span, pip.Tool);
        }, LanguageInstallers.MayRunPip);

    /// <summary>
    /// <c>export PIP_NO_CACHE_DIR=1</c> earlier in the script holds for the commands after it, until another export
    /// changes it.
    /// </summary>
    private static bool IsExportedEarlier(ShellScript script, ShellCommand command)
    {
        for (var i = command.Index - 1; i >= 0; i--)
        {
            var earlier = script.Commands[i];
            if (earlier.BaseName != "export") continue;
            var arguments = earlier.Arguments;
            for (var j = arguments.Length - 1; j >= 0; j--)
            {
                if (ShellNames.AssignedValue(arguments[j].Value, NoCacheDirVariable) is { } value) return IsPipBoolean(value);
            }
        }
        return false;
    }

    /// <summary>
    /// <c>--no-cache-dir</c>, or a prefix of it that optparse accepts as an abbreviation (<c>--no-cache</c>; pip has
    /// no other option starting <c>--no-ca</c>).
    /// </summary>
    private static bool HasNoCacheDirOption(ShellArgumentList arguments)
    {
        foreach (var option in arguments.Options)
        {
            if (option.Name.Length >= "--no-ca".Length && "--no-cache-dir".StartsWith(option.Name, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// pip accepts any value its <c>strtobool</c> reads and then disables the cache, even for "false" or "0"
    /// (kept that way for backward compatibility); other values make pip stop with an error.
    /// </summary>
    private static bool IsPipBoolean(string value) =>
        value.Trim().ToLowerInvariant() is "y" or "yes" or "t" or "true" or "on" or "1" or "n" or "no" or "f" or "false" or "off" or "0";

    /// <summary>The cache directory set explicitly (<c>--cache-dir</c>, <c>PIP_CACHE_DIR</c>), or null for pip's default.</summary>
    private static string? CacheDirectory(LanguageInstallers.PipInstall pip, ShellCommandContext c)
    {
        if (pip.Arguments.FindOption("--cache-dir")?.Value is { Length: > 0 } option) return option;
        return LanguageInstallers.EnvironmentValue("PIP_CACHE_DIR", c.Command, c.State) is { Length: > 0 } variable ? variable : null;
    }

    /// <summary>
    /// A cache or tmpfs mount keeps what is written below it out of the layer. Without an explicit cache
    /// directory, pip's default is <c>~/.cache/pip</c> in whichever home directory applies.
    /// </summary>
    private static bool HasCacheMount(RunInstructionSyntax run, string? cacheDirectory)
    {
        if (cacheDirectory is not null) return RunMounts.IsCacheOrTmpfsAt(run, cacheDirectory);
        foreach (var mount in RunMounts.Of(run))
        {
            if (mount is not { IsCacheOrTmpfs: true, Target: { } target }) continue;
            target = target.TrimEnd('/');
            if (target.Contains(".cache/pip", StringComparison.Ordinal) || target.EndsWith("/.cache", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

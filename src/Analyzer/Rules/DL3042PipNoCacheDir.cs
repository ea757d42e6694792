using Dflint.Analysis;
using Dflint.Semantics.Shell;
using Dflint.Syntax;
using Dflint.Syntax.Grammars;
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
        context.RegisterRunAction(c =>
        {
            foreach (var script in c.Scripts)
            {
                // `export PIP_NO_CACHE_DIR=1` earlier in the script holds for the commands after it.
                var exported = false;
                foreach (var command in script.Commands)
                {
                    if (command.BaseName == "export")
                    {
                        foreach (var argument in command.Arguments)
                        {
                            if (LanguageInstallers.AssignmentValue(argument.Value, NoCacheDirVariable) is { } value) exported = IsPipBoolean(value);
                        }
                        continue;
                    }
                    if (exported) continue;
                    if (LanguageInstallers.Unwrap(command) is not { } invocation) continue;
                    // uv has its own cache and flags (--no-cache, UV_NO_CACHE); this rule is about pip's.
                    if (LanguageInstallers.FindPipInstall(invocation) is not { IsUv: false } pip) continue;
                    if (HasNoCacheDirOption(pip.Arguments)) continue;
                    if (LanguageInstallers.EnvironmentValue(NoCacheDirVariable, command, invocation, c.State) is { } setting && IsPipBoolean(setting)) continue;
                    if (HasCacheMount(c.Instruction, CacheDirectory(pip, command, invocation, c))) continue;
                    c.Report(Rule, pip.Install.Span, pip.Tool);
                }
            }
        });

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
    private static string? CacheDirectory(LanguageInstallers.PipInstall pip, ShellCommand command, LanguageInstallers.Invocation invocation, RunContext c)
    {
        if (pip.Arguments.FindOption("--cache-dir")?.Value is { Length: > 0 } option) return option;
        return LanguageInstallers.EnvironmentValue("PIP_CACHE_DIR", command, invocation, c.State) is { Length: > 0 } variable ? variable : null;
    }

    /// <summary>
    /// A cache or tmpfs mount keeps what is written below it out of the layer. Without an explicit cache
    /// directory, pip's default is <c>~/.cache/pip</c> in whichever home directory applies.
    /// </summary>
    private static bool HasCacheMount(RunInstructionSyntax run, string? cacheDirectory)
    {
        foreach (var flag in run.Flags)
        {
            if (!string.Equals(flag.Name, "mount", StringComparison.OrdinalIgnoreCase) || flag.Value is null) continue;
            var mount = KeyValueList.Parse(flag.Value);
            if (mount.Find("type")?.Value?.ToLowerInvariant() is not ("cache" or "tmpfs")) continue;
            var target = (mount.Find("target") ?? mount.Find("dst") ?? mount.Find("destination"))?.Value?.TrimEnd('/');
            if (string.IsNullOrEmpty(target)) continue;
            if (cacheDirectory is null)
            {
                if (target.Contains(".cache/pip", StringComparison.Ordinal) || target.EndsWith("/.cache", StringComparison.Ordinal)) return true;
                continue;
            }
            var directory = cacheDirectory.TrimEnd('/');
            if (directory == target || directory.StartsWith(target + "/", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}

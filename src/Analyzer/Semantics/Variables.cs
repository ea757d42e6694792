using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Semantics;

/// <summary>Where a variable visible at an instruction comes from.</summary>
public enum VariableKind
{
    /// <summary>An ARG before the first FROM; visible in FROM lines, and in a stage only once re-declared there.</summary>
    GlobalArg,

    /// <summary>An ARG inside a stage.</summary>
    Arg,

    /// <summary>An ENV, set in this stage or inherited from an earlier stage the stage is built on.</summary>
    Env,

    /// <summary>One of BuildKit's automatic platform arguments (TARGETARCH, BUILDPLATFORM, ...).</summary>
    Automatic,
}

/// <summary>
/// A variable as BuildKit sees it at one instruction. <see cref="Value"/> is the default written in the
/// Dockerfile (already expanded), or null when none is known (an ARG without default, an automatic argument).
/// </summary>
public sealed record VariableBinding(string Name, string? Value, VariableKind Kind, InstructionSyntax? Declaration)
{
    public bool HasValue => Value is not null;
}

/// <summary>
/// The variables visible at one instruction. Immutable: instructions that change nothing share their
/// predecessor's scope, so a stage of a hundred RUNs holds one scope, not a hundred.
/// </summary>
public sealed class VariableScope
{
    /// <summary>Arguments BuildKit defines for every build; inside a stage they need an ARG to be seen.</summary>
    public static readonly ImmutableArray<string> AutomaticArgs =
    [
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    ];

    /// <summary>Proxy arguments usable in RUN without an ARG, and kept out of the build history.</summary>
    public static readonly IReadOnlySet<string> ProxyArgs = new HashSet<string>(
        ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"],
        StringComparer.Ordinal);

    public static readonly VariableScope Empty = new(ImmutableDictionary<string, VariableBinding>.Empty.WithComparers(StringComparer.Ordinal));

    private readonly ImmutableDictionary<string, VariableBinding> _bindings;

    private VariableScope(ImmutableDictionary<string, VariableBinding> bindings) => _bindings = bindings;

    public IEnumerable<VariableBinding> Bindings => _bindings.Values.OrderBy(b => b.Name, StringComparer.Ordinal);

    public bool IsDefined(string name) => _bindings.ContainsKey(name);

    public VariableBinding? Lookup(string name) => _bindings.TryGetValue(name, out var binding) ? binding : null;

    internal VariableScope With(VariableBinding binding) => new(_bindings.SetItem(binding.Name, binding));

    internal VariableScope WithEnvFrom(VariableScope other)
    {
        var bindings = _bindings;
        foreach (var binding in other._bindings.Values)
        {
            if (binding.Kind == VariableKind.Env) bindings = bindings.SetItem(binding.Name, binding);
        }
        return new VariableScope(bindings);
    }

    /// <summary>
    /// Expands <paramref name="word"/> as BuildKit expands instruction arguments. Variables without a known
    /// value expand to empty, as an unset build argument does; the result lists them in <c>Unmatched</c>.
    /// </summary>
    public ShellWordResult Expand(string word, char escapeChar) =>
        new ShellWordProcessor(escapeChar).ProcessWord(word, name => Lookup(name)?.Value);

    /// <summary>The names referenced in <paramref name="text"/> that nothing in the Dockerfile defines here.</summary>
    public ImmutableArray<VariableReference> FindUndefined(string text, char escapeChar) =>
        [.. ShellWordProcessor.FindVariableReferences(text, escapeChar).Where(r => !IsDefined(r.Name) && !ProxyArgs.Contains(r.Name))];
}

using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Dflint.Analysis;

/// <summary>Whether a rule can offer a fix for what it finds.</summary>
public enum FixAvailability
{
    None,
    Sometimes,
    Always,
}

/// <summary>
/// What a rule is: its code (never reused), its kebab-case name (usable wherever a code is), the message it
/// prints, its default severity and the documentation page in <c>rules/</c>. Hadolint codes are the rule's own
/// code where the check is the same; BuildKit's check names are aliases.
/// </summary>
public sealed class RuleDescriptor
{
    public const string DocumentationBase = "https://github.com/dflint/dflint/blob/main/rules/";

    public RuleDescriptor(
        string code,
        string name,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        bool isEnabledByDefault = true,
        FixAvailability fix = FixAvailability.None,
        string[]? aliases = null,
        string? helpLink = null)
    {
        Code = code;
        Name = name;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        IsEnabledByDefault = isEnabledByDefault;
        Fix = fix;
        Aliases = aliases is null ? [] : [.. aliases];
        HelpLink = helpLink ?? DocumentationBase + Folder + "/rule.md";
    }

    public string Code { get; }

    public string Name { get; }

    public string Title { get; }

    /// <summary>A composite format string over the arguments a rule passes when it reports.</summary>
    public string MessageFormat { get; }

    public string Category { get; }

    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>False for rules that run only when selected (<c>--select</c>, <c>extend-select</c>).</summary>
    public bool IsEnabledByDefault { get; }

    public FixAvailability Fix { get; }

    /// <summary>Other names for the rule, such as BuildKit's check name (<c>FromAsCasing</c>).</summary>
    public ImmutableArray<string> Aliases { get; }

    public string HelpLink { get; }

    /// <summary>The same rule as a Roslyn descriptor, for hosts that speak Roslyn; made on first use, as no host needs it at start-up.</summary>
    public DiagnosticDescriptor Descriptor => _descriptor ??=
        new DiagnosticDescriptor(Code, Title, MessageFormat, Category, DefaultSeverity, IsEnabledByDefault, helpLinkUri: HelpLink, customTags: [Name, .. Aliases]);

    private DiagnosticDescriptor? _descriptor;

    /// <summary>The rule's folder below <c>rules/</c>: <c>DL3008-apt-get-pin-versions</c>.</summary>
    public string Folder => Code + "-" + Name;

    public string FormatMessage(object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => $"{Code} ({Name})";
}

using System.Globalization;
using Dflint.Syntax.Green;
using Microsoft.CodeAnalysis;

namespace Dflint.Syntax;

/// <summary>A syntax error or warning with its span in the file.</summary>
public sealed record SyntaxDiagnostic(DiagnosticDescriptor Descriptor, TextSpan Span, string Message)
{
    public string Id => Descriptor.Id;

    public DiagnosticSeverity Severity => Descriptor.DefaultSeverity;

    internal static SyntaxDiagnostic Create(GreenDiagnostic diagnostic, int nodePosition) =>
        new(diagnostic.Descriptor, new TextSpan(nodePosition + diagnostic.Offset, diagnostic.Length), Format(diagnostic.Descriptor, diagnostic.Arguments));

    internal static string Format(DiagnosticDescriptor descriptor, string[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), arguments);
}

/// <summary>The descriptors of the errors and warnings the parser reports.</summary>
public static class SyntaxDiagnostics
{
    public const string Category = "Syntax";
    public const string HelpBase = "https://github.com/dflint/dflint/blob/main/docs/SYNTAX-ERRORS.md#";

    public static readonly DiagnosticDescriptor UnknownInstruction = Error("DF0100", "Unknown instruction", "unknown instruction: {0}");
    public static readonly DiagnosticDescriptor UnterminatedHeredoc = Error("DF0101", "Unterminated heredoc", "unterminated heredoc: no line '{0}' closes it");
    public static readonly DiagnosticDescriptor InvalidParserDirective = Error("DF0102", "Invalid parser directive", "{0}");
    public static readonly DiagnosticDescriptor DuplicateParserDirective = Error("DF0103", "Duplicate parser directive", "only one {0} parser directive can be used");
    public static readonly DiagnosticDescriptor InvalidJsonArray = Error("DF0104", "Invalid exec-form array", "{0}");
    public static readonly DiagnosticDescriptor EmptyContinuationLine = new("DF0105", "Empty continuation line",
        "empty continuation line in {0}: BuildKit skips it and will make it an error in a future release",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "df0105", customTags: ["NoEmptyContinuation"]);
    public static readonly DiagnosticDescriptor InvalidArguments = Error("DF0106", "Invalid instruction arguments", "{0}");
    public static readonly DiagnosticDescriptor InvalidFlag = Error("DF0107", "Invalid instruction flag", "{0}");
    public static readonly DiagnosticDescriptor NoInstructions = Error("DF0108", "No instructions", "file with no instructions");
    public static readonly DiagnosticDescriptor InvalidOnbuildTrigger = Error("DF0109", "Invalid ONBUILD trigger", "{0}");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        UnknownInstruction, UnterminatedHeredoc, InvalidParserDirective, DuplicateParserDirective, InvalidJsonArray,
        EmptyContinuationLine, InvalidArguments, InvalidFlag, NoInstructions, InvalidOnbuildTrigger,
    ];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}

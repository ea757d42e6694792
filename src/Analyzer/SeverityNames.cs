using Microsoft.CodeAnalysis;

namespace Dflint;

/// <summary>The words severities go by in configuration and every output: error, warning, info, style.</summary>
public static class SeverityNames
{
    /// <summary>Roslyn's Hidden is dflint's (and hadolint's) "style".</summary>
    public static string Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "style",
    };
}

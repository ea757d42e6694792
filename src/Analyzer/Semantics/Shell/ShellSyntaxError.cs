namespace Dflint.Semantics.Shell;

/// <summary>A problem the shell parser found, such as an unterminated quote, with its file span.</summary>
public sealed record ShellSyntaxError(string Message, TextSpan Span);

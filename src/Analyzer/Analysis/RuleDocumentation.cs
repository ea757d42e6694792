namespace Dflint.Analysis;

/// <summary>The rule pages from <c>rules/CODE-name/rule.md</c>, embedded in the library at build time.</summary>
public static class RuleDocumentation
{
    /// <summary>The Markdown page of <paramref name="rule"/>, or null when it has none (syntax and engine diagnostics).</summary>
    public static string? Get(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream($"rules/{rule.Folder}/rule.md");
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

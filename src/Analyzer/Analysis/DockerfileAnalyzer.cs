namespace Dflint.Analysis;

/// <summary>
/// A rule (or a few closely related rules) in the Roslyn shape: it declares what it reports and, in
/// <see cref="Initialize"/>, registers callbacks that the engine calls during its one walk of each file.
/// Analyzers are created once and shared by every file, so callbacks keep no state between calls.
/// </summary>
public abstract class DockerfileAnalyzer
{
    public abstract ImmutableArray<RuleDescriptor> SupportedRules { get; }

    public abstract void Initialize(AnalysisContext context);

    /// <summary>
    /// True for analyzers that find secrets and mark them sensitive. They run even when their rules are turned
    /// off, so that other rules' snippets of the same text are still redacted; their findings are then dropped.
    /// </summary>
    public virtual bool MarksSensitive => false;

    public override string ToString() => GetType().Name;
}

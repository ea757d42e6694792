using Dflint.Semantics;
using Dflint.Syntax;

namespace Dflint.Analysis;

/// <summary>Where an analyzer registers what it wants to see; the engine serves all analyzers from one walk.</summary>
public sealed partial class AnalysisContext
{
    private readonly DockerfileAnalyzer _analyzer;
    private readonly AnalyzerActions _actions;

    internal AnalysisContext(DockerfileAnalyzer analyzer, AnalyzerActions actions)
    {
        _analyzer = analyzer;
        _actions = actions;
    }

    /// <summary>
    /// Called for every instruction of type <typeparamref name="TInstruction"/>, in file order, including
    /// ONBUILD triggers (see <see cref="InstructionContext{TInstruction}.IsOnbuildTrigger"/>).
    /// </summary>
    public void RegisterInstructionAction<TInstruction>(Action<InstructionContext<TInstruction>> action)
        where TInstruction : InstructionSyntax
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Instruction.Add(new InstructionAction(_analyzer, typeof(TInstruction), null, (instruction, file, onbuild) =>
            action(new InstructionContext<TInstruction>((TInstruction)instruction, file, onbuild))));
    }

    /// <summary>Called for every instruction whose kind is one of <paramref name="kinds"/> (Roslyn's form of the above).</summary>
    public void RegisterSyntaxNodeAction(Action<InstructionContext<InstructionSyntax>> action, params SyntaxKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(kinds);
        _actions.Instruction.Add(new InstructionAction(_analyzer, typeof(InstructionSyntax), [.. kinds], (instruction, file, onbuild) =>
            action(new InstructionContext<InstructionSyntax>(instruction, file, onbuild))));
    }

    /// <summary>Called once per stage, after all of its instructions.</summary>
    public void RegisterStageAction(Action<StageContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.Stage.Add(new AnalyzerAction<Action<StageContext>>(_analyzer, action));
    }

    /// <summary>Called once per file, after everything else.</summary>
    public void RegisterFileAction(Action<FileContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _actions.File.Add(new AnalyzerAction<Action<FileContext>>(_analyzer, action));
    }
}

internal sealed record AnalyzerAction<TAction>(DockerfileAnalyzer Analyzer, TAction Action);

internal sealed record InstructionAction(DockerfileAnalyzer Analyzer, Type InstructionType, HashSet<SyntaxKind>? Kinds, Action<InstructionSyntax, FileAnalysis, bool> Action);

/// <summary>Everything an analyzer registered, grouped by event.</summary>
internal sealed partial class AnalyzerActions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, InstructionAction[]> _byInstructionType = new();

    public List<InstructionAction> Instruction { get; } = [];

    /// <summary>The instruction actions that accept <paramref name="type"/>, worked out once per node type (files are linted in parallel).</summary>
    public InstructionAction[] InstructionActionsFor(Type type) =>
        _byInstructionType.GetOrAdd(type, t => [.. Instruction.Where(a => a.InstructionType.IsAssignableFrom(t))]);

    public List<AnalyzerAction<Action<StageContext>>> Stage { get; } = [];

    public List<AnalyzerAction<Action<FileContext>>> File { get; } = [];
}

/// <summary>What every callback sees: the file, its model, the options, and a way to report.</summary>
public abstract class RuleContext
{
    private readonly FileAnalysis _file;

    private protected RuleContext(FileAnalysis file) => _file = file;

    public DockerfileSyntaxTree Tree => _file.Tree;

    public SemanticModel Model => _file.Model;

    public AnalyzerOptions Options => _file.Options;

    public SourceText Text => _file.Tree.Text;

    /// <summary>
    /// The shell scripts of any RUN in the file, parsed once and shared by every rule: shell form and heredoc
    /// scripts only under a POSIX SHELL, exec form always. For rules that look at other RUNs than their own.
    /// </summary>
    public ImmutableArray<Semantics.Shell.ShellScript> GetShellScripts(RunInstructionSyntax run) => _file.GetShellScripts(run);

    /// <summary>False when configuration, flags or pragmas turned the rule off for this file; reporting it then does nothing.</summary>
    public bool IsEnabled(RuleDescriptor rule) => _file.IsEnabled(rule);

    public void Report(RuleDescriptor rule, TextSpan span, params object?[] arguments) => Report(rule, span, null, arguments);

    /// <summary>
    /// Marks text as a secret: every output (source snippets, JSON, SARIF, ...) shows it redacted, whatever
    /// rule or finding points at it. Messages must not contain the secret either: use <see cref="Redaction.Redact"/>.
    /// </summary>
    public void MarkSensitive(TextSpan span) => _file.MarkSensitive(span);

    public void Report(RuleDescriptor rule, TextSpan span, CodeFix? fix, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_file.IsEnabled(rule)) _file.Report(rule, span, rule.FormatMessage(arguments), fix);
    }
}

public sealed class InstructionContext<TInstruction> : RuleContext
    where TInstruction : InstructionSyntax
{
    internal InstructionContext(TInstruction instruction, FileAnalysis file, bool isOnbuildTrigger)
        : base(file)
    {
        Instruction = instruction;
        IsOnbuildTrigger = isOnbuildTrigger;
    }

    public TInstruction Instruction { get; }

    /// <summary>True when the instruction is the trigger of an ONBUILD: it runs in images built from this one.</summary>
    public bool IsOnbuildTrigger { get; }

    public InstructionState State => Model.GetState(Instruction);
}

public sealed class StageContext : RuleContext
{
    internal StageContext(Stage stage, FileAnalysis file)
        : base(file) => Stage = stage;

    public Stage Stage { get; }
}

public sealed class FileContext : RuleContext
{
    internal FileContext(FileAnalysis file)
        : base(file)
    {
    }
}

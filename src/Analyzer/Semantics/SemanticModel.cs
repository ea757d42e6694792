using System.Globalization;
using Dflint.Syntax;
using Dflint.Syntax.Grammars;

namespace Dflint.Semantics;

/// <summary>
/// A Dockerfile as <c>docker build</c> understands it: its stages and how they depend on each other, and at
/// every instruction the variables, user, working directory and shell in effect. Build arguments given on
/// the command line are unknown here, so ARG defaults stand for their values.
/// </summary>
public sealed class SemanticModel
{
    private readonly InstructionState[] _states;
    private readonly InstructionState[] _stageEnds;
    private readonly int[] _positions;

    private SemanticModel(DockerfileSyntaxTree tree, ImmutableArray<Stage> stages, ImmutableArray<ArgInstructionSyntax> globalArgs, VariableScope globalScope, InstructionState[] states, InstructionState[] stageEnds)
    {
        _stageEnds = stageEnds;
        Tree = tree;
        Stages = stages;
        GlobalArgs = globalArgs;
        GlobalScope = globalScope;
        _states = states;
        _positions = [.. tree.Instructions.Select(i => i.Position)];
    }

    public DockerfileSyntaxTree Tree { get; }

    public ImmutableArray<Stage> Stages { get; }

    /// <summary>The ARG instructions before the first FROM.</summary>
    public ImmutableArray<ArgInstructionSyntax> GlobalArgs { get; }

    /// <summary>The variables FROM lines see: global ARGs and BuildKit's automatic platform arguments.</summary>
    public VariableScope GlobalScope { get; }

    /// <summary>The stage <c>docker build</c> builds without <c>--target</c>: the last one.</summary>
    public Stage? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    /// <summary>The stage named <paramref name="name"/> (case-insensitive, as BuildKit compares), or with that index.</summary>
    public Stage? FindStage(string name)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < Stages.Length ? Stages[index] : null;
        }
        var lowered = name.ToLowerInvariant();
        foreach (var stage in Stages)
        {
            if (stage.Name == lowered) return stage;
        }
        return null;
    }

    /// <summary>The state in effect at <paramref name="instruction"/>; an ONBUILD trigger shares its ONBUILD's state.</summary>
    public InstructionState GetState(InstructionSyntax instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var topLevel = instruction;
        while (topLevel.Parent is OnbuildInstructionSyntax onbuild) topLevel = onbuild;
        var index = Array.BinarySearch(_positions, topLevel.Position);
        if (index < 0) throw new ArgumentException("The instruction is not part of this model's tree.", nameof(instruction));
        return _states[index];
    }

    public Stage? GetStage(InstructionSyntax instruction) => GetState(instruction).Stage;

    /// <summary>The state after the stage's last instruction: what the image built by the stage runs with.</summary>
    public InstructionState GetEndState(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return _stageEnds[stage.Index];
    }

    public static SemanticModel Create(DockerfileSyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new Builder(tree).Build();
    }

    private sealed class Builder(DockerfileSyntaxTree tree)
    {
        private readonly char _escape = tree.EscapeChar;
        private readonly List<Stage> _stages = [];
        private readonly List<ArgInstructionSyntax> _globalArgs = [];
        private VariableScope _global = AutomaticScope();

        // COPY --from and --mount from= can name a stage defined further down; BuildKit resolves them against all stages.
        private readonly HashSet<string> _allStageNames = tree.Instructions.OfType<FromInstructionSyntax>()
            .Select(f => f.StageName?.ToLowerInvariant()).OfType<string>().ToHashSet(StringComparer.Ordinal);

        public SemanticModel Build()
        {
            var instructions = tree.Instructions;
            var states = new InstructionState[instructions.Count];
            Stage? stage = null;
            var stageInstructions = new List<InstructionSyntax>();
            var dependencies = new List<StageDependency>();
            VariableScope scope = _global;
            EffectiveUser? user = null;
            string? workdir = null;
            var shell = EffectiveShell.Default;
            var stageEnds = new List<InstructionState>();

            void CloseStage()
            {
                if (stage is null) return;
                stage.Instructions = [.. stageInstructions];
                stage.Dependencies = [.. dependencies];
                stageEnds.Add(new InstructionState(stage, scope, user, workdir, shell));
                stageInstructions.Clear();
                dependencies.Clear();
            }

            for (var i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                if (instruction is FromInstructionSyntax from)
                {
                    CloseStage();
                    stage = StartStage(from);
                    scope = VariableScope.Empty;
                    user = null;
                    workdir = null;
                    shell = EffectiveShell.Default;
                    if (stage.BaseStage is { } parent)
                    {
                        var inherited = stageEnds[parent.Index];
                        scope = scope.WithEnvFrom(inherited.Variables);
                        (user, workdir, shell) = (inherited.User, inherited.Workdir, inherited.Shell);
                        dependencies.Add(new StageDependency(StageDependencyKind.From, stage.Base.Text, parent, null, from));
                    }
                    else if (stage.Base is StageBase.Image { Reference: { } image })
                    {
                        dependencies.Add(new StageDependency(StageDependencyKind.From, stage.Base.Text, null, image, from));
                    }
                    states[i] = new InstructionState(stage, _global, user, workdir, shell);
                    continue;
                }

                if (stage is null)
                {
                    states[i] = new InstructionState(null, _global, null, null, EffectiveShell.Default);
                    if (instruction is ArgInstructionSyntax globalArg)
                    {
                        _globalArgs.Add(globalArg);
                        foreach (var declaration in globalArg.Declarations)
                        {
                            _global = _global.With(new VariableBinding(declaration.Name, ExpandDefault(declaration, _global), VariableKind.GlobalArg, globalArg));
                        }
                    }
                    continue;
                }

                stageInstructions.Add(instruction);
                states[i] = new InstructionState(stage, scope, user, workdir, shell);
                CollectDependencies(instruction, stage, dependencies);
                switch (instruction)
                {
                    case ArgInstructionSyntax arg:
                        foreach (var declaration in arg.Declarations) scope = DeclareArg(scope, declaration, arg);
                        break;
                    case EnvInstructionSyntax env:
                        // Every pair sees the scope from before the instruction, as BuildKit expands them all first.
                        var before = scope;
                        foreach (var pair in env.Pairs)
                        {
                            scope = scope.With(new VariableBinding(pair.Key, before.Expand(pair.Value, _escape).Value, VariableKind.Env, env));
                        }
                        break;
                    case UserInstructionSyntax userInstruction when userInstruction.UserToken.Exists:
                        user = new EffectiveUser(scope.Expand(userInstruction.Value, _escape).Value, userInstruction);
                        break;
                    case WorkdirInstructionSyntax workdirInstruction when workdirInstruction.ValueToken.Exists:
                        workdir = CombinePath(workdir ?? "/", scope.Expand(workdirInstruction.Value, _escape).Value);
                        break;
                    case ShellInstructionSyntax shellInstruction when shellInstruction.ExecForm is { } json:
                        shell = new EffectiveShell(json.Values, shellInstruction);
                        break;
                }
            }
            CloseStage();
            if (_stages.Count > 0) _stages[^1].IsFinal = true;
            return new SemanticModel(tree, [.. _stages], [.. _globalArgs], _global, states, [.. stageEnds]);
        }

        private Stage StartStage(FromInstructionSyntax from)
        {
            var name = from.StageName?.ToLowerInvariant();
            var stage = new Stage(_stages.Count, from, name);
            var text = from.Image.Exists ? from.Image.ValueText : "";
            var expansion = _global.Expand(text, _escape);
            var expanded = expansion.Success ? expansion.Value : text;
            var usesVariables = !ShellWordProcessor.FindVariableReferences(text, _escape).IsEmpty;
            var earlier = FindEarlierStage(expanded);
            if (earlier is not null)
            {
                stage.Base = new StageBase.StageReference(expanded, earlier);
            }
            else if (expanded.Equals(ImageReference.ScratchName, StringComparison.OrdinalIgnoreCase))
            {
                stage.Base = new StageBase.Scratch(expanded);
            }
            else
            {
                ImageReference.TryParse(expanded, out var reference, out _);
                var unresolved = expansion.Unmatched.IsDefault ? [] : expansion.Unmatched.Distinct(StringComparer.Ordinal).ToImmutableArray();
                stage.Base = new StageBase.Image(expanded, reference, usesVariables, unresolved);
            }
            _stages.Add(stage);
            return stage;
        }

        private Stage? FindEarlierStage(string name)
        {
            var lowered = name.ToLowerInvariant();
            foreach (var stage in _stages)
            {
                if (stage.Name == lowered) return stage;
            }
            return null;
        }

        private VariableScope DeclareArg(VariableScope scope, ArgDeclarationSyntax declaration, ArgInstructionSyntax arg)
        {
            if (declaration.DefaultValue is not null)
            {
                return scope.With(new VariableBinding(declaration.Name, ExpandDefault(declaration, scope), VariableKind.Arg, arg));
            }
            // A bare ARG inside a stage brings the global ARG of that name, with its default, into the stage.
            var global = _global.Lookup(declaration.Name);
            var kind = global?.Kind == VariableKind.Automatic ? VariableKind.Automatic : VariableKind.Arg;
            return scope.With(new VariableBinding(declaration.Name, global?.Value, kind, arg));
        }

        private string? ExpandDefault(ArgDeclarationSyntax declaration, VariableScope scope)
        {
            if (declaration.DefaultValue is not { } value) return _global.Lookup(declaration.Name)?.Value;
            var expansion = scope.Expand(value, _escape);
            return expansion.Success ? expansion.Value : value;
        }

        private void CollectDependencies(InstructionSyntax instruction, Stage current, List<StageDependency> dependencies)
        {
            var target = instruction is OnbuildInstructionSyntax { Trigger: { } trigger } ? trigger : instruction;
            if (target is CopyLikeInstructionSyntax && target.GetFlag("from")?.Value is { } copyFrom)
            {
                dependencies.Add(Resolve(StageDependencyKind.CopyFrom, copyFrom, current, instruction));
            }
            if (target is RunInstructionSyntax run)
            {
                foreach (var mount in RunMounts.Of(run))
                {
                    if (mount.From is { } mountFrom) dependencies.Add(Resolve(StageDependencyKind.MountFrom, mountFrom, current, instruction));
                }
            }
        }

        private StageDependency Resolve(StageDependencyKind kind, string text, Stage current, InstructionSyntax instruction)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return new StageDependency(kind, text, index < current.Index ? _stages[index] : null, null, instruction);
            }
            var lowered = text.ToLowerInvariant();
            var named = _stages.Find(s => s.Name == lowered);
            if (named is not null) return new StageDependency(kind, text, named.Index < current.Index ? named : null, null, instruction);
            if (_allStageNames.Contains(lowered)) return new StageDependency(kind, text, null, null, instruction);
            ImageReference.TryParse(text, out var image, out _);
            return new StageDependency(kind, text, null, image, instruction);
        }

        private static VariableScope AutomaticScope()
        {
            var scope = VariableScope.Empty;
            foreach (var name in VariableScope.AutomaticArgs) scope = scope.With(new VariableBinding(name, null, VariableKind.Automatic, null));
            return scope;
        }

        /// <summary>Resolves a WORKDIR against the current one, as a Linux path (BuildKit cleans it with path.Join).</summary>
        private static string CombinePath(string current, string value)
        {
            if (value.Length == 0) return current;
            var combined = value.StartsWith('/') ? value : current.TrimEnd('/') + "/" + value;
            var parts = new List<string>();
            foreach (var part in combined.Split('/'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                    continue;
                }
                parts.Add(part);
            }
            return "/" + string.Join('/', parts);
        }
    }
}

namespace Dflint.Semantics.Shell;

/// <summary>An option among a command's arguments: <c>-y</c>, <c>--yes</c>, <c>--opt=value</c>, <c>-o value</c>.</summary>
public sealed class ShellOption
{
    private readonly int _attachedValueOffset;

    internal ShellOption(string name, ShellWord word, string? value, ShellWord? valueWord, int attachedValueOffset)
    {
        Name = name;
        Word = word;
        Value = value;
        ValueWord = valueWord;
        _attachedValueOffset = attachedValueOffset;
    }

    /// <summary>The option as a lone word would spell it: <c>-y</c> (also for <c>-qy</c>), <c>--yes</c> (also for <c>--yes=1</c>).</summary>
    public string Name { get; }

    /// <summary>The word the option is written in.</summary>
    public ShellWord Word { get; }

    /// <summary>The option's value (<c>--opt=value</c>, <c>-ovalue</c>, or the next word), or null.</summary>
    public string? Value { get; }

    /// <summary>The separate word holding the value (<c>--opt value</c>, <c>-o value</c>), or null.</summary>
    public ShellWord? ValueWord { get; }

    /// <summary>
    /// Where the value is written: the value word, the part of the option word after <c>=</c> or the letter
    /// when that part is written plainly, else the whole option word. Null without a value.
    /// </summary>
    public TextSpan? ValueSpan
    {
        get
        {
            if (Value is null) return null;
            if (ValueWord is not null) return ValueWord.Span;
            if (Word.Text == Word.Value) return Word.Source.ToFileSpan(Word.LogicalStart + _attachedValueOffset, Word.Text.Length - _attachedValueOffset);
            return Word.Span;
        }
    }

    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}

/// <summary>A command's arguments split into options and positional words.</summary>
public sealed class ShellArgumentList
{
    private ShellArgumentList(ImmutableArray<ShellOption> options, ImmutableArray<ShellWord> positionals, ShellWord? endOfOptions)
    {
        Options = options;
        Positionals = positionals;
        EndOfOptions = endOfOptions;
    }

    /// <summary>The options in order; combined short flags (<c>-qy</c>) give one entry per letter.</summary>
    public ImmutableArray<ShellOption> Options { get; }

    /// <summary>The words that are not options or option values, in order (everything after <c>--</c> included).</summary>
    public ImmutableArray<ShellWord> Positionals { get; }

    /// <summary>The <c>--</c> word that ended the options, or null.</summary>
    public ShellWord? EndOfOptions { get; }

    /// <summary>The first positional word: <c>install</c> in <c>apt-get -q install -y curl</c>.</summary>
    public ShellWord? Subcommand => Positionals.IsEmpty ? null : Positionals[0];

    /// <summary>The positional words after the subcommand: the packages of <c>apt-get install</c>.</summary>
    public ImmutableArray<ShellWord> SubcommandArguments => Positionals.IsEmpty ? [] : Positionals[1..];

    /// <summary>True when any option is named one of <paramref name="names"/> (<c>-y</c>, <c>--yes</c>).</summary>
    public bool HasOption(params string[] names) => FindOption(names) is not null;

    /// <summary>The first option named one of <paramref name="names"/>, or null.</summary>
    public ShellOption? FindOption(params string[] names)
    {
        foreach (var option in Options)
        {
            if (Array.IndexOf(names, option.Name) >= 0) return option;
        }
        return null;
    }

    /// <summary>Every option named one of <paramref name="names"/>, in order.</summary>
    public IEnumerable<ShellOption> FindOptions(params string[] names) => Options.Where(o => Array.IndexOf(names, o.Name) >= 0);

    /// <summary>
    /// Splits <paramref name="arguments"/>. Options named in <paramref name="optionsWithValue"/> (<c>-o</c>,
    /// <c>--target</c>) take the next word as their value unless it is attached (<c>-ovalue</c>,
    /// <c>--target=x</c>). A lone <c>--</c> ends the options; so does the first positional word when
    /// <paramref name="stopAtFirstPositional"/> is set (for commands such as <c>sudo</c> and <c>env</c>).
    /// A lone <c>-</c> is positional.
    /// </summary>
    public static ShellArgumentList Parse(ImmutableArray<ShellWord> arguments, IReadOnlySet<string>? optionsWithValue = null, bool stopAtFirstPositional = false)
    {
        var options = ImmutableArray.CreateBuilder<ShellOption>();
        var positionals = ImmutableArray.CreateBuilder<ShellWord>();
        ShellWord? endOfOptions = null;
        var optionsEnded = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var word = arguments[i];
            var value = word.Value;
            if (optionsEnded || value.Length < 2 || value[0] != '-')
            {
                positionals.Add(word);
                if (stopAtFirstPositional) optionsEnded = true;
                continue;
            }
            if (value == "--")
            {
                endOfOptions = word;
                optionsEnded = true;
                continue;
            }
            if (value[1] == '-')
            {
                var equals = value.IndexOf('=');
                var name = equals < 0 ? value : value[..equals];
                if (equals >= 0)
                {
                    options.Add(new ShellOption(name, word, value[(equals + 1)..], null, AttachedOffset(word, equals + 1)));
                }
                else if (optionsWithValue?.Contains(name) == true && i + 1 < arguments.Length)
                {
                    var valueWord = arguments[++i];
                    options.Add(new ShellOption(name, word, valueWord.Value, valueWord, 0));
                }
                else
                {
                    options.Add(new ShellOption(name, word, null, null, 0));
                }
                continue;
            }
            for (var letter = 1; letter < value.Length; letter++)
            {
                var name = string.Concat("-", value.AsSpan(letter, 1));
                if (optionsWithValue?.Contains(name) != true)
                {
                    options.Add(new ShellOption(name, word, null, null, 0));
                    continue;
                }
                if (letter + 1 < value.Length)
                {
                    options.Add(new ShellOption(name, word, value[(letter + 1)..], null, AttachedOffset(word, letter + 1)));
                }
                else if (i + 1 < arguments.Length)
                {
                    var valueWord = arguments[++i];
                    options.Add(new ShellOption(name, word, valueWord.Value, valueWord, 0));
                }
                else
                {
                    options.Add(new ShellOption(name, word, null, null, 0));
                }
                break;
            }
        }
        return new ShellArgumentList(options.ToImmutable(), positionals.ToImmutable(), endOfOptions);
    }

    /// <summary>The offset of an attached value in the word's text, meaningful only when the text is the value.</summary>
    private static int AttachedOffset(ShellWord word, int valueOffset) => word.Text == word.Value ? valueOffset : 0;
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dflint.Configuration;

/// <summary>
/// A YAML value with its position, read by <see cref="YamlTree"/>. Our own small model rather than YamlDotNet's
/// representation model: it keeps each key's position, rejects duplicate keys, and keeps YamlDotNet out of the API.
/// </summary>
internal abstract class YamlValue(ConfigLocation location)
{
    public ConfigLocation Location { get; } = location;

    /// <summary>How a message names what was found, e.g. "a list".</summary>
    public abstract string Description { get; }
}

internal sealed class YamlScalar(ConfigLocation location, string text, bool isPlain) : YamlValue(location)
{
    public string Text { get; } = text;

    /// <summary>Written without quotes or an explicit tag, so YAML's core schema may read it as null, a boolean or a number.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public bool? AsBoolean => !IsPlain ? null : Text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public int? AsInteger =>
        IsPlain && int.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public override string Description =>
        IsNull ? "null"
        : AsBoolean is not null ? "a boolean"
        : AsInteger is not null ? "a number"
        : "a string";
}

internal sealed class YamlSequence(ConfigLocation location, ImmutableArray<YamlValue> items) : YamlValue(location)
{
    public ImmutableArray<YamlValue> Items { get; } = items;

    public override string Description => "a list";
}

internal sealed record YamlEntry(YamlScalar Key, YamlValue Value);

internal sealed class YamlMapping(ConfigLocation location, ImmutableArray<YamlEntry> entries) : YamlValue(location)
{
    public ImmutableArray<YamlEntry> Entries { get; } = entries;

    public override string Description => "a mapping";
}

/// <summary>Reads one YAML document into <see cref="YamlValue"/>s, turning every problem into a <see cref="ConfigurationException"/>.</summary>
internal static class YamlTree
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <returns>The document's root, or null for a file without a document (empty, or only comments).</returns>
    public static YamlValue? Read(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadValue(parser, path, anchors);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                throw new ConfigurationException(At(path, second.Start), "a configuration file holds one YAML document; found a second one");
            }
            return root;
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(At(path, e.Start), "invalid YAML: " + Describe(e.Message));
        }
        // YamlDotNet 16.3 throws these instead of a YamlException on some malformed input (a stray flow indicator
        // inside a plain scalar, a malformed tag); the last event it produced is the best position we have.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new ConfigurationException(At(path, parser.Current?.End ?? Mark.Empty), "invalid YAML: malformed text after this point");
        }
    }

    private static YamlValue ReadValue(IParser parser, string path, Dictionary<string, YamlValue> anchors)
    {
        var start = parser.Current ?? throw new YamlException("unexpected end of the document");
        var location = At(path, start.Start);
        YamlValue value;
        string anchor;
        switch (start)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new ConfigurationException(location, $"unknown alias '*{alias.Value.Value}'");
            case Scalar scalar:
                parser.MoveNext();
                var isPlain = (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any) && (scalar.Tag.IsEmpty || scalar.Tag.Value != StringTag);
                value = new YamlScalar(location, scalar.Value, isPlain);
                anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value;
                break;
            case SequenceStart sequenceStart:
                parser.MoveNext();
                var items = ImmutableArray.CreateBuilder<YamlValue>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadValue(parser, path, anchors));
                value = new YamlSequence(location, items.ToImmutable());
                anchor = sequenceStart.Anchor.IsEmpty ? "" : sequenceStart.Anchor.Value;
                break;
            case MappingStart mappingStart:
                parser.MoveNext();
                value = ReadMapping(parser, path, anchors, location);
                anchor = mappingStart.Anchor.IsEmpty ? "" : mappingStart.Anchor.Value;
                break;
            default:
                throw new YamlException(start.Start, start.End, "unexpected " + start.GetType().Name);
        }
        if (anchor.Length > 0) anchors[anchor] = value;
        return value;
    }

    private static YamlMapping ReadMapping(IParser parser, string path, Dictionary<string, YamlValue> anchors, ConfigLocation location)
    {
        var entries = ImmutableArray.CreateBuilder<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyValue = ReadValue(parser, path, anchors);
            if (keyValue is not YamlScalar key)
            {
                throw new ConfigurationException(keyValue.Location, "a key must be a single value, not " + keyValue.Description);
            }
            if (seen.TryGetValue(key.Text, out var first))
            {
                throw new ConfigurationException(key.Location, $"duplicate key '{key.Text}' (first at line {first.Location.Line})");
            }
            seen.Add(key.Text, key);
            entries.Add(new YamlEntry(key, ReadValue(parser, path, anchors)));
        }
        return new YamlMapping(location, entries.ToImmutable());
    }

    private static ConfigLocation At(string path, Mark mark) => new(path, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    // YamlDotNet's messages are sentences ("While scanning ..., found ...."); ours continue after a colon.
    private static string Describe(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "malformed document";
    }
}

namespace McpVanguard.Inspection.Preflight;

/// <summary>One string of a response <c>result</c> (or server request <c>params</c>) with the JSON Pointer that locates it for an edit.</summary>
public sealed class PayloadString
{
    private readonly PayloadPath? _parent;
    private readonly int _index;
    private string? _pointer;

    /// <param name="pointer">RFC 6901 pointer from the message root, for example <c>/result/content/0/text</c>.</param>
    /// <param name="key">The name of the property holding it (for an array item, the array's property name).</param>
    /// <param name="value">The decoded string value, exactly as sent.</param>
    public PayloadString(string pointer, string key, string value)
    {
        _pointer = pointer;
        Key = key;
        Value = value;
        Segments = pointer.Count('/');
    }

    /// <summary>A string of the walk under <paramref name="parent"/>: a property named <paramref name="key"/>, or array item <paramref name="index"/> when it is not negative.</summary>
    internal PayloadString(PayloadPath parent, string key, int index, string value)
    {
        _parent = parent;
        _index = index;
        Key = key;
        Value = value;
        Segments = parent.Segments + 1;
    }

    /// <summary>RFC 6901 pointer from the message root, for example <c>/result/content/0/text</c>; built on first use.</summary>
    public string Pointer => _pointer ??= PayloadPath.Child(_parent!.Pointer, _index < 0 ? Key : null, _index);

    /// <summary>The name of the property holding it (for an array item, the array's property name).</summary>
    public string Key { get; }

    /// <summary>The decoded string value, exactly as sent.</summary>
    public string Value { get; }

    /// <summary>How many reference tokens <see cref="Pointer"/> has (<c>/result/tools/3/name</c>: 4), known without building it.</summary>
    public int Segments { get; }

    /// <summary>True when this string lies strictly under the node at <paramref name="prefix"/> (a node pointer, without a trailing slash).</summary>
    internal bool IsUnder(string prefix)
    {
        if (_parent is null || _pointer is not null)
        {
            return IsUnder(Pointer, prefix);
        }

        // Under the prefix when its container is the prefix or lies under it: one pointer per container, kept, not one per string.
        var container = _parent.Pointer;
        return container.Length == prefix.Length ? string.Equals(container, prefix, StringComparison.Ordinal) : IsUnder(container, prefix);
    }

    private static bool IsUnder(string pointer, string prefix)
        => pointer.Length > prefix.Length && pointer[prefix.Length] == '/' && pointer.StartsWith(prefix, StringComparison.Ordinal);
}

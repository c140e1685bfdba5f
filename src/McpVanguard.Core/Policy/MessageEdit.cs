namespace McpVanguard.Policy;

/// <summary>
/// One change a policy action makes to a forwarded message (the only way forwarded traffic is ever rewritten): remove a
/// node, or replace a span of a string value. Located by an RFC 6901 JSON Pointer from the message root.
/// </summary>
/// <param name="Pointer">The node, for example <c>/result/tools/3</c> or <c>/result/content/0/text</c>.</param>
/// <param name="Start">For a text edit: the first UTF-16 index of the span in the string's decoded value.</param>
/// <param name="Length">For a text edit: the span's length; <c>-1</c> marks a removal of the whole node.</param>
/// <param name="Replacement">For a text edit: what the span becomes (for example <c>[REDACTED:aws-access-key]</c>).</param>
public sealed record MessageEdit(string Pointer, int Start, int Length, string? Replacement)
{
    /// <summary>True when the node at <see cref="Pointer"/> is dropped (an array item, or an object property).</summary>
    public bool Removes => Length < 0;

    /// <summary>Drops the node at <paramref name="pointer"/> (for example a quarantined tool from a <c>tools/list</c> result).</summary>
    public static MessageEdit Remove(string pointer) => new(pointer, 0, -1, null);

    /// <summary>Replaces <paramref name="length"/> characters at <paramref name="start"/> of the string at <paramref name="pointer"/>.</summary>
    public static MessageEdit ReplaceText(string pointer, int start, int length, string replacement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new(pointer, start, length, replacement);
    }

    /// <summary>Escapes one reference token for a pointer (<c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

namespace McpVanguard.Inspection.Preflight;

/// <summary>The strings of a message's payload (<c>result</c> of a response, <c>params</c> of a server request), located by pointer.</summary>
public sealed class PayloadStrings(IReadOnlyList<PayloadString> items)
{
    public static PayloadStrings Empty { get; } = new([]);

    public IReadOnlyList<PayloadString> Items { get; } = items;

    /// <summary>The strings whose pointer lies under <paramref name="prefix"/> (a node pointer, without a trailing slash).</summary>
    public IEnumerable<PayloadString> Under(string prefix)
    {
        foreach (var item in Items)
        {
            if (item.Pointer.Length > prefix.Length && item.Pointer.StartsWith(prefix, StringComparison.Ordinal) && item.Pointer[prefix.Length] == '/')
            {
                yield return item;
            }
        }
    }
}

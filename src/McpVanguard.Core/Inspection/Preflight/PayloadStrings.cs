namespace McpVanguard.Inspection.Preflight;

/// <summary>The strings of a message's payload (<c>result</c> of a response, <c>params</c> of a server request), located by pointer.</summary>
/// <param name="items">The strings in document order, as <see cref="PayloadWalker"/> records them: a node's strings are contiguous.</param>
public sealed class PayloadStrings(IReadOnlyList<PayloadString> items)
{
    /// <summary>Where the last <see cref="Under"/> run ended: a hint only (callers ask about list items in order), never needed for the answer.</summary>
    private int _searchFrom;

    public static PayloadStrings Empty { get; } = new([]);

    public IReadOnlyList<PayloadString> Items { get; } = items;

    /// <summary>The strings whose pointer lies under <paramref name="prefix"/> (a node pointer, without a trailing slash).</summary>
    /// <remarks>
    /// A node's strings are one contiguous run in document order, so the run is found from where the last one ended
    /// (wrapping round) and ends at the first string outside it: asking about every item of a 100-tool list in turn costs
    /// one pass over the strings, not one pass per item.
    /// </remarks>
    public IEnumerable<PayloadString> Under(string prefix)
    {
        var count = Items.Count;
        var from = Math.Min(Volatile.Read(ref _searchFrom), count);
        for (var n = 0; n < count; n++)
        {
            var i = (from + n) % count;
            if (!Items[i].IsUnder(prefix))
            {
                continue;
            }

            // The run may have begun before the search's starting point (when it wrapped): step back to its start.
            while (i > 0 && Items[i - 1].IsUnder(prefix))
            {
                i--;
            }

            return Run(i, prefix);
        }

        return [];
    }

    private IEnumerable<PayloadString> Run(int start, string prefix)
    {
        var i = start;
        for (; i < Items.Count && Items[i].IsUnder(prefix); i++)
        {
            yield return Items[i];
        }

        Volatile.Write(ref _searchFrom, i);
    }
}

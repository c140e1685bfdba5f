namespace McpVanguard.Dashboard.Audit;

/// <summary>
/// Counts by key (rule, server, tool) with at most <see cref="MaxKeys"/> keys: a log full of distinct server-chosen names
/// must not grow the dashboard without bound, so keys past the limit are counted together as <see cref="Other"/>.
/// Not thread-safe: <see cref="AuditAggregates"/> guards it.
/// </summary>
internal sealed class BoundedCounter(int maxKeys)
{
    /// <summary>The bucket of the keys that came after the table was full.</summary>
    public const string Other = "(other)";

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public int MaxKeys { get; } = maxKeys;

    public int Count => _counts.Count;

    public void Add(string key)
    {
        if (!_counts.ContainsKey(key) && _counts.Count >= MaxKeys)
        {
            key = Other;
        }

        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    public long this[string key] => _counts.GetValueOrDefault(key);

    /// <summary>The <paramref name="count"/> largest counts, largest first (ties by key).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Top(int count)
        => [.. _counts.OrderByDescending(static kv => kv.Value).ThenBy(static kv => kv.Key, StringComparer.Ordinal).Take(count)];

    public void Clear() => _counts.Clear();
}

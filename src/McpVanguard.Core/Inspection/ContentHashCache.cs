namespace McpVanguard.Inspection;

/// <summary>
/// What analysing some content found, by the content's <see cref="ContentHash"/>: content seen before (the same tool
/// definition in every <c>tools/list</c> of every session) is not analysed again. Bounded (least recently used entries
/// go first) and safe to share between sessions; only for results that depend on the content alone.
/// </summary>
public sealed class ContentHashCache<TValue>
{
    private readonly int _capacity;
    private readonly Dictionary<ContentHash, LinkedListNode<(ContentHash Key, TValue Value)>> _entries;
    private readonly LinkedList<(ContentHash Key, TValue Value)> _recency = new();
    private readonly Lock _gate = new();

    /// <param name="capacity">Entries kept at most; the least recently used one is dropped for a new one.</param>
    public ContentHashCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new Dictionary<ContentHash, LinkedListNode<(ContentHash, TValue)>>(Math.Min(capacity, 1024));
    }

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The value stored for <paramref name="key"/>, which becomes the most recently used.</summary>
    public bool TryGet(ContentHash key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="key"/>, dropping the least recently used entry when full.</summary>
    public void Set(ContentHash key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _entries.Remove(key);
            }
            else if (_entries.Count >= _capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst((key, value));
        }
    }
}

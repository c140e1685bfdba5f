namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// Scores by a hash of what was scored (<see cref="SemanticCacheKey"/>), shared by every session of the process: a bounded
/// LRU whose entries expire, so that memory is fixed and a changed provider verdict is picked up. Concurrent requests for
/// one key share one provider call (single flight); only successful scores are kept.
/// </summary>
internal sealed class SemanticScoreCache(int capacity, TimeSpan ttl, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, SemanticScore Score, DateTimeOffset Expires)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, SemanticScore Score, DateTimeOffset Expires)> _recency = new();

    /// <summary>Calls under way, by key; bounded by the messages in flight (each waits on at most one).</summary>
    private readonly Dictionary<string, Task<SemanticScore>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Calls under way (single-flight entries); zero once every call has ended, answered or not.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight.Count;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string key, out SemanticScore score)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (node.Value.Expires > time.GetUtcNow())
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    score = node.Value.Score;
                    return true;
                }

                _recency.Remove(node);
                _entries.Remove(key);
            }
        }

        score = null!;
        return false;
    }

    /// <summary>
    /// The call under way for <paramref name="key"/>, or a new one started with <paramref name="score"/>; the caller
    /// awaits it with its own deadline, so one caller giving up never cancels the call the others share. The entry is
    /// released when the call ends or, at the latest, after <paramref name="deadline"/>: a scorer that ignores its
    /// cancellation token must not pin the key (every later message with that text would wait on a call that never ends).
    /// </summary>
    public Task<SemanticScore> Join(string key, TimeSpan deadline, Func<Task<SemanticScore>> score)
    {
        TaskCompletionSource<SemanticScore> source;
        lock (_lock)
        {
            if (_inFlight.TryGetValue(key, out var running))
            {
                return running;
            }

            source = new TaskCompletionSource<SemanticScore>(TaskCreationOptions.RunContinuationsAsynchronously);
            _inFlight[key] = source.Task;
        }

        _ = RunAsync(key, deadline, score, source);
        return source.Task;
    }

    private async Task RunAsync(string key, TimeSpan deadline, Func<Task<SemanticScore>> score, TaskCompletionSource<SemanticScore> source)
    {
        try
        {
            // The real clock, as the call's own deadline uses: an abandoned call may still finish later; its result is dropped.
            var result = await score().WaitAsync(deadline).ConfigureAwait(false);
            Add(key, result);
            source.SetResult(result);
        }
        catch (Exception ex)
        {
            source.SetException(ex);
        }
        finally
        {
            lock (_lock)
            {
                _inFlight.Remove(key);
            }
        }
    }

    private void Add(string key, SemanticScore score)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
            }

            _entries[key] = _recency.AddFirst((key, score, time.GetUtcNow() + ttl));
            while (_entries.Count > capacity)
            {
                _entries.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
        }
    }
}

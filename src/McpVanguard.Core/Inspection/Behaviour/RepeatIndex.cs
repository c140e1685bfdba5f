namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// A running count of the same call (method and signature) over the recent part of one window's log, for the loop
/// detector: counting a call's repeats costs a dictionary lookup instead of a walk over up to <c>max_events</c> steps on
/// every request. The counted part is the log from a horizon to its end; the horizon moves forward as time passes (steps
/// older than the loop window leave the count) and when the window drops its oldest steps. Bounded: at most one entry per
/// step in the log. The window holds the lock for every call.
/// </summary>
/// <remarks>
/// Exact, or it declines (the detector then walks the steps as before): it answers only while the window's steps were
/// appended in time order and the asked horizon never moved back, so the steps it counts are exactly those a walk of the
/// same view counts.
/// </remarks>
internal sealed class RepeatIndex(long firstSeq)
{
    private readonly Dictionary<(ulong Signature, string Method), int> _counts = [];

    /// <summary>Steps from this sequence number on are counted (the ones before it are older than the horizon, or gone).</summary>
    private long _horizonSeq = firstSeq;

    /// <summary>Steps before this sequence number have been added to the counts.</summary>
    private long _indexedSeq = firstSeq;

    /// <summary>The oldest time the last answer counted from; a later question may not ask for older steps.</summary>
    private long _since = long.MinValue;

    /// <summary>Steps in the counts now (tests of the bound).</summary>
    public int Keys => _counts.Count;

    /// <summary>The window dropped its step <paramref name="seq"/> (its oldest): it leaves the count if it was in it.</summary>
    public void Dropped(BehaviourEvent step, long seq)
    {
        if (seq >= _horizonSeq)
        {
            if (seq < _indexedSeq)
            {
                Remove(step);
            }

            _horizonSeq = seq + 1;
            _indexedSeq = Math.Max(_indexedSeq, _horizonSeq);
        }
    }

    /// <summary>
    /// How many steps of <paramref name="view"/> at or after <paramref name="since"/> have the signature and method of
    /// <paramref name="current"/>; false when the index cannot say exactly (the caller walks the view instead).
    /// </summary>
    /// <param name="view">The steps the detector was handed, from <paramref name="viewStartSeq"/> to before <paramref name="viewEndSeq"/>.</param>
    /// <param name="log">The window now, to before <paramref name="endSeq"/> (the sequence number after its newest step).</param>
    public bool TryCount(BehaviourEvent current, long since, ISequencedSteps view, long viewStartSeq, long viewEndSeq, ISequencedSteps log, long endSeq, out int count)
    {
        count = 0;
        if (since < _since)
        {
            return false;
        }

        // Catch up with the steps appended since the last question, then let the ones older than the horizon go.
        for (; _indexedSeq < endSeq; _indexedSeq++)
        {
            Add(log.At(_indexedSeq));
        }

        while (_horizonSeq < endSeq && log.At(_horizonSeq).AtMs < since)
        {
            Remove(log.At(_horizonSeq));
            _horizonSeq++;
        }

        _since = since;
        var key = (current.Signature, current.Method);
        count = _counts.GetValueOrDefault(key);

        // The view is a snapshot: steps appended after it are in the counts but not in the view, and steps of the view the
        // window has dropped since (a full window, another thread appending) are in the view but no longer counted.
        for (var seq = Math.Max(viewEndSeq, _horizonSeq); seq < endSeq; seq++)
        {
            count -= Same(log.At(seq), key) ? 1 : 0;
        }

        for (var seq = viewStartSeq; seq < Math.Min(_horizonSeq, viewEndSeq); seq++)
        {
            var step = view.At(seq);
            count += step.AtMs >= since && Same(step, key) ? 1 : 0;
        }

        return true;
    }

    private static bool Same(BehaviourEvent step, (ulong Signature, string Method) key)
        => step.Signature == key.Signature && string.Equals(step.Method, key.Method, StringComparison.Ordinal);

    private void Add(BehaviourEvent step)
    {
        if (step.Signature != 0)
        {
            var key = (step.Signature, step.Method);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
        }
    }

    private void Remove(BehaviourEvent step)
    {
        if (step.Signature == 0)
        {
            return;
        }

        var key = (step.Signature, step.Method);
        if (_counts.TryGetValue(key, out var n))
        {
            if (n <= 1)
            {
                _counts.Remove(key);
            }
            else
            {
                _counts[key] = n - 1;
            }
        }
    }
}

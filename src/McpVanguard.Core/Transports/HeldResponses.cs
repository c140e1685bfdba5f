namespace McpVanguard.Transports;

/// <summary>
/// The responses of one direction that are still being inspected (waiting for an L2 score) while later messages go
/// ahead: at most <see cref="Capacity"/> at a time, so a burst of slow responses stops the reader instead of growing memory.
/// A failure of a held step surfaces on the loop, as it would have had the loop waited for it.
/// </summary>
internal sealed class HeldResponses(int capacity)
{
    private readonly List<Task> _steps = new(capacity);

    public int Capacity => capacity;

    /// <summary>Holds <paramref name="step"/>; when the table is full, first waits until one held step ends.</summary>
    public async ValueTask AddAsync(Task step)
    {
        await ObserveCompletedAsync().ConfigureAwait(false);
        while (_steps.Count >= capacity)
        {
            await Task.WhenAny(_steps).ConfigureAwait(false);
            await ObserveCompletedAsync().ConfigureAwait(false);
        }

        _steps.Add(step);
    }

    /// <summary>Waits for every held step; the first failure (other than the session's cancellation) is rethrown.</summary>
    public async ValueTask DrainAsync()
    {
        while (_steps.Count > 0)
        {
            await Task.WhenAny(_steps).ConfigureAwait(false);
            await ObserveCompletedAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask ObserveCompletedAsync()
    {
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            if (_steps[i].IsCompleted)
            {
                var done = _steps[i];
                _steps.RemoveAt(i);
                await done.ConfigureAwait(false);
            }
        }
    }
}

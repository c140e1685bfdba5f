namespace McpVanguard.Replay;

/// <summary>
/// The clock of a replay run: each case starts at the same instant and its steps' <c>at_ms</c> move it forward, so that
/// L3 windows are tested with time and a case scores the same on every run.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    /// <summary>Where every case starts (a fixed instant: a replay is deterministic).</summary>
    public static readonly DateTimeOffset CaseStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private long _offsetMs;

    public override DateTimeOffset GetUtcNow() => CaseStart.AddMilliseconds(Interlocked.Read(ref _offsetMs));

    /// <summary>Back to the start of a case.</summary>
    public void BeginCase() => Interlocked.Exchange(ref _offsetMs, 0);

    /// <summary>To <paramref name="atMs"/> after the case start (a step without <c>at_ms</c> keeps the time).</summary>
    public void MoveTo(long? atMs)
    {
        if (atMs is { } ms)
        {
            Interlocked.Exchange(ref _offsetMs, ms);
        }
    }
}

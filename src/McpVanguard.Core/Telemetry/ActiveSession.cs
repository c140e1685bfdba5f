namespace McpVanguard.Telemetry;

/// <summary>Counts one agent session in <c>vanguard.sessions.active</c> for as long as it is held.</summary>
public readonly struct ActiveSession : IDisposable
{
    private readonly bool _open;

    private ActiveSession(bool open) => _open = open;

    /// <summary>Counts a session from now until <see cref="Dispose"/>.</summary>
    public static ActiveSession Open()
    {
        VanguardTelemetry.SessionsActive.Add(1);
        return new ActiveSession(true);
    }

    public void Dispose()
    {
        if (_open)
        {
            VanguardTelemetry.SessionsActive.Add(-1);
        }
    }
}

namespace McpVanguard.Gateway.Sessions;

/// <summary>The outcome of <see cref="SessionStore.TryReserveAsync"/>.</summary>
internal enum SessionReservation
{
    /// <summary>Room was taken; give it back with <see cref="SessionStore.Release"/> if no session is made.</summary>
    Reserved,

    /// <summary>The gateway holds <c>gateway.max_sessions</c> sessions.</summary>
    GatewayFull,

    /// <summary>This verified caller holds <c>auth.max_sessions_per_principal</c> sessions.</summary>
    CallerFull,

    /// <summary>The shared state is unreachable and the strict profile does not fall back to local state.</summary>
    StateUnavailable,
}

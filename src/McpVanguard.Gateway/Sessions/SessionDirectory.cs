using McpVanguard.State;

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// Which instance owns each live session, in the shared state: claimed when a session opens, renewed by the sweep, removed
/// when it ends, expiring on its own when its instance dies. A request for a session this instance does not hold is
/// answered 404 either way (the specification's answer, after which the client re-initializes); the directory tells
/// the log whether that was a misrouted request (the load balancer lost affinity) or a session that is gone.
/// </summary>
internal sealed class SessionDirectory(ISharedState state, string instanceId, TimeSpan lease)
{
    /// <summary>This instance's name in the directory.</summary>
    public string InstanceId => instanceId;

    public TimeSpan Lease => lease;

    /// <exception cref="StateUnavailableException">The shared state cannot answer and the profile does not fall back.</exception>
    public ValueTask ClaimAsync(string sessionId, CancellationToken cancellationToken)
        => state.PutAsync(Key(sessionId), instanceId, lease, cancellationToken);

    public ValueTask ForgetAsync(string sessionId, CancellationToken cancellationToken)
        => state.DeleteAsync(Key(sessionId), cancellationToken);

    /// <summary>The instance that owns <paramref name="sessionId"/>, or null when none does (or the state cannot say).</summary>
    public async ValueTask<string?> OwnerAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            return await state.GetAsync(Key(sessionId), cancellationToken).ConfigureAwait(false);
        }
        catch (StateUnavailableException)
        {
            return null;
        }
    }

    private static string Key(string sessionId) => "owner:" + sessionId;
}

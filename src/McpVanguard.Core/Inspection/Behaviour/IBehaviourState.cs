namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// The state L3 keeps across messages, behind the few operations it needs, so that a shared backend (Redis) can replace
/// the in-memory one for a gateway scaled out behind a load balancer. Every operation is atomic on its key, and every
/// key expires: nothing here grows without bound.
/// </summary>
/// <remarks>
/// How each maps onto Redis (one round trip each, atomic through a Lua script):
/// <list type="bullet">
/// <item><see cref="AppendAsync"/>: a sorted set scored by time — <c>ZADD key now event</c>, <c>ZREMRANGEBYSCORE key -inf
/// now-retention</c>, <c>ZREMRANGEBYRANK key 0 -(max+1)</c>, <c>PEXPIRE key retention</c>, then <c>ZRANGE key 0 -1</c>.</item>
/// <item><see cref="ReadAsync"/>: <c>ZRANGEBYSCORE key now-retention +inf</c>.</item>
/// <item><see cref="AddDecayingAsync"/>: a hash <c>{value, at}</c> — the script decays the stored value to now, adds,
/// writes both fields back and sets <c>PEXPIRE</c> to the time the value takes to fall below 1/65536 of itself.</item>
/// </list>
/// Keys carry the deployment prefix (<see cref="BehaviourKeys"/>), so several deployments can share one Redis.
/// </remarks>
public interface IBehaviourState
{
    /// <summary>Now, in milliseconds of the state's clock (a <see cref="TimeProvider"/>: tests and replay set it).</summary>
    long NowMs { get; }

    /// <summary>
    /// Appends <paramref name="item"/> to the window at <paramref name="key"/> and returns its live part, oldest first:
    /// events younger than <paramref name="retention"/>, at most the configured number (the oldest are dropped first).
    /// </summary>
    ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>The live part of the window at <paramref name="key"/> (empty when there is none), oldest first.</summary>
    ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="amount"/> to a sum that halves every <paramref name="halfLife"/> and returns the sum now: a
    /// budget of bytes or items that recovers on its own, with no cliff at a window's edge.
    /// </summary>
    ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken);

    /// <summary>Forgets everything (replay, between cases).</summary>
    void Clear();
}

using McpVanguard.Audit;
using McpVanguard.Configuration;
using McpVanguard.State;

namespace McpVanguard.Gateway.State;

/// <summary>
/// The shared state of <c>vanguard serve</c> from <c>state.*</c>: in memory when <c>state.redis</c> is unset, otherwise
/// Redis behind the profile's failure policy (<see cref="ResilientSharedState"/>), its outages reported by
/// <see cref="StateHealthReport"/>. The Redis client is touched only in the second case, so a gateway without Redis (and
/// <c>vanguard start</c>) never loads it.
/// </summary>
public static class SharedStateFactory
{
    /// <param name="log">Where outages are announced (stderr of the process).</param>
    public static async Task<ISharedState> CreateAsync(VanguardOptions options, IAuditSink audit, TextWriter log, TimeProvider clock, CancellationToken cancellationToken)
    {
        var local = new InMemorySharedState(clock, options.Behaviour.MaxKeys, options.Behaviour.MaxEvents);
        if (!options.State.IsShared)
        {
            return local;
        }

        var shared = Redis(options, local, audit, log, clock);
        await shared.CheckAsync(cancellationToken).ConfigureAwait(false);
        return shared;
    }

    /// <summary>
    /// The shared pins of the deployment (<c>state.redis</c>; null when unset): what <c>vanguard serve</c> and
    /// <c>vanguard pins</c> attach to the pin store with <see cref="McpVanguard.Integrity.PinStore.ShareThrough"/>.
    /// The caller disposes it.
    /// </summary>
    public static McpVanguard.Integrity.IPinLedger? PinLedger(VanguardOptions options, McpVanguard.Integrity.PinStoreLimits? limits = null)
        => options.State.IsShared ? RedisPins(options.State, (limits ?? McpVanguard.Integrity.PinStoreLimits.Default).MaxServers) : null;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static McpVanguard.Integrity.IPinLedger RedisPins(StateSettings settings, int maxServers) => RedisPinLedger.Connect(settings, maxServers);

    /// <summary>Kept apart so that the JIT loads StackExchange.Redis only when this runs.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ResilientSharedState Redis(VanguardOptions options, InMemorySharedState local, IAuditSink audit, TextWriter log, TimeProvider clock)
    {
        var report = new StateHealthReport(audit, log, options.Profile);
        return new ResilientSharedState(RedisSharedState.Connect(options.State, clock, options.Behaviour.MaxEvents), local, options.Profile, report.Report);
    }
}

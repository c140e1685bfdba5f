using McpVanguard.Inspection.Behaviour;
using McpVanguard.Policy;

namespace McpVanguard.State;

/// <summary>
/// A shared backend (Redis) with the profile's policy for when it cannot answer. Strict: every operation throws
/// <see cref="StateUnavailableException"/>, so new sessions are refused and L3 fails closed. Balanced and monitor: the
/// operation runs on this process's own state instead, and the outage is reported (once when it starts, once when it
/// ends). While the backend is down no call waits for it: a probe pings it in the background and switches back when it
/// answers. What was counted locally during the outage is not merged back (windows and buckets are short-lived).
/// </summary>
public sealed class ResilientSharedState : ISharedState
{
    /// <summary>How often the background probe pings a backend that is down.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(500);

    private readonly ISharedState _shared;
    private readonly InMemorySharedState _local;
    private readonly Profile _profile;
    private readonly Action<StateHealth> _onChange;
    private readonly CancellationTokenSource _disposing = new();
    private volatile StateHealth _health;
    private int _down;
    private Task _probe = Task.CompletedTask;

    /// <param name="shared">The backend every instance shares.</param>
    /// <param name="local">This process's own state: the fallback of balanced and monitor.</param>
    /// <param name="onChange">Told when the backend goes down and when it comes back (logs, audit); must not throw.</param>
    public ResilientSharedState(ISharedState shared, InMemorySharedState local, Profile profile, Action<StateHealth> onChange)
    {
        _shared = shared;
        _local = local;
        _profile = profile;
        _onChange = onChange;
        _health = StateHealth.Healthy(shared.Backend);
    }

    public string Backend => _shared.Backend;

    /// <summary>Whether the shared backend is in use now, and why not.</summary>
    public StateHealth Health => _health;

    public long NowMs => _local.NowMs;

    /// <summary>Checks the backend once (at start-up): an unreachable one starts the gateway degraded, never stops it.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _shared.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StateUnavailableException ex)
        {
            MarkDown(ex.Message);
        }
    }

    public ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken)
        => RunAsync(s => s.AppendAsync(key, item, retention, cancellationToken));

    public ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
        => RunAsync(s => s.ReadAsync(key, retention, cancellationToken));

    public ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken)
        => RunAsync(s => s.AddDecayingAsync(key, amount, halfLife, cancellationToken));

    /// <summary>Forgets the local state only: shared state is never wiped by one instance.</summary>
    public void Clear() => _local.Clear();

    public ValueTask<TimeSpan?> TakeTokenAsync(string key, int burst, TimeSpan refillPeriod, CancellationToken cancellationToken)
        => RunAsync(s => s.TakeTokenAsync(key, burst, refillPeriod, cancellationToken));

    public ValueTask<bool> TryLeaseAsync(string key, string member, int max, TimeSpan lease, CancellationToken cancellationToken)
        => RunAsync(s => s.TryLeaseAsync(key, member, max, lease, cancellationToken));

    public ValueTask ReleaseLeaseAsync(string key, string member, CancellationToken cancellationToken)
        => RunAsync(s => s.ReleaseLeaseAsync(key, member, cancellationToken));

    public ValueTask PutAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
        => RunAsync(s => s.PutAsync(key, value, ttl, cancellationToken));

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
        => RunAsync(s => s.GetAsync(key, cancellationToken));

    public ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
        => RunAsync(s => s.DeleteAsync(key, cancellationToken));

    public ValueTask PingAsync(CancellationToken cancellationToken) => _shared.PingAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync().ConfigureAwait(false);
        await _probe.ConfigureAwait(false);
        await _shared.DisposeAsync().ConfigureAwait(false);
        _disposing.Dispose();
    }

    private async ValueTask<T> RunAsync<T>(Func<ISharedState, ValueTask<T>> operation)
    {
        if (Volatile.Read(ref _down) == 0)
        {
            try
            {
                return await operation(_shared).ConfigureAwait(false);
            }
            catch (StateUnavailableException ex)
            {
                MarkDown(ex.Message);
            }
        }

        return _profile == Profile.Strict
            ? throw new StateUnavailableException(StrictRefusal())
            : await operation(_local).ConfigureAwait(false);
    }

    private async ValueTask RunAsync(Func<ISharedState, ValueTask> operation)
        => await RunAsync(async s =>
        {
            await operation(s).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private string StrictRefusal() => $"the shared state ({_shared.Backend}) is unreachable and the strict profile does not fall back to local state: {_health.Reason}";

    private void MarkDown(string reason)
    {
        if (Interlocked.Exchange(ref _down, 1) == 1)
        {
            return;
        }

        _health = StateHealth.Down(_shared.Backend, reason, _profile != Profile.Strict);
        _onChange(_health);
        _probe = Task.Run(ProbeAsync);
    }

    private async Task ProbeAsync()
    {
        using var timer = new PeriodicTimer(ProbeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_disposing.Token).ConfigureAwait(false))
            {
                try
                {
                    await _shared.PingAsync(_disposing.Token).ConfigureAwait(false);
                }
                catch (StateUnavailableException)
                {
                    continue;
                }

                _health = StateHealth.Healthy(_shared.Backend);
                Volatile.Write(ref _down, 0);
                _onChange(_health);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while down.
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.State;
using StackExchange.Redis;

namespace McpVanguard.Gateway.State;

/// <summary>
/// Shared state on Redis (<c>state.redis</c>): every update one Lua script (<see cref="RedisScripts"/>), every key under
/// <c>state.key_prefix</c> and with an expiry, every call bounded by <c>state.timeout_ms</c>. A failure of any kind is
/// reported as <see cref="StateUnavailableException"/> without credentials; the client reconnects in the background and
/// fails fast while disconnected (no backlog), so a dead Redis never holds a request for longer than the timeout.
/// </summary>
internal sealed class RedisSharedState : ISharedState
{
    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly string _prefix;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly int _maxEvents;
    private readonly string _where;

    private RedisSharedState(ConnectionMultiplexer connection, RedisAddress address, StateSettings settings, TimeProvider clock, int maxEvents)
    {
        _connection = connection;
        _db = connection.GetDatabase(address.Database);
        _prefix = settings.KeyPrefix + ":";
        _timeout = settings.Timeout;
        _clock = clock;
        _maxEvents = maxEvents;
        _where = address.ToString();
    }

    /// <summary>Connects in the background: an unreachable Redis gives a state whose calls fail fast, never a failed start.</summary>
    public static RedisSharedState Connect(StateSettings settings, TimeProvider clock, int maxEvents)
    {
        var address = settings.Redis ?? throw new ArgumentException("state.redis is not set.", nameof(settings));
        // Its own log would print the configuration (with the password); none is attached.
        return new RedisSharedState(ConnectionMultiplexer.Connect(ConnectionOptions(settings)), address, settings, clock, maxEvents);
    }

    /// <summary>How every Redis connection of vanguard is made (state, shared pins): bounded by the timeout, failing fast while down.</summary>
    internal static ConfigurationOptions ConnectionOptions(StateSettings settings)
    {
        var address = settings.Redis ?? throw new ArgumentException("state.redis is not set.", nameof(settings));
        var timeoutMs = (int)settings.Timeout.TotalMilliseconds;
        return new ConfigurationOptions
        {
            EndPoints = { { address.Host, address.Port } },
            DefaultDatabase = address.Database,
            User = address.User,
            Password = address.Password,
            Ssl = address.Tls,
            SslHost = address.Tls ? address.Host : null,
            AbortOnConnectFail = false,
            ConnectTimeout = Math.Max(timeoutMs, 1000),
            SyncTimeout = timeoutMs,
            AsyncTimeout = timeoutMs,
            ConnectRetry = 1,
            KeepAlive = 5,
            // While disconnected, fail at once rather than queue: the profile's policy decides what happens next.
            BacklogPolicy = BacklogPolicy.FailFast,
            ReconnectRetryPolicy = new ExponentialRetry(250, 2000),
            ClientName = "mcp-vanguard",
            AllowAdmin = false,
        };
    }

    public string Backend => "redis";

    public long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async ValueTask<IReadOnlyList<BehaviourEvent>> AppendAsync(string key, BehaviourEvent item, TimeSpan retention, CancellationToken cancellationToken)
    {
        var result = await CallAsync(_db.ScriptEvaluateAsync(RedisScripts.Append, [Key(key)],
            [NowMs, item.AtMs, JsonSerializer.Serialize(item, RedisStateJson.Default.BehaviourEvent), (long)retention.TotalMilliseconds, _maxEvents]), cancellationToken).ConfigureAwait(false);
        return Events((RedisValue[]?)result);
    }

    public async ValueTask<IReadOnlyList<BehaviourEvent>> ReadAsync(string key, TimeSpan retention, CancellationToken cancellationToken)
    {
        var values = await CallAsync(_db.SortedSetRangeByScoreAsync(Key(key), NowMs - (long)retention.TotalMilliseconds, double.PositiveInfinity), cancellationToken).ConfigureAwait(false);
        return Events(values);
    }

    public async ValueTask<double> AddDecayingAsync(string key, double amount, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        // Forgotten once it has halved 16 times (below 1/65536 of itself), as in memory.
        var expiry = (long)(halfLife.TotalMilliseconds * 16);
        var result = await CallAsync(_db.ScriptEvaluateAsync(RedisScripts.AddDecaying, [Key(key)],
            [NowMs, amount.ToString("R", CultureInfo.InvariantCulture), (long)halfLife.TotalMilliseconds, expiry]), cancellationToken).ConfigureAwait(false);
        return double.Parse((string)result!, CultureInfo.InvariantCulture);
    }

    public void Clear() => throw new InvalidOperationException("Shared state is never cleared by one instance (replay uses in-memory state).");

    public async ValueTask<TimeSpan?> TakeTokenAsync(string key, int burst, TimeSpan refillPeriod, CancellationToken cancellationToken)
    {
        var result = await CallAsync(_db.ScriptEvaluateAsync(RedisScripts.TakeToken, [Key(key)],
            [burst, Math.Max(1, (long)refillPeriod.TotalMilliseconds)]), cancellationToken).ConfigureAwait(false);
        var waitMs = (long)result;
        return waitMs <= 0 ? null : TimeSpan.FromMilliseconds(waitMs);
    }

    public async ValueTask<bool> TryLeaseAsync(string key, string member, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var result = await CallAsync(_db.ScriptEvaluateAsync(RedisScripts.Lease, [Key(key)],
            [member, max, Math.Max(1, (long)lease.TotalMilliseconds)]), cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    public async ValueTask ReleaseLeaseAsync(string key, string member, CancellationToken cancellationToken)
        => await CallAsync(_db.SortedSetRemoveAsync(Key(key), member), cancellationToken).ConfigureAwait(false);

    public async ValueTask PutAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
        => await CallAsync(_db.StringSetAsync(Key(key), value, ttl), cancellationToken).ConfigureAwait(false);

    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
        => await CallAsync(_db.StringGetAsync(Key(key)), cancellationToken).ConfigureAwait(false);

    public async ValueTask DeleteAsync(string key, CancellationToken cancellationToken)
        => await CallAsync(_db.KeyDeleteAsync(Key(key)), cancellationToken).ConfigureAwait(false);

    public async ValueTask PingAsync(CancellationToken cancellationToken)
        => await CallAsync(_db.PingAsync(), cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    private RedisKey Key(string key) => _prefix + key;

    /// <summary>Waits at most the timeout (the client's own timeout is the first bound, this the backstop) and maps every failure.</summary>
    private async Task<T> CallAsync<T>(Task<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(_timeout + _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            _ = call.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new StateUnavailableException($"{_where}: {Describe(ex)}", ex);
        }
    }

    /// <summary>The failure's kind and message: the client's messages name the endpoint, never the password.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        RedisConnectionException c => $"not connected ({c.FailureType})",
        RedisTimeoutException or TimeoutException => "timed out",
        RedisServerException s => "server error: " + s.Message,
        _ => ex.GetType().Name,
    };

    private static BehaviourEvent[] Events(RedisValue[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return [];
        }

        var events = new BehaviourEvent[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            events[i] = JsonSerializer.Deserialize((string)values[i]!, RedisStateJson.Default.BehaviourEvent)!;
        }

        return events;
    }
}

/// <summary>How an L3 step is stored in a Redis window: source-generated, so storing costs no reflection.</summary>
[JsonSerializable(typeof(BehaviourEvent))]
internal sealed partial class RedisStateJson : JsonSerializerContext;

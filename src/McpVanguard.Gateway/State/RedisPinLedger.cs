using McpVanguard.Integrity;
using McpVanguard.State;
using StackExchange.Redis;

namespace McpVanguard.Gateway.State;

/// <summary>
/// The shared pins on Redis (<c>state.redis</c>): two hashes under the deployment's prefix, <c>PREFIX:pins:entries</c>
/// (server identity → its pins as JSON) and <c>PREFIX:pins:versions</c> (identity → version token), written only by
/// one compare-and-set script (<see cref="RedisScripts.PinWrite"/>) that also announces the change on
/// <c>PREFIX:pins</c>. Both hashes expire after <see cref="Expiry"/> without a write (the instances' pin files re-seed
/// them) and hold at most <see cref="PinStoreLimits.MaxServers"/> servers. Calls are synchronous (a comparison runs inside
/// an inspector), bounded by <c>state.timeout_ms</c>, and fail fast while Redis is down.
/// </summary>
internal sealed class RedisPinLedger : IPinLedger
{
    /// <summary>How long the shared pins outlive their last write (any change, or a server's hourly last-seen refresh).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromDays(30);

    private readonly ConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly RedisKey[] _keys;
    private readonly RedisChannel _channel;
    private readonly int _maxServers;
    private readonly string _where;

    private RedisPinLedger(ConnectionMultiplexer connection, StateSettings settings, int maxServers)
    {
        var address = settings.Redis!;
        _connection = connection;
        _db = connection.GetDatabase(address.Database);
        _keys = [settings.KeyPrefix + ":pins:entries", settings.KeyPrefix + ":pins:versions"];
        _channel = RedisChannel.Literal(settings.KeyPrefix + ":pins");
        _maxServers = maxServers;
        _where = address.ToString();
    }

    public event Action<string>? Changed;

    public string Backend => "redis";

    /// <summary>Connects in the background (an unreachable Redis gives a ledger whose calls fail fast) and follows the change feed.</summary>
    public static RedisPinLedger Connect(StateSettings settings, int maxServers)
    {
        var ledger = new RedisPinLedger(ConnectionMultiplexer.Connect(RedisSharedState.ConnectionOptions(settings)), settings, maxServers);
        // The client restores the subscription after a reconnect; until it first succeeds the pin store's sweep (once a
        // second) stands in for the feed.
        _ = ledger._connection.GetSubscriber()
            .SubscribeAsync(ledger._channel, (_, identity) => ledger.Changed?.Invoke(identity!))
            .ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        return ledger;
    }

    public PinLedgerEntry Read(string identity, string? knownVersion)
    {
        var result = Call(() => _db.ScriptEvaluate(RedisScripts.PinRead, _keys, [identity, knownVersion ?? string.Empty]));
        var parts = (RedisResult[])result!;
        return parts.Length switch
        {
            0 => new PinLedgerEntry(null, null),
            1 => PinLedgerEntry.Unchanged((string)parts[0]!),
            _ => new PinLedgerEntry((string)parts[0]!, (byte[])parts[1]!),
        };
    }

    public IReadOnlyDictionary<string, string> Versions()
    {
        var entries = Call(() => _db.HashGetAll(_keys[1]));
        var versions = new Dictionary<string, string>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            versions[(string)entry.Name!] = (string)entry.Value!;
        }

        return versions;
    }

    public PinLedgerWrite TryWrite(string identity, byte[] entry, string? expectedVersion, string newVersion)
    {
        var result = Call(() => _db.ScriptEvaluate(RedisScripts.PinWrite, _keys,
            [identity, expectedVersion ?? string.Empty, newVersion, entry, (long)Expiry.TotalMilliseconds, _maxServers, _channel.ToString()]));
        var parts = (RedisResult[])result!;
        return (long)parts[0] switch
        {
            1 => new PinLedgerWrite(true, new PinLedgerEntry((string)parts[1]!, entry)),
            -1 => new PinLedgerWrite(false, new PinLedgerEntry(null, null), Full: true),
            _ => new PinLedgerWrite(false, parts.Length >= 3 ? new PinLedgerEntry((string)parts[1]!, (byte[])parts[2]!) : new PinLedgerEntry(null, null)),
        };
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    /// <summary>Runs one synchronous call (the client's sync timeout bounds it) and maps every failure, without credentials.</summary>
    private T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            throw new StateUnavailableException($"{_where}: {ex switch
            {
                RedisConnectionException c => $"not connected ({c.FailureType})",
                RedisTimeoutException or TimeoutException => "timed out",
                RedisServerException s => "server error: " + s.Message,
                _ => ex.GetType().Name,
            }}", ex);
        }
    }
}

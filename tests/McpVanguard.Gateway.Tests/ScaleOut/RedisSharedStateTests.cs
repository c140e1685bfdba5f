using System.Net.Sockets;
using System.Text;
using McpVanguard.Gateway.State;
using McpVanguard.Inspection.Behaviour;
using McpVanguard.State;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>The Redis backend against a real redis-server: bounded windows, every key with an expiry, fast failure when down.</summary>
[Trait("needs", "redis-nginx")]
public sealed class RedisSharedStateTests
{
    private readonly CancellationToken _token = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Windows_are_bounded_and_every_key_it_writes_expires()
    {
        LocalServices.Require(nginx: false);
        await using var redis = await RedisServerProcess.StartAsync(_token);
        var settings = new StateSettings { Redis = RedisAddress.TryParse(redis.Url, out _), KeyPrefix = "unit" };
        await using var state = RedisSharedState.Connect(settings, TimeProvider.System, maxEvents: 8);

        for (var i = 0; i < 20; i++)
        {
            await state.AppendAsync("session:s", new BehaviourEvent(state.NowMs, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "tools/call", "read_file", "fs", BehaviourKind.Read), TimeSpan.FromMinutes(5), _token);
        }

        var window = await state.ReadAsync("session:s", TimeSpan.FromMinutes(5), _token);
        Assert.Equal(8, window.Count);
        Assert.Equal("19", window[^1].StepId);
        Assert.Equal(3.0, await state.AddDecayingAsync("budget", 3, TimeSpan.FromMinutes(5), _token), precision: 3);
        Assert.Null(await state.TakeTokenAsync("rate:x", 2, TimeSpan.FromMinutes(1), _token));
        Assert.True(await state.TryLeaseAsync("sessions:p", "s1", 1, TimeSpan.FromMinutes(1), _token));
        Assert.False(await state.TryLeaseAsync("sessions:p", "s2", 1, TimeSpan.FromMinutes(1), _token));
        await state.PutAsync("owner:s1", "a", TimeSpan.FromMinutes(1), _token);

        var keys = (await CommandAsync(redis.Port, "KEYS unit:*")).Split("\r\n").Where(l => l.StartsWith("unit:", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, keys.Count);
        foreach (var key in keys)
        {
            var ttl = await CommandAsync(redis.Port, "PTTL " + key);
            Assert.True(ttl.StartsWith(':') && long.Parse(ttl[1..].Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0, $"{key} has no expiry ({ttl.Trim()})");
        }
    }

    [Fact]
    public async Task A_stopped_redis_fails_calls_quickly_with_StateUnavailable()
    {
        LocalServices.Require(nginx: false);
        await using var redis = await RedisServerProcess.StartAsync(_token);
        var settings = new StateSettings { Redis = RedisAddress.TryParse(redis.Url, out _), KeyPrefix = "unit", Timeout = TimeSpan.FromMilliseconds(200) };
        await using var state = RedisSharedState.Connect(settings, TimeProvider.System, maxEvents: 8);
        await state.PingAsync(_token);

        await redis.StopAsync();
        var ex = await Assert.ThrowsAsync<StateUnavailableException>(async () => await state.TakeTokenAsync("rate:x", 2, TimeSpan.FromMinutes(1), _token));
        Assert.Contains("127.0.0.1", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>One inline command over RESP, the raw reply.</summary>
    private async Task<string> CommandAsync(int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, _token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), _token);
        var buffer = new byte[8192];
        var read = await stream.ReadAsync(buffer, _token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}

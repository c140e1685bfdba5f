using McpVanguard.Configuration;

namespace McpVanguard.Tests.Configuration;

/// <summary><c>state.*</c> and <c>gateway.session_route</c>: bound from file and environment, validated at load, never echoing a password.</summary>
public sealed class StateConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private VanguardOptions Load(string yaml, Dictionary<string, string>? env = null)
    {
        var path = Path.Combine(_dir, "vanguard.yaml");
        File.WriteAllText(path, yaml);
        return ConfigurationLoader.Load(new Dictionary<string, object>(), env ?? [], path, []);
    }

    [Fact]
    public void By_default_state_is_in_memory()
    {
        var state = Load("profile: balanced\n").State;
        Assert.False(state.IsShared);
        Assert.Equal("vanguard", state.KeyPrefix);
        Assert.Equal(TimeSpan.FromMilliseconds(250), state.Timeout);
    }

    [Fact]
    public void A_redis_url_binds_host_port_database_tls_and_a_password_from_the_environment()
    {
        var options = Load("""
            gateway:
              session_route: a-1
            state:
              redis: rediss://cache.internal:6380/2
              key_prefix: prod-eu
              timeout_ms: 100
            """, new() { ["VANGUARD_STATE_PASSWORD"] = "s3cret-pass" });
        var redis = options.State.Redis!;
        Assert.Equal(("cache.internal", 6380, 2, true, "s3cret-pass"), (redis.Host, redis.Port, redis.Database, redis.Tls, redis.Password));
        Assert.Equal("rediss://cache.internal:6380/2", redis.ToString());
        Assert.Equal(("prod-eu", TimeSpan.FromMilliseconds(100)), (options.State.KeyPrefix, options.State.Timeout));
        Assert.Equal("a-1", options.Gateway.SessionRoute);
    }

    [Fact]
    public void Bad_values_are_reported_together_and_a_password_in_a_bad_url_is_masked()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Load("""
            gateway:
              session_route: "A.b"
            state:
              redis: http://user:hunter2hunter2@cache:6379/0
              key_prefix: "bad prefix"
              timeout_ms: 0
            """));
        var text = string.Join('\n', ex.Errors);
        Assert.Contains("gateway.session_route", text, StringComparison.Ordinal);
        Assert.Contains("state.redis", text, StringComparison.Ordinal);
        Assert.Contains("state.key_prefix", text, StringComparison.Ordinal);
        Assert.Contains("state.timeout_ms", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_without_redis_or_twice_is_an_error()
    {
        Assert.Contains("state.redis", Assert.Throws<ConfigurationException>(() => Load("state:\n  password: x\n")).Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ConfigurationException>(() => Load("state:\n  redis: redis://:p@h:1/0\n  password: q\n"));
        Assert.Contains("not both", twice.Message, StringComparison.Ordinal);
    }
}

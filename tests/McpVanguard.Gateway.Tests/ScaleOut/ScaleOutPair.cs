namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// Two <c>vanguard serve</c> instances (routes a and b) sharing one real redis-server, behind nginx with the shipped
/// config: what the scale-out tests run against. Each test uses principals of its own, so they share the pair safely.
/// Nothing starts when redis-server or nginx is missing (the tests skip).
/// </summary>
public sealed class ScaleOutPair : IAsyncLifetime
{
    /// <summary>Principals and their API keys (an instance reads them from these variables).</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["LIMIT_KEY"] = "limit-key-0123456789abcdef",
        ["CHAIN_KEY"] = "chain-key-0123456789abcdef",
        ["ROUTE_KEY"] = "route-key-0123456789abcdef",
    };

    /// <summary>The per-principal rate limit of both instances: a burst of this many, one back per minute.</summary>
    public const int Burst = 40;

    internal RedisServerProcess? Redis { get; private set; }

    internal ServeInstance? A { get; private set; }

    internal ServeInstance? B { get; private set; }

    internal NginxBalancer? Nginx { get; private set; }

    /// <param name="timeoutMs">state.timeout_ms: the default (250) unless a test checks semantics that a loaded CI machine's slow round trip must not flip.</param>
    public static string Config(string redisUrl, string prefix, string route, string profile = "balanced", int burst = Burst, int timeoutMs = 250) => $$"""
        profile: {{profile}}
        gateway:
          session_route: {{route}}
        state:
          redis: {{redisUrl}}
          key_prefix: {{prefix}}
          timeout_ms: {{timeoutMs}}
        auth:
          api_keys:
            - {name: limit, key_env: LIMIT_KEY}
            - {name: chain, key_env: CHAIN_KEY}
            - {name: route, key_env: ROUTE_KEY}
          rate_limit: {requests_per_minute: 1, burst: {{burst}}}
        """;

    public async ValueTask InitializeAsync()
    {
        if (LocalServices.RedisServer is null || LocalServices.Nginx is null)
        {
            return;
        }

        var token = TestContext.Current.CancellationToken;
        Redis = await RedisServerProcess.StartAsync(token);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..8];
        var starting = new[] { "a", "b" }.Select(route => ServeInstance.StartAsync(Config(Redis.Url, prefix, route), Keys, token)).ToArray();
        var instances = await Task.WhenAll(starting);
        (A, B) = (instances[0], instances[1]);
        Nginx = await NginxBalancer.StartAsync(A.Port, B.Port, token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in new IAsyncDisposable?[] { Nginx, A, B, Redis })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }
    }
}

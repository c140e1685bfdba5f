using McpVanguard.Configuration;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using ModelContextProtocol.Client;

namespace McpVanguard.Gateway.Tests;

/// <summary>A real gateway on a real Kestrel bound to 127.0.0.1 with a free port, in this process, in front of real upstreams.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    /// <summary>Building the rule regexes takes seconds; every gateway in the test run shares one warmed engine per profile.</summary>
    private static readonly Lazy<IReadOnlyList<Rule>> Rules = new(() => RuleLoader.Load(null));

    private GatewayHarness(GatewayServer server, MemoryAuditSink audit, VanguardOptions options)
    {
        Server = server;
        Audit = audit;
        Options = options;
        BaseUrl = new Uri(server.Urls.Single().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public GatewayServer Server { get; }

    public MemoryAuditSink Audit { get; }

    public VanguardOptions Options { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public Uri BaseUrl { get; }

    public Uri Mcp => new(BaseUrl, "/mcp");

    public static async Task<GatewayHarness> StartAsync(IReadOnlyList<UpstreamDefinition> servers, IReadOnlyDictionary<string, object>? settings = null)
    {
        var values = new Dictionary<string, object>
        {
            [ConfigurationKeys.GatewayHost] = "127.0.0.1",
            [ConfigurationKeys.GatewayPort] = "0",
            [ConfigurationKeys.ShutdownGraceMs] = "200",
            [ConfigurationKeys.AuditLog] = Path.Combine(Path.GetTempPath(), "vanguard-gateway-tests-unused.jsonl"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, object>())
        {
            values[key] = value;
        }

        var options = ConfigurationLoader.Load(values, new Dictionary<string, string>(), configPath: null, []);
        var engine = InspectionEngine.Create(options, Rules.Value);
        var audit = new MemoryAuditSink();
        var server = GatewayServer.Create(new GatewayHostOptions { Options = options, Servers = servers }, engine, audit);
        await server.StartAsync(CancellationToken.None);
        return new GatewayHarness(server, audit, options);
    }

    public static Task<GatewayHarness> StartAsync(string id, IReadOnlyList<string> command, IReadOnlyDictionary<string, object>? settings = null)
        => StartAsync([UpstreamDefinition.Stdio(id, command)], settings);

    /// <summary>The official C# SDK client over Streamable HTTP (or legacy SSE).</summary>
    public Task<McpClient> ConnectAsync(CancellationToken cancellationToken, HttpTransportMode mode = HttpTransportMode.StreamableHttp, McpClientOptions? options = null, string? path = null)
    {
        var endpoint = new Uri(BaseUrl, path ?? (mode == HttpTransportMode.Sse ? "/sse" : "/mcp"));
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = mode, Name = "gateway-test" });
        return McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

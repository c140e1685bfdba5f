using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Access;
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

    /// <summary>A client for hand-made requests to this gateway (the caller disposes it).</summary>
    public HttpClient NewHttpClient() => new() { BaseAddress = BaseUrl };

    public static Task<GatewayHarness> StartAsync(IReadOnlyList<UpstreamDefinition> servers, IReadOnlyDictionary<string, object>? settings = null)
        => StartAsync(servers, settings, configPath: null, environment: null);

    /// <summary>
    /// The gateway as <c>vanguard serve</c> composes it from a config file: <paramref name="yaml"/> (with its <c>auth:</c>,
    /// <c>access:</c> and <c>gateway:</c> sections) is read by the same readers, and <paramref name="environment"/> stands
    /// for the process environment (key variables).
    /// </summary>
    /// <param name="file">Where to write the config (files it names are relative to its folder); by default a new temporary folder.</param>
    /// <param name="time">The gateway's clock (<see cref="GatewayHostOptions.Time"/>); the system clock when null.</param>
    public static Task<GatewayHarness> StartFromConfigAsync(string yaml, IReadOnlyList<UpstreamDefinition> servers, IReadOnlyDictionary<string, string>? environment = null, string? file = null, TimeProvider? time = null)
    {
        file ??= Path.Combine(Directory.CreateTempSubdirectory("vanguard-gw-config-").FullName, "vanguard.yaml");
        File.WriteAllText(file, yaml);
        return StartAsync(servers, null, file, environment ?? new Dictionary<string, string>(), time);
    }

    /// <summary>The gateway with <paramref name="adjust"/> applied to its host options (telemetry tests add their in-memory readers).</summary>
    public static Task<GatewayHarness> StartAsync(IReadOnlyList<UpstreamDefinition> servers, IReadOnlyDictionary<string, object>? settings, Func<GatewayHostOptions, GatewayHostOptions> adjust)
        => StartAsync(servers, settings, configPath: null, environment: null, adjust: adjust);

    private static async Task<GatewayHarness> StartAsync(IReadOnlyList<UpstreamDefinition> servers, IReadOnlyDictionary<string, object>? settings, string? configPath, IReadOnlyDictionary<string, string>? environment, TimeProvider? time = null, Func<GatewayHostOptions, GatewayHostOptions>? adjust = null)
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

        environment ??= new Dictionary<string, string>();
        var options = ConfigurationLoader.Load(values, environment, configPath, []);
        // The composition serve uses (access policy, L2, L3); no pin store, as the tests of pinning build their own.
        var engine = McpVanguard.Cli.Commands.EngineFactory.Compose(options, Rules.Value, pins: null);
        var audit = new MemoryAuditSink();
        var auth = GatewayAuthOptionsReader.Read(options, environment);
        var host = new GatewayHostOptions { Options = options, Servers = servers, Auth = auth, Time = time ?? TimeProvider.System };
        var server = GatewayServer.Create(adjust is null ? host : adjust(host), engine, audit);
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

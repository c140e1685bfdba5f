using System.CommandLine;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Hosting;
using McpVanguard.Gateway.State;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Policy;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard serve --server "CMD ARGS"</c> (alias <c>sse</c>): the hosted gateway, Streamable HTTP at <c>/mcp</c> and
/// legacy SSE at <c>/sse</c>, in front of a stdio server (a child per session), a remote server, or the configured <c>servers:</c>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var common = new CommonOptions { ResolvesAuthSecrets = true };
        var server = new Option<string?>("--server", "-s") { Description = "A stdio server command line, quoted; each client session gets its own child." };
        var upstreamUrl = new Option<string?>("--upstream-url") { Description = "The URL of a remote Streamable HTTP MCP server to front instead." };
        var host = new Option<string?>("--host") { Description = "Address to listen on (default 127.0.0.1)." };
        var port = new Option<int?>("--port") { Description = "Port to listen on (default 8080; 0 picks a free one)." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus /metrics on this port of telemetry.metrics_host (default 127.0.0.1), without authentication." };
        var serve = new Command("serve", "Run the HTTP gateway (Streamable HTTP at /mcp, legacy SSE at /sse) in front of MCP servers.") { server, upstreamUrl, host, port, metricsPort };
        serve.Aliases.Add("sse");
        common.AddTo(serve);
        serve.SetAction(async (parse, cancellationToken) =>
        {
            if (EngineFactory.TryLoadOptions(common, parse, Overrides(parse, host, port, metricsPort)) is not { } options || EngineFactory.TryCreateAuditIntegrity(options) is not { } integrity)
            {
                return EngineFactory.ConfigurationError;
            }

            IReadOnlyList<UpstreamDefinition> servers;
            try
            {
                servers = Upstreams(options, parse.GetValue(server), parse.GetValue(upstreamUrl));
            }
            catch (Exception ex) when (ex is ConfigurationException or FormatException)
            {
                Console.Error.WriteLine($"[vanguard] configuration error: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            // API keys (VANGUARD_API_KEY or auth.api_keys), JWT (auth.jwt), the rate limit and the per-principal session cap,
            // bound and validated with the rest of the configuration by the shared load above.
            var auth = common.Auth;

            if (options.Profile == Profile.Strict && GatewayExposure.IsPublicWithoutAuthentication(options.Gateway, auth))
            {
                Console.Error.WriteLine($"[vanguard] refusing to listen on {options.Gateway.Host} without authentication under the strict profile; bind to 127.0.0.1 or configure authentication.");
                return EngineFactory.ConfigurationError;
            }

            foreach (var warning in GatewayExposure.Warnings(options.Gateway, auth))
            {
                Console.Error.WriteLine("[vanguard] " + warning);
            }

            // Before any child is spawned (a warm pool starts with the gateway): each stdio upstream's signed manifest and
            // the npm package it would run (docs/TRUST.md). Under strict one unverified upstream keeps the gateway down.
            var fromCommandLine = parse.GetValue(server) is not null;
            if (!fromCommandLine && options.Trust.Manifest.Path is { } unused)
            {
                // Said, not silently ignored: the servers: entries each name their own manifest.
                Console.Error.WriteLine($"[vanguard] warning: {ConfigurationKeys.TrustManifest} '{unused}' ({options.Trust.Manifest.Source}) applies to start and serve --server; a servers: entry takes its own 'manifest'.");
            }

            var launches = servers.Where(s => s.IsStdio)
                .Select(s => LaunchGate.Check(options, s.Id, s.Command!, LaunchGate.SettingsFor(options, fromCommandLine ? null : options.Servers.FirstOrDefault(e => e.Id == s.Id))))
                .ToList();
            if (launches.Any(l => !l.Decision.Start))
            {
                await LaunchGate.AuditRefusalAsync(options, integrity, launches.Select(l => l.Decision));
                return EngineFactory.ConfigurationError;
            }

            if (EngineFactory.TryCreatePinStore(options, manifestBaseline: LaunchGate.Merge(null, launches.Select(l => l.Baseline))) is not { } pins)
            {
                return EngineFactory.ConfigurationError;
            }

            await using var audit = EngineFactory.CreateAuditSink(options, integrity);
            foreach (var unverified in launches.Select(l => l.Decision.Record).OfType<McpVanguard.Audit.AuditRecord>())
            {
                audit.Write(unverified);
            }

            // What instances behind a load balancer share (state.redis): L3 windows, rate limits, session caps, the
            // session directory. An unreachable Redis starts the gateway degraded (or refusing, under strict), never fails it.
            await using var state = await SharedStateFactory.CreateAsync(options, audit, Console.Error, TimeProvider.System, cancellationToken);
            // Pins, pending changes and approvals are shared too (the pin file stays the durable copy): a rug pull seen
            // through one instance is held on all, and an approval through any is honoured by all.
            await using var pinLedger = SharedStateFactory.PinLedger(options);
            using var pinSync = new CancellationTokenSource();
            if (pinLedger is not null)
            {
                pins.ShareThrough(pinLedger, fallBackToLocal: options.Profile != Profile.Strict);
                _ = pins.SyncPeriodicallyAsync(TimeSpan.FromSeconds(1), pinSync.Token);
            }

            if (EngineFactory.TryCreateEngine(options, pins, behaviourState: state) is not var (rules, engine))
            {
                return EngineFactory.ConfigurationError;
            }

            Console.Error.WriteLine(StartupLine.For(options, rules.Count));
            if (options.State.Redis is { } redis)
            {
                Console.Error.WriteLine($"[vanguard] shared state: {redis} (prefix '{options.State.KeyPrefix}', timeout {options.State.Timeout.TotalMilliseconds:0} ms)");
            }

            // Every session's tools/list is compared with the pins of its upstream (rug pulls); read the file now.
            _ = Task.Run(pins.WarmUp, cancellationToken);

            var hostOptions = new GatewayHostOptions { Options = options, Servers = servers, Auth = auth, Pins = pins, State = state };
            // The route names this instance in the session directory too, so the misrouting warning says which one holds a session.
            hostOptions = options.Gateway.SessionRoute is { } route ? hostOptions with { InstanceId = route } : hostOptions;
            var gateway = GatewayServer.Create(hostOptions, engine, audit);
            try
            {
                await gateway.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"[vanguard] cannot listen on {options.Gateway.Host}:{options.Gateway.Port}: {ex.Message}");
                // A warm pool may already have started children.
                await gateway.DisposeAsync();
                return 1;
            }

            await using (gateway)
            {
                foreach (var url in gateway.Urls)
                {
                    foreach (var upstream in servers)
                    {
                        Console.Error.WriteLine($"[vanguard] serving '{upstream.Id}' at {url}/mcp/{upstream.Id} (Streamable HTTP) and {url}/sse/{upstream.Id} (legacy SSE)");
                    }

                    if (servers.Count == 1)
                    {
                        Console.Error.WriteLine($"[vanguard] listening on {url}/mcp (Streamable HTTP) and {url}/sse (legacy SSE); health at {url}/healthz and {url}/readyz");
                    }
                }

                foreach (var url in gateway.MetricsUrls)
                {
                    Console.Error.WriteLine($"[vanguard] Prometheus metrics at {url}/metrics (no authentication: keep it on loopback or a private network)");
                }

                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var signals = TerminationSignals.Register(context =>
                {
                    // Graceful shutdown: streams end, sessions drain, every child's process tree is killed.
                    context.Cancel = true;
                    stop.Cancel();
                });
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    Console.Error.WriteLine("[vanguard] stopping: ending sessions and their servers.");
                }
            }

            // Pins are written in the background; what is still unwritten must not be lost with the process.
            await pinSync.CancelAsync();
            pins.Flush();
            return 0;
        });
        return serve;
    }

    private static Dictionary<string, object> Overrides(ParseResult parse, Option<string?> host, Option<int?> port, Option<int?> metricsPort)
    {
        var values = new Dictionary<string, object>();
        if (parse.GetValue(metricsPort) is { } m)
        {
            values[ConfigurationKeys.TelemetryMetricsPort] = m.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (parse.GetValue(host) is { } h)
        {
            values[ConfigurationKeys.GatewayHost] = h;
        }

        if (parse.GetValue(port) is { } p)
        {
            values[ConfigurationKeys.GatewayPort] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>The command line's upstream (with the configured <c>server_id</c>) replaces the <c>servers:</c> section.</summary>
    private static IReadOnlyList<UpstreamDefinition> Upstreams(VanguardOptions options, string? command, string? url)
    {
        if (command is not null && url is not null)
        {
            throw new ConfigurationException("give either --server or --upstream-url, not both.");
        }

        if (command is not null)
        {
            var argv = CommandLineSplitter.Split(command);
            return argv.Count == 0 ? throw new ConfigurationException("--server is empty.") : [UpstreamDefinition.Stdio(options.ServerId, argv)];
        }

        if (url is not null)
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? [UpstreamDefinition.Remote(options.ServerId, uri)]
                : throw new ConfigurationException($"--upstream-url must be an absolute http(s) URL, got '{url}'.");
        }

        var configured = ServersSection.Parse(options);
        return configured.Count > 0
            ? configured
            : throw new ConfigurationException("no upstream: use --server \"CMD ARGS\", --upstream-url URL, or a servers: section in vanguard.yaml.");
    }
}

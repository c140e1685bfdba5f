using System.Net;
using McpVanguard.Audit;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Messages;
using McpVanguard.Gateway.RateLimiting;
using McpVanguard.Gateway.Security;
using McpVanguard.Gateway.Sessions;
using McpVanguard.Gateway.Sse;
using McpVanguard.Gateway.Streamable;
using McpVanguard.Gateway.Upstreams;
using McpVanguard.Gateway.Upstreams.Shared;
using McpVanguard.Inspection;
using McpVanguard.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Hosting;

/// <summary>
/// The hosted gateway, composed in one place (<see cref="Create"/>) for <c>vanguard serve</c> and the tests alike:
/// Kestrel on the configured address with Streamable HTTP (<c>/mcp</c>), legacy SSE (<c>/sse</c>, <c>/messages</c>),
/// <c>/healthz</c> and <c>/readyz</c>, behind the Origin/Host guard, authentication, the failed-authentication limit, the
/// rate limit and the session caps, in front of the configured upstreams. Disposing it drains: streams end, sessions
/// end and every child process tree is killed.
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SessionStore _store;
    private readonly UpstreamConnector _connector;
    private readonly CancellationTokenSource _stopping = new();
    private MetricsListener? _metrics;
    private Task _sweeper = Task.CompletedTask;
    private int _disposed;

    private GatewayServer(WebApplication app, SessionStore store, UpstreamConnector connector)
    {
        _app = app;
        _store = store;
        _connector = connector;
    }

    /// <summary>The addresses Kestrel listens on (known after <see cref="StartAsync"/>; a port of 0 is resolved).</summary>
    public IReadOnlyList<string> Urls => [.. _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>The separate metrics port's addresses (empty without <c>--metrics-port</c>; known after <see cref="StartAsync"/>).</summary>
    public IReadOnlyList<string> MetricsUrls => _metrics?.Urls ?? [];

    /// <summary>Exports buffered telemetry now (tests read their in-memory exporters after it).</summary>
    internal void FlushTelemetry()
    {
        if (_telemetry)
        {
            GatewayTelemetry.Flush(_app.Services);
        }
    }

    private bool _telemetry;

    /// <summary>Live sessions (for tests and diagnostics).</summary>
    public int SessionCount => _store.Count;

    /// <summary>The children of a shared server (for tests and diagnostics).</summary>
    internal IReadOnlyList<SharedChild> SharedChildren(string serverId) => _connector.SharedChildren(serverId);

    /// <summary>The verified caller a live session belongs to (for tests and diagnostics); null when anonymous or unknown.</summary>
    internal McpVanguard.Sessions.CallerIdentity? CallerOf(string sessionId) => _store.TryGet(sessionId, out var session) ? session.Caller : null;

    /// <summary>
    /// Builds the gateway exactly as <c>vanguard serve</c> runs it. Request order: Origin/Host guard, authentication, the
    /// failed-authentication limit, the rate limit (<c>auth.rate_limit</c>), authorization, then the endpoint, where a new
    /// session passes the caps (<c>auth.max_sessions_per_principal</c>, <c>gateway.max_sessions</c>).
    /// </summary>
    public static GatewayServer Create(GatewayHostOptions host, InspectionEngine engine, IAuditSink audit)
    {
        if (host.Servers.Count == 0)
        {
            throw new ArgumentException("The gateway needs at least one upstream server.", nameof(host));
        }

        var options = host.Options;
        var settings = options.Gateway;
        // The empty builder reads no appsettings.json and no ASPNETCORE_* variables: a stray file in the working directory
        // must not add a Kestrel endpoint on a public address behind the loopback check, or change any limit.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(GatewayServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        // A failed start (the port is taken) is reported by the caller in one line, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A backstop: the endpoints refuse an oversized body themselves, with a JSON-RPC error.
            kestrel.Limits.MaxRequestBodySize = settings.MaxBodyBytes + 1;
            if (settings.Host == "localhost")
            {
                kestrel.ListenLocalhost(settings.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(settings.Host.Trim('[', ']')), settings.Port);
            }
        });
        var auth = host.Auth;
        if (auth.IsEnabled)
        {
            builder.Services.AddVanguardAuthentication(auth, host.Time);
        }

        var telemetry = GatewayTelemetry.IsWanted(host);
        if (telemetry)
        {
            GatewayTelemetry.AddTo(builder.Services, host);
        }

        var app = builder.Build();
        // Rate limits, session caps and the session directory live in the shared state: in memory unless state.redis is set.
        var state = host.State ?? new McpVanguard.State.InMemorySharedState(host.Time, options.Behaviour.MaxKeys, options.Behaviour.MaxEvents);
        var lease = SessionStore.LeaseFor(settings.SessionIdleTimeout);
        var store = new SessionStore(settings.MaxSessions, settings.SessionIdleTimeout, new PrincipalSessionLimiter(state, auth.MaxSessionsPerPrincipal, lease), new SessionDirectory(state, host.InstanceId, lease));
        var rateLimits = auth.RateLimit is null ? null : new GatewayRateLimits(state, auth.RateLimit);
        // Share mode: a child holds as many unanswered requests as 16 sessions at their own limit; entries outlive no relay.
        var sharedLimits = new SharedChildLimits(options.ShutdownGrace, engine.Limits.MaxMessageBytes, settings.UpstreamTimeout, options.MaxPendingRequests * 16, options.PendingTimeout);
        var logs = app.Services.GetRequiredService<ILoggerFactory>();
        var connector = new UpstreamConnector(host.Servers, settings.WarmPool, options.ShutdownGrace, engine.Limits.MaxMessageBytes, settings.UpstreamTimeout, sharedLimits, logs.CreateLogger("McpVanguard.Gateway.Upstreams"));
        var failures = auth.IsEnabled ? new FailedAuthenticationGuard(audit) : null;
        var server = new GatewayServer(app, store, connector) { _telemetry = telemetry };
        if (options.Telemetry.MetricsPort is not null)
        {
            server._metrics = MetricsListener.Create(options.Telemetry, GatewayTelemetry.MeterProviderOf(app.Services));
        }

        var factory = new SessionFactory(engine, audit, connector, options);
        var admission = new SessionAdmission(store, factory, settings);
        var streamable = new StreamableHttpEndpoint(admission, settings, server._stopping.Token);
        var sse = new LegacySseEndpoint(admission, settings, server._stopping.Token);
        // Compile the common inspection paths off the request path; /readyz reports ready once that is done.
        engine.BeginPriming();
        var readiness = new ReadinessProbe(engine, host.Servers, state);
        var guard = new RequestOriginGuard(settings.AllowedOrigins, settings.AllowedOriginsConfigured, settings.AllowedHosts, LoopbackAddress.IsLoopback(settings.Host));
        app.Lifetime.ApplicationStopping.Register(server._stopping.Cancel);

        app.MapGet("/healthz", () => Results.Text($"ok vanguard {VanguardVersion.Text}\n"));
        app.MapGet("/readyz", (HttpContext context) => readiness.NotReadyReason() is { } reason
            ? HttpReply.RefuseAsync(context, Refusal.NotReady, null, reason)
            : context.Response.WriteAsync(readiness.ReadyText()));

        // Rebinding and cross-site checks come first, before authentication and before any session is looked up.
        app.UseWhen(context => !IsHealthPath(context.Request.Path), branch => branch.Use(async (context, next) =>
        {
            if (await guard.CheckAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        }));
        if (failures is not null)
        {
            app.UseAuthentication();
            app.UseWhen(context => !IsHealthPath(context.Request.Path), branch => branch.Use(failures.InvokeAsync));
        }

        // After authentication, so that a verified caller is counted under its own name and anyone else by address.
        if (rateLimits is not null)
        {
            app.UseWhen(context => IsMcpPath(context.Request.Path), branch => branch.Use(rateLimits.InvokeAsync));
        }

        var mcp = app.MapGroup(string.Empty);
        if (auth.IsEnabled)
        {
            app.UseAuthorization();
            app.MapVanguardAuthMetadata();
            mcp.RequireAuthorization(GatewayPolicies.Client);
        }

        foreach (var upstream in host.Servers)
        {
            MapServer(mcp, "/" + upstream.Id, upstream, streamable, sse);
        }

        if (host.Servers.Count == 1)
        {
            MapServer(mcp, string.Empty, host.Servers[0], streamable, sse);
        }

        mcp.MapPost(LegacySseEndpoint.MessagesPath, sse.PostAsync);
        if (auth.AdminKeyDigest is { } adminKey)
        {
            // Live state for `vanguard ui --gateway` and pin approvals, behind their own key (not the clients' credentials);
            // without VANGUARD_ADMIN_KEY the paths do not exist.
            var adminCheck = new AdminKeyCheck(adminKey);
            var admin = new AdminStateEndpoint(adminCheck, store, connector, host.Servers, host.Pins);
            app.MapGet(AdminStateEndpoint.Path, admin.GetAsync);
            if (host.Pins is { } pins)
            {
                // Approvals through a running gateway (with state.redis, seen by every instance before its next comparison).
                app.MapPost(AdminPinsEndpoint.ApprovePath, new AdminPinsEndpoint(adminCheck, pins, audit, host.Time).ApproveAsync);
            }
        }

        if (options.Telemetry.Prometheus)
        {
            // Behind the same authentication and rate limit as /mcp.
            GatewayTelemetry.MapScrapeEndpoint(mcp);
        }

        return server;
    }

    private static void MapServer(RouteGroupBuilder group, string suffix, UpstreamDefinition upstream, StreamableHttpEndpoint streamable, LegacySseEndpoint sse)
    {
        group.MapPost("/mcp" + suffix, context => streamable.PostAsync(context, upstream));
        group.MapGet("/mcp" + suffix, context => streamable.GetAsync(context, upstream));
        group.MapDelete("/mcp" + suffix, context => streamable.DeleteAsync(context, upstream));
        group.MapGet("/sse" + suffix, context => sse.StreamAsync(context, upstream));
    }

    private static bool IsHealthPath(PathString path) => path == "/healthz" || path == "/readyz";

    /// <summary>The paths of the MCP endpoints (both transports), which the rate limit covers.</summary>
    private static bool IsMcpPath(PathString path)
        => path.StartsWithSegments("/mcp") || path.StartsWithSegments("/sse") || path.StartsWithSegments(LegacySseEndpoint.MessagesPath);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        if (_metrics is not null)
        {
            await _metrics.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        _sweeper = _store.SweepPeriodicallyAsync(_stopping.Token);
    }

    /// <summary>Completes when the host is asked to stop.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Graceful shutdown: open streams end, in-flight requests finish (bounded), then sessions end and children are killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (_metrics is not null)
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }

        await _sweeper.ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        await _connector.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}

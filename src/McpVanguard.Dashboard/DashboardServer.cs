using System.Net;
using McpVanguard.Dashboard.Audit;
using McpVanguard.Dashboard.Live;
using McpVanguard.Dashboard.Pages;
using McpVanguard.Dashboard.Security;
using McpVanguard.Integrity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Dashboard;

/// <summary>
/// <c>vanguard ui</c>'s web server: Kestrel on 127.0.0.1 only, every request through <see cref="DashboardAccessGuard"/>,
/// pages rendered here from the audit index, the pin store and the rules, live updates by server-sent events. The one
/// composition of the dashboard: the command and the tests both start it through <see cref="StartAsync"/>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _follower;

    private DashboardServer(WebApplication app, Uri address, string accessToken, Task follower, CancellationTokenSource stopping)
    {
        _app = app;
        Address = address;
        SignInUrl = new Uri(address, "/?token=" + accessToken);
        _follower = follower;
        _stopping = stopping;
    }

    /// <summary>Where the dashboard listens (<c>http://127.0.0.1:PORT/</c>).</summary>
    public Uri Address { get; }

    /// <summary>The address with this run's access token: printed once, exchanged for a cookie on first use.</summary>
    public Uri SignInUrl { get; }

    /// <summary>Indexes the audit log, starts following it, and listens on loopback.</summary>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken)
    {
        var secrets = DashboardSecrets.Create();
        var aggregates = new AuditAggregates(TimeProvider.System);
        var feed = new LiveFeed();
        var index = new AuditIndex(options.AuditFiles, options.AuditLogPath, aggregates, feed.Publish);
        index.Rebuild();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only, by construction: there is no option to listen elsewhere.
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
        });
        var app = builder.Build();
        var guard = new DashboardAccessGuard(secrets);
        app.Use(guard.InvokeAsync);

        var rules = options.Rules.GroupBy(static r => r.Id, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.Last(), StringComparer.Ordinal);
        var approval = new PinApproval(options.Pins, options.Audit, TimeProvider.System);
        var gateway = options.Gateway is { } connection ? new GatewayStateSource(connection) : null;
        MapPages(app, options, index, aggregates, rules, approval, gateway, secrets.CsrfToken);
        app.MapGet("/events", (HttpContext context) => StreamAsync(context, feed));
        app.MapGet("/assets/{name}", (string name) => Asset(name));

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var stopping = new CancellationTokenSource();
        var follower = index.FollowAsync(options.Poll, stopping.Token);
        return new DashboardServer(app, new Uri($"http://127.0.0.1:{port}/"), secrets.AccessToken, follower, stopping);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl+C).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _follower.ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static void MapPages(WebApplication app, DashboardOptions options, AuditIndex index, AuditAggregates aggregates, IReadOnlyDictionary<string, RuleInfo> rules, PinApproval approval, GatewayStateSource? gateway, string csrf)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            var query = AuditQuery.From(name => context.Request.Query[name].ToString());
            long? before = long.TryParse(context.Request.Query["before"], System.Globalization.CultureInfo.InvariantCulture, out var b) ? b : null;
            return Html(LivePage.Render(index, query, before, csrf));
        });
        app.MapGet("/records/{sequence:long}", (long sequence, HttpContext context) => index.Find(sequence) is { } record
            ? Html(Fragment(context) ? RecordDetail.Render(record, rules) : HtmlPage.Render("Record " + sequence, "/", csrf, RecordDetail.Render(record, rules)))
            : Results.NotFound());
        app.MapGet("/overview", async (HttpContext context) =>
        {
            var state = gateway is null ? null : await gateway.RenderAsync(context.RequestAborted).ConfigureAwait(false);
            var overview = aggregates.Snapshot();
            return Html(Fragment(context) ? OverviewPage.Fragment(overview, state) : OverviewPage.Render(overview, state, csrf));
        });
        app.MapGet("/rules", (HttpContext context) => Html(Fragment(context) ? RulesPage.Fragment(options.Rules, aggregates) : RulesPage.Render(options.Rules, aggregates, csrf)));
        app.MapGet("/servers", (HttpContext context) =>
        {
            PinFile pins;
            try
            {
                pins = options.Pins.Snapshot();
            }
            catch (PinStoreException ex)
            {
                return Html(HtmlPage.Render("Servers and tools", "/servers", csrf, $"<p class=\"notice\">{HtmlPage.E(ex.Message)}</p>"));
            }

            var notice = context.Request.Query["approved"].ToString() is { Length: > 0 } approved ? "Approved: " + approved : null;
            return Html(Fragment(context) ? ServersPage.Fragment(pins, options.Pins.FilePath, csrf) : ServersPage.Render(pins, options.Pins.FilePath, csrf, notice));
        });
        app.MapPost("/servers/approve", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                var approved = approval.Approve(form["server"].ToString(), form["kind"].ToString(), form["name"].ToString());
                return approved.Count == 0
                    ? Results.Text("Nothing to approve: the change was approved or reverted meanwhile.", "text/plain", statusCode: StatusCodes.Status409Conflict)
                    : Results.Redirect("/servers?approved=" + Uri.EscapeDataString(string.Join(", ", approved)));
            }
            catch (PinStoreException ex)
            {
                return Results.Text(ex.Message, "text/plain", statusCode: StatusCodes.Status500InternalServerError);
            }
        });
    }

    private static bool Fragment(HttpContext context) => context.Request.Query["fragment"] == "1";

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static async Task StreamAsync(HttpContext context, LiveFeed feed)
    {
        using var subscription = feed.Subscribe();
        if (subscription is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            while (true)
            {
                // A comment every 15 s keeps proxies and the browser from closing an idle stream.
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var record = await subscription.Reader.ReadAsync(heartbeat.Token).ConfigureAwait(false);
                    await context.Response.WriteAsync("event: record\ndata: " + LiveRecordJson.Write(record) + "\n\n", context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.WriteAsync(": ping\n\n", context.RequestAborted).ConfigureAwait(false);
                }

                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The tab closed.
        }
    }

    private static IResult Asset(string name)
    {
        var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream("dashboard/" + name);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var type = name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
        return Results.Stream(stream, type);
    }
}

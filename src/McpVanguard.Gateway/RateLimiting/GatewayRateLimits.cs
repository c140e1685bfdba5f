using System.Globalization;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Messages;
using McpVanguard.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.RateLimiting;

/// <summary>
/// The per-principal rate limit (<c>auth.rate_limit</c>): a token bucket per verified caller (per remote address for
/// anonymous requests, so that guessing keys is limited too) in the shared state, so that every instance behind a load
/// balancer spends from the same bucket; answered 429 with <c>Retry-After</c>. Buckets expire once refilled, so the table
/// stays bounded. Under the strict profile an unreachable shared state is answered 503 rather than unlimited.
/// </summary>
internal sealed class GatewayRateLimits(ISharedState state, GatewayRateLimitOptions options)
{
    /// <summary>One token back every minute / requests_per_minute.</summary>
    public TimeSpan RefillPeriod { get; } = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / options.RequestsPerMinute));

    public int Burst => options.Burst;

    /// <summary>The middleware: spends one token of the caller's bucket or answers 429 (503 when the state refuses).</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        TimeSpan? wait;
        try
        {
            wait = await state.TakeTokenAsync("rate:" + PartitionKey(context), options.Burst, RefillPeriod, context.RequestAborted).ConfigureAwait(false);
        }
        catch (StateUnavailableException)
        {
            context.Response.Headers.RetryAfter = "5";
            await HttpReply.RefuseAsync(context, Refusal.StateUnavailable).ConfigureAwait(false);
            return;
        }

        if (wait is { } retryAfter)
        {
            Telemetry.VanguardTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>(Telemetry.TelemetryTags.Limit, "principal"));
            await TooManyAsync(context.Response, retryAfter, "Too many requests from this caller", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    internal static string PartitionKey(HttpContext context)
        => CallerClaims.LimitKey(context.User) ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The gateway's 429: <c>Retry-After</c> in whole seconds (at least 1) and an OAuth-style error body.</summary>
    internal static Task TooManyAsync(HttpResponse response, TimeSpan retryAfter, string what, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var text = seconds.ToString(CultureInfo.InvariantCulture);
        response.StatusCode = RefusalReplies.Of(Refusal.RateLimited).Status;
        response.Headers[HeaderNames.RetryAfter] = text;
        response.ContentType = "application/json";
        // An OAuth-style body, like the 401 and 403 of authentication (RFC 6750), since it answers the caller, not a message.
        return response.WriteAsync("{\"error\":\"rate_limited\",\"error_description\":\"" + RefusalReplies.Message(Refusal.RateLimited, what, text) + "\"}", cancellationToken);
    }
}

using McpVanguard.Gateway.Messages;
using System.Globalization;
using System.Threading.RateLimiting;
using McpVanguard.Gateway.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.RateLimiting;

/// <summary>
/// The per-principal rate limit: a token bucket per verified caller (per remote address for anonymous requests, so
/// that guessing keys is limited too), answered 429 with <c>Retry-After</c>. Idle buckets are dropped by the
/// framework's partitioned limiter, so the table stays bounded.
/// </summary>
public static class GatewayRateLimits
{
    /// <summary>The policy to put on endpoints: <c>.RequireRateLimiting(GatewayRateLimits.PerPrincipal)</c>.</summary>
    public const string PerPrincipal = "vanguard-per-principal";

    /// <summary>Registers <see cref="PerPrincipal"/> (no limit when <paramref name="options"/> is null, so endpoints can always name it).</summary>
    internal static IServiceCollection AddVanguardRateLimiting(this IServiceCollection services, GatewayRateLimitOptions? options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(PerPrincipal, context => options is null
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => Bucket(options)));
        });
        return services;
    }

    /// <summary>The token bucket for one principal: <c>burst</c> tokens, one back every minute / requests_per_minute.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(GatewayRateLimitOptions options) => new()
    {
        TokenLimit = options.Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, TimeSpan.TicksPerMinute / options.RequestsPerMinute)),
        AutoReplenishment = true,
        QueueLimit = 0,
    };

    internal static string PartitionKey(HttpContext context)
        => CallerClaims.LimitKey(context.User) ?? "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        Telemetry.VanguardTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>(Telemetry.TelemetryTags.Limit, "principal"));
        return new(TooManyAsync(
            rejected.HttpContext.Response,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1),
            "Too many requests from this caller",
            cancellationToken));
    }

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

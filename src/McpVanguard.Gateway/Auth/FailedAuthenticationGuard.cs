using McpVanguard.Audit;
using McpVanguard.Gateway.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Limits and audits failed authentication (a wrong key, a bad or expired token) per client address, whatever
/// <c>auth.rate_limit</c> says: each failure spends a token of the address's bucket and is audited with the address and
/// the reason, never the credential. An address with an empty bucket gets 429 before its credential counts, so a guess
/// that happens to be right cannot be told from a wrong one until the bucket refills.
/// </summary>
internal sealed class FailedAuthenticationGuard
{
    /// <summary>The audit rule id of a failed authentication.</summary>
    public const string RuleId = "AUTHN-001";

    /// <summary>Failures an address may make in a row: enough for a mistyped or rotated key, far too few to guess one.</summary>
    public const int Burst = 10;

    /// <summary>One failure back per period: 10 a minute, so guessing a 128-bit key or token is hopeless.</summary>
    public static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(6);

    private readonly FailureBuckets _failures = new(Burst, RefillPeriod);

    private readonly IAuditSink _audit;

    public FailedAuthenticationGuard(IAuditSink audit) => _audit = audit;

    /// <summary>Runs after authentication: refuses a spent address, counts and audits a failure, and lets the rest through.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        if (_failures.RetryAfter(address) is { } retryAfter)
        {
            Telemetry.VanguardTelemetry.RateLimitRejections.Add(1, new KeyValuePair<string, object?>(Telemetry.TelemetryTags.Limit, "failed_authentication"));
            await GatewayRateLimits.TooManyAsync(context.Response, retryAfter, "Too many failed authentications from this address", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The handler's result is cached for the request: this does not validate the credential a second time.
        var result = await context.AuthenticateAsync(GatewayAuthSchemes.Selector).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            _failures.Spend(address);
            Telemetry.VanguardTelemetry.AuthFailures.Add(1);
            _audit.Write(new AuditRecord
            {
                Time = DateTimeOffset.UtcNow,
                Session = "-",
                ServerId = "gateway",
                Direction = "agent_to_server",
                Verdict = "block",
                RuleIds = [RuleId],
                Reason = $"Authentication failed from {address}: {BearerChallenge.Describe(failure)}",
                Client = address,
            });
        }

        await next(context).ConfigureAwait(false);
    }
}

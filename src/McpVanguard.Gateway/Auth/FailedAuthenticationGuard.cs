using System.Threading.RateLimiting;
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
internal sealed class FailedAuthenticationGuard : IDisposable
{
    /// <summary>The audit rule id of a failed authentication.</summary>
    public const string RuleId = "AUTHN-001";

    /// <summary>Failures an address may make in a row: enough for a mistyped or rotated key, far too few to guess one.</summary>
    public const int Burst = 10;

    /// <summary>One failure back per period: 10 a minute, so guessing a 128-bit key or token is hopeless.</summary>
    public static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(6);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = RefillPeriod,
            AutoReplenishment = true,
            QueueLimit = 0,
        }));

    private readonly IAuditSink _audit;

    public FailedAuthenticationGuard(IAuditSink audit) => _audit = audit;

    /// <summary>Runs after authentication: refuses a spent address, counts and audits a failure, and lets the rest through.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Zero permits: asks whether the bucket has any left, without spending one.
        using (var open = _failures.AttemptAcquire(address, 0))
        {
            if (!open.IsAcquired)
            {
                await RefuseAsync(context, open).ConfigureAwait(false);
                return;
            }
        }

        // The handler's result is cached for the request: this does not validate the credential a second time.
        var result = await context.AuthenticateAsync(GatewayAuthSchemes.Selector).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            using var spent = _failures.AttemptAcquire(address, 1);
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

    private static Task RefuseAsync(HttpContext context, RateLimitLease lease)
        => GatewayRateLimits.TooManyAsync(context.Response, lease, "Too many failed authentications from this address", context.RequestAborted);

    public void Dispose() => _failures.Dispose();
}

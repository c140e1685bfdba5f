using McpVanguard.Audit;
using McpVanguard.Policy;

namespace McpVanguard.Core.Trust.Manifests;

/// <summary>
/// What a profile does with a <see cref="LaunchVerification"/>: strict does not start an unverified server, balanced
/// starts it with a loud warning, monitor only audits. Every failure is one audit record (<see cref="RuleId"/>).
/// </summary>
/// <param name="Start">Whether the server may be spawned.</param>
/// <param name="Message">The line for stderr, if any.</param>
/// <param name="Record">The audit record to write, if any.</param>
public sealed record LaunchDecision(bool Start, string? Message, AuditRecord? Record)
{
    public const string RuleId = "TRUST-001";

    /// <summary>The decision of <paramref name="profile"/> about <paramref name="verification"/> for <paramref name="serverId"/>.</summary>
    public static LaunchDecision For(LaunchVerification verification, Profile profile, string serverId, TimeProvider? time = null)
    {
        switch (verification.Outcome)
        {
            case LaunchOutcome.NotChecked:
                return new LaunchDecision(true, null, null);
            case LaunchOutcome.Verified:
                return new LaunchDecision(true, $"[vanguard] manifest: {verification.Reason}", null);
        }

        var record = new AuditRecord
        {
            Time = (time ?? TimeProvider.System).GetUtcNow(),
            Session = "-",
            ServerId = serverId,
            Direction = "agent_to_server",
            Method = "launch",
            Verdict = profile switch { Profile.Strict => "block", Profile.Balanced => "warn", _ => "shadow-block" },
            RuleIds = [RuleId],
            Reason = verification.Reason,
        };
        return profile switch
        {
            Profile.Strict => new LaunchDecision(false, $"[vanguard] refusing to start server '{serverId}' (profile strict, {RuleId}): {verification.Reason}", record),
            Profile.Balanced => new LaunchDecision(true, $"[vanguard] WARNING ({RuleId}): server '{serverId}' is NOT verified against a signed manifest, starting it anyway (profile balanced; strict refuses): {verification.Reason}", record),
            _ => new LaunchDecision(true, null, record),
        };
    }
}

using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.State;

namespace McpVanguard.Gateway.State;

/// <summary>
/// Says loudly when the shared state goes down and when it comes back: one line on stderr and one audit record
/// (<see cref="RuleId"/>) per change, never one per request. The reason names the endpoint, never a password.
/// </summary>
internal sealed class StateHealthReport(IAuditSink audit, TextWriter log, Profile profile)
{
    public const string RuleId = "STATE-001";

    public void Report(StateHealth health)
    {
        log.WriteLine(health.IsDown ? "[vanguard] warning: " + health.Describe() : "[vanguard] " + health.Describe() + " again; shared limits and L3 windows are back in use");
        audit.Write(new AuditRecord
        {
            Time = DateTimeOffset.UtcNow,
            Session = "-",
            ServerId = "gateway",
            Direction = "agent_to_server",
            // Strict refuses new work while it is down; the other profiles carry on with local state.
            Verdict = !health.IsDown ? "allow" : profile == Profile.Strict ? "block" : "warn",
            RuleIds = [RuleId],
            Reason = health.Describe(),
        });
    }
}

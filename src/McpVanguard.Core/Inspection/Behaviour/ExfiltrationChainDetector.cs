using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Read-then-egress: a network-capable call (fetch/http/mail/chat tools, a shell running curl, a write to a shared place)
/// after a read of a credential location or a result carrying a secret, within the window, blocks (BEH-003); through
/// another server than the read's, it is the cross-server form (BEH-004). After only a high-volume read it warns.
/// Both the session's steps and the caller's (other sessions of the same principal) are searched.
/// </summary>
internal static class ExfiltrationChainDetector
{
    public static void Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, IReadOnlyList<BehaviourEvent> principal, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        if ((current.Kind & BehaviourKind.Egress) == 0)
        {
            return;
        }

        var since = current.AtMs - (long)settings.EgressWindow.TotalMilliseconds;
        var read = Latest(session, current, since, BehaviourKind.SensitiveRead | BehaviourKind.SecretResult)
            ?? Latest(principal, current, since, BehaviourKind.SensitiveRead | BehaviourKind.SecretResult);
        if (read is not null)
        {
            var crossServer = read.ServerId != current.ServerId;
            findings.Add(BehaviourFindings.Sure(crossServer ? "BEH-004" : "BEH-003", "MCP-24", Severity.Critical,
                $"{(crossServer ? "Cross-server read-then-egress" : "Read-then-egress")}: {What(read)} {read.Describe(read.AtMs)}, then the network-capable call {current.Describe(read.AtMs)}."));
            return;
        }

        var bulk = Latest(session, current, since, BehaviourKind.HighVolumeResult) ?? Latest(principal, current, since, BehaviourKind.HighVolumeResult);
        if (bulk is not null)
        {
            findings.Add(BehaviourFindings.Tentative(bulk.ServerId != current.ServerId ? "BEH-004" : "BEH-003", "MCP-24", Severity.Medium, profile,
                $"High-volume read then egress: a large result {bulk.Describe(bulk.AtMs)}, then the network-capable call {current.Describe(bulk.AtMs)}."));
        }
    }

    private static string What(BehaviourEvent read) => (read.Kind & BehaviourKind.SensitiveRead) != 0 ? "a read of a credential location" : "a result carrying a secret";

    /// <summary>The latest step other than <paramref name="current"/> since <paramref name="since"/> with any of <paramref name="kinds"/>.</summary>
    public static BehaviourEvent? Latest(IReadOnlyList<BehaviourEvent> steps, BehaviourEvent current, long since, BehaviourKind kinds)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var e = steps[i];
            if (e.AtMs < since)
            {
                break;
            }

            if ((e.Kind & kinds) != 0 && !e.SameStep(current))
            {
                return e;
            }
        }

        return null;
    }
}

using McpVanguard.Policy;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Untrusted content, then action (the lethal trifecta): after a result or resource that output inspection flagged as
/// aimed at the model, a network-capable call blocks (BEH-005); running commands, writing, deleting or reading a
/// credential location warns (blocks in strict). After only a weak signal, a network-capable call warns.
/// </summary>
internal static class UntrustedActionDetector
{
    private const BehaviourKind Sensitive = BehaviourKind.Egress | BehaviourKind.Exec | BehaviourKind.Write | BehaviourKind.Delete | BehaviourKind.SensitiveRead;

    public static void Detect(BehaviourEvent current, IReadOnlyList<BehaviourEvent> session, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        if ((current.Kind & Sensitive) == 0)
        {
            return;
        }

        var since = current.AtMs - (long)settings.UntrustedWindow.TotalMilliseconds;
        var egress = (current.Kind & BehaviourKind.Egress) != 0;
        if (ExfiltrationChainDetector.Latest(session, current, since, BehaviourKind.UntrustedContent) is { } flagged)
        {
            var reason = $"Untrusted content then action: flagged content in {flagged.Describe(flagged.AtMs)}, then {(egress ? "the network-capable call" : "the sensitive call")} {current.Describe(flagged.AtMs)}.";
            findings.Add(egress
                ? BehaviourFindings.Sure("BEH-005", "MCP-19", Severity.High, reason)
                : BehaviourFindings.Tentative("BEH-005", "MCP-19", Severity.Medium, profile, reason));
            return;
        }

        if (egress && ExfiltrationChainDetector.Latest(session, current, since, BehaviourKind.UntrustedWeak) is { } weak)
        {
            findings.Add(new Finding("BEH-005", BehaviourFindings.Layer, "MCP-19", Severity.Medium, FindingAction.Warn,
                $"Weakly flagged content in {weak.Describe(weak.AtMs)}, then the network-capable call {current.Describe(weak.AtMs)}."));
        }
    }
}

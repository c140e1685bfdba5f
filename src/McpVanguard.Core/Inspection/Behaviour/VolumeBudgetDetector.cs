using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// Volume budgets: the bytes and items one server returned to one session, as sums halving every half-life, over their
/// budget warn on the result that crosses it (BEH-006; blocks in strict). A budget recovers on its own as it decays.
/// </summary>
internal static class VolumeBudgetDetector
{
    /// <param name="id">The answer's id, written out only into a finding (every answer passes here: no string per answer).</param>
    public static void Judge(double bytes, double items, BehaviourEvent? current, JsonRpcId id, string serverId, BehaviourSettings settings, Profile profile, List<Finding> findings)
    {
        if (bytes <= settings.VolumeBytes && items <= settings.VolumeItems)
        {
            return;
        }

        var what = bytes > settings.VolumeBytes ? $"about {bytes / (1024 * 1024):0} MiB" : $"about {items:0} items";
        findings.Add(BehaviourFindings.Tentative("BEH-006", "MCP-17", Severity.Medium, profile,
            $"Volume budget: server {serverId} returned {what} to this session (half-life {(int)settings.VolumeHalfLife.TotalSeconds}s); over budget at the answer to id {current?.StepId ?? id.ToString()}."));
    }
}

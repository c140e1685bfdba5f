using McpVanguard.Audit;
using McpVanguard.Integrity;

namespace McpVanguard.Dashboard.Pages;

/// <summary>
/// The Approve button: <see cref="PinStore.Approve(string?, string?, PinKind?)"/>, the very call <c>vanguard pins
/// approve</c> makes, followed by an audit record of who approved what from where (method <c>pins/approve</c>).
/// </summary>
internal sealed class PinApproval(PinStore pins, IAuditSink audit, TimeProvider time)
{
    /// <summary>What was approved (empty when nothing matched), or throws <see cref="PinStoreException"/> when the file cannot be written.</summary>
    public IReadOnlyList<string> Approve(string serverIdentity, string kindLabel, string name)
    {
        if (PinnedList.All.FirstOrDefault(l => PinStore.Label(l.Kind) == kindLabel) is not { } list)
        {
            return [];
        }

        var kind = list.Kind;

        // The identity selects exactly one server (PinStore.Select matches identities first); a name or id could select several.
        var approved = pins.Approve(serverIdentity, name, kind);
        if (!approved.TryGetValue(serverIdentity, out var items))
        {
            return [];
        }

        var serverId = pins.Snapshot().Servers.GetValueOrDefault(serverIdentity)?.ServerId ?? "default";
        audit.Write(new AuditRecord
        {
            Time = time.GetUtcNow(),
            Session = "vanguard-ui",
            ServerId = serverId,
            Direction = "operator",
            Method = "pins/approve",
            Tool = name,
            Verdict = "allow",
            RuleIds = [],
            Reason = $"approved in vanguard ui: {string.Join(", ", items)} of {serverIdentity}",
        });
        return items;
    }
}

using McpVanguard.Audit;
using McpVanguard.Dashboard.Pages;
using McpVanguard.Integrity;

namespace McpVanguard.Dashboard;

/// <summary>What one <c>vanguard ui</c> run shows and where it listens; built by the CLI from the effective configuration.</summary>
/// <param name="Port">The loopback port (0 picks a free one; the URL printed names the real one).</param>
/// <param name="AuditLogPath">The live audit file the log is followed in.</param>
/// <param name="AuditFiles">The log's files, oldest first (rotated ones, then the live one), as <c>vanguard audit</c> lists them.</param>
/// <param name="Pins">The pin store of the configuration (the file <c>vanguard pins</c> reads and approves in).</param>
/// <param name="Audit">Where the dashboard's own actions (approvals) are audited: the same log.</param>
/// <param name="Gateway">A running <c>vanguard serve</c> whose live state the Overview shows, with its admin key; null for none.</param>
public sealed record DashboardOptions(
    int Port,
    string AuditLogPath,
    Func<IReadOnlyList<string>> AuditFiles,
    PinStore Pins,
    IAuditSink Audit,
    IReadOnlyList<RuleInfo> Rules,
    GatewayConnection? Gateway = null)
{
    /// <summary>How often the live file is checked for new records.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>Where a running gateway is and the admin key its <c>/admin/state</c> asks for.</summary>
public sealed record GatewayConnection(Uri BaseAddress, string AdminKey)
{
    public override string ToString() => $"{BaseAddress} (admin key set)";
}

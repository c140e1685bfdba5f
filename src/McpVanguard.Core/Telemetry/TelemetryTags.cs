namespace McpVanguard.Telemetry;

/// <summary>Attribute names of the metrics and spans (docs/TELEMETRY.md): a dashboard is built on these.</summary>
public static class TelemetryTags
{
    public const string Direction = "vanguard.direction";
    public const string Method = "mcp.method.name";
    public const string Verdict = "vanguard.verdict";
    public const string ServerId = "vanguard.server_id";
    public const string Layer = "vanguard.layer";
    public const string RuleId = "vanguard.rule_id";
    public const string Category = "vanguard.category";
    public const string SessionId = "mcp.session.id";
    public const string RequestId = "jsonrpc.request.id";
    public const string Tool = "gen_ai.tool.name";
    public const string Limit = "vanguard.limit";
}

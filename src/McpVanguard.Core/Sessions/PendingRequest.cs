using McpVanguard.Protocol;

namespace McpVanguard.Sessions;

/// <summary>A forwarded request awaiting its response, so that the response is inspected knowing what it answers.</summary>
public sealed record PendingRequest(JsonRpcId Id, string Method, string? Tool, string ServerId, long StartedTimestamp);

using McpVanguard.Protocol;

namespace McpVanguard.Sessions;

/// <summary>A forwarded request awaiting its response, so that the response is inspected knowing what it answers.</summary>
/// <param name="Cursor">The <c>cursor</c> of a paginated list request (<c>tools/list</c> …), so that its page is placed in the walk.</param>
public sealed record PendingRequest(JsonRpcId Id, string Method, string? Tool, string ServerId, long StartedTimestamp, string? Cursor = null, System.Diagnostics.ActivityContext RequestSpan = default);

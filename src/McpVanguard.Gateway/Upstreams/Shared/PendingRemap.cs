using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// A request a shared child has not answered yet: which session sent it, under which id and progress token, so that the
/// answer and its progress go back to that session with its own values.
/// </summary>
/// <param name="Lease">The session; null for the gateway's own replayed <c>initialize</c> to a replacement child.</param>
/// <param name="IsInitialize">The child's one <c>initialize</c> (its answer is kept for every later session).</param>
internal sealed record PendingRemap(SharedSessionLease? Lease, JsonRpcId OriginalId, JsonRpcId? OriginalToken, long Started, bool IsInitialize);

namespace McpVanguard.Protocol;

/// <summary>Why a frame could not be treated as a JSON-RPC message; answered with <see cref="Code"/>.</summary>
/// <param name="RuleId">The audit rule id (for example <c>RPC-001</c>).</param>
/// <param name="Code">The JSON-RPC error code sent back.</param>
/// <param name="Reason">A short human explanation.</param>
/// <param name="Id">The request id when it could be recovered, else null.</param>
/// <param name="Method">The method when it could be recovered.</param>
public sealed record ProtocolViolation(string RuleId, int Code, string Reason, JsonRpcId Id, string? Method = null);

namespace McpVanguard.Gateway.Sessions;

/// <summary>
/// A message on its way to the client; <paramref name="Final"/> marks the response that ends a POST exchange and
/// <paramref name="IsError"/> whether that response is a JSON-RPC error.
/// </summary>
internal readonly record struct OutboundMessage(ReadOnlyMemory<byte> Json, bool Final, bool IsError);

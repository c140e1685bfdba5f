namespace McpVanguard.Gateway;

/// <summary>Marker for the gateway assembly (ASP.NET Core hosting of the relay: Streamable HTTP, SSE, auth).</summary>
internal static class GatewayAssembly;

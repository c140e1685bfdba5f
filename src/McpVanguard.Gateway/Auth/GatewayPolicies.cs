namespace McpVanguard.Gateway.Auth;

/// <summary>Authorization policy names to put on endpoints.</summary>
public static class GatewayPolicies
{
    /// <summary>An authenticated MCP client: a valid API key, or a valid JWT with the required scopes.</summary>
    public const string Client = "vanguard-client";
}

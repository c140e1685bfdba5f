namespace McpVanguard.Gateway.Security;

/// <summary>Authorization policy names the gateway's endpoints require when authentication is configured.</summary>
public static class GatewayPolicies
{
    /// <summary>Any authenticated MCP client (an API-key principal or a validated JWT); registered by the authentication feature.</summary>
    public const string Client = "vanguard-client";
}

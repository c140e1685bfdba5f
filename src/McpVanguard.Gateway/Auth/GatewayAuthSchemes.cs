namespace McpVanguard.Gateway.Auth;

/// <summary>The authentication scheme names the gateway registers.</summary>
public static class GatewayAuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="Jwt"/> when the bearer value looks like a JWT, else to <see cref="ApiKey"/>.</summary>
    public const string Selector = "Vanguard";

    public const string ApiKey = "VanguardApiKey";

    public const string Jwt = "VanguardJwt";
}

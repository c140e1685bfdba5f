using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using McpVanguard.Gateway.Security;

namespace McpVanguard.Gateway.Hosting;

/// <summary>Who can reach a gateway without credentials, said once at start so that nobody relies on a protection that is not there.</summary>
public static class GatewayExposure
{
    /// <summary>Bound to an address other hosts can reach, with no credential required.</summary>
    public static bool IsPublicWithoutAuthentication(GatewaySettings settings, GatewayAuthOptions auth)
        => !auth.IsEnabled && !LoopbackAddress.IsLoopback(settings.Host);

    /// <summary>The warnings for stderr, one line each; none when authentication is on or the exposure is chosen explicitly.</summary>
    public static IReadOnlyList<string> Warnings(GatewaySettings settings, GatewayAuthOptions auth)
    {
        if (auth.IsEnabled)
        {
            return [];
        }

        if (IsPublicWithoutAuthentication(settings, auth))
        {
            return [$"WARNING: listening on {settings.Host} WITHOUT AUTHENTICATION: anyone who can reach this address can use every upstream server through the gateway."];
        }

        // Loopback is not a boundary for a browser: a page from any local web server (another port of localhost) is a
        // loopback origin, and the default lets it call the gateway.
        return settings.AllowedOriginsConfigured
            ? []
            : [$"WARNING: listening on {settings.Host} WITHOUT AUTHENTICATION, and any web page served from this machine (any port of localhost) may call every upstream server through the gateway from a browser. Set gateway.allowed_origins: [] to refuse every browser page (or list the origins that may call it), or configure auth:."];
    }
}

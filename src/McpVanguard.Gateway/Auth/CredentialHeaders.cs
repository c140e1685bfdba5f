using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// The request headers that carry a client's credentials to the gateway. They are the gateway's alone: they are never
/// copied to an upstream, which gets its own configured credentials if it needs any.
/// </summary>
public static class CredentialHeaders
{
    public static IReadOnlyList<string> Names { get; } = [HeaderNames.Authorization, ApiKeyAuthenticationHandler.HeaderName, HeaderNames.Cookie];

    /// <summary>True when <paramref name="name"/> must not be forwarded upstream.</summary>
    public static bool IsCredential(string name) => Names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes every credential header from a header set about to be forwarded.</summary>
    public static void Strip(IHeaderDictionary headers)
    {
        foreach (var name in Names)
        {
            headers.Remove(name);
        }
    }
}

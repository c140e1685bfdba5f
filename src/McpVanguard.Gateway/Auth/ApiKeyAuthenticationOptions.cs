using Microsoft.AspNetCore.Authentication;

namespace McpVanguard.Gateway.Auth;

/// <summary>Options of <see cref="ApiKeyAuthenticationHandler"/>: the accepted keys, by digest.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<ApiKeyCredential> Keys { get; set; } = [];
}

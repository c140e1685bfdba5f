using System.Text.Json.Serialization;

namespace McpVanguard.Gateway.Auth;

/// <summary>The RFC 9728 protected resource metadata document: which resource this is and how to get a token for it.</summary>
public sealed record ProtectedResourceMetadata(
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("authorization_servers")] IReadOnlyList<string>? AuthorizationServers,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string>? ScopesSupported,
    [property: JsonPropertyName("bearer_methods_supported")] IReadOnlyList<string> BearerMethodsSupported,
    [property: JsonPropertyName("resource_name")] string ResourceName);

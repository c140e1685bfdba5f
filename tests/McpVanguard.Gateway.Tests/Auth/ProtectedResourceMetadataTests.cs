using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>The RFC 9728 document, served by the real gateway without credentials.</summary>
public sealed class ProtectedResourceMetadataTests
{
    private const string Key = "metadata-key-0123456789";

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    public async Task The_document_lists_resource_servers_scopes_and_bearer_methods_without_credentials(string path)
    {
        await using var gateway = await GatewayHarness.StartFromConfigAsync($"""
            auth:
              resource: {TestTokens.Resource}
              authorization_servers: [https://login.test/, https://backup-login.test/]
              jwt:
                issuer: https://login.test/
                public_key_file: key.pem
                required_scopes: [mcp:tools, mcp:read]
            """, GatewayCalls.FileTools, file: WritePublicKey());
        using var http = gateway.NewHttpClient();
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(TestTokens.Resource, document.GetProperty("resource").GetString());
        Assert.Equal(["https://login.test/", "https://backup-login.test/"], document.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["mcp:tools", "mcp:read"], document.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["header"], document.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Without_a_configured_resource_the_document_and_challenge_use_the_request_origin()
    {
        await using var gateway = await GatewayHarness.StartFromConfigAsync("auth:\n  api_keys: [{name: ci, key_env: K}]\n", GatewayCalls.FileTools, new Dictionary<string, string> { ["K"] = Key });
        using var http = gateway.NewHttpClient();
        var origin = $"http://{gateway.BaseUrl.Authority}";
        var document = await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource/mcp", TestContext.Current.CancellationToken);
        Assert.Equal(origin + "/mcp", document.GetProperty("resource").GetString());
        Assert.False(document.TryGetProperty("authorization_servers", out _));

        using var challenged = await GatewayCalls.PingAsync(http);
        Assert.Equal($"resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\"", Assert.Single(challenged.Headers.WwwAuthenticate).Parameter);
    }

    /// <summary>A real RSA public key in a PEM file beside a config file path (relative paths resolve against the config's folder).</summary>
    private static string WritePublicKey()
    {
        var folder = Directory.CreateTempSubdirectory("vanguard-auth-").FullName;
        File.WriteAllText(Path.Combine(folder, "key.pem"), SigningKey.Rsa("k").PublicPem);
        return Path.Combine(folder, "vanguard.yaml");
    }
}

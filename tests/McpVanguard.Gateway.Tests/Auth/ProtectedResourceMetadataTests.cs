using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class ProtectedResourceMetadataTests
{
    private const string Key = "metadata-key-0123456789";

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    public async Task The_document_lists_resource_servers_scopes_and_bearer_methods_without_credentials(string path)
    {
        var options = TestTokens.Options($"""
            auth:
              resource: {TestTokens.Resource}
              authorization_servers: [https://login.test/, https://backup-login.test/]
              jwt:
                issuer: https://login.test/
                public_key_file: key.pem
                required_scopes: [mcp:tools, mcp:read]
            """, file: WritePublicKey());
        await using var server = await AuthTestServer.StartAsync(options);
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
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
        await using var server = await AuthTestServer.StartAsync(TestTokens.Options("auth:\n  api_keys: [{name: ci, key_env: K}]\n", new Dictionary<string, string> { ["K"] = Key }));
        var origin = $"http://{server.Address.Authority}";
        var document = await server.Client.GetFromJsonAsync<JsonElement>("/.well-known/oauth-protected-resource/mcp", TestContext.Current.CancellationToken);
        Assert.Equal(origin + "/mcp", document.GetProperty("resource").GetString());
        Assert.False(document.TryGetProperty("authorization_servers", out _));

        using var challenged = await server.CallAsync();
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

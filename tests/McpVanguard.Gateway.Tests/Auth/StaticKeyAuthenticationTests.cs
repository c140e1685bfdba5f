using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>JWTs checked against a fixed key: a PEM public key file, or a shared secret from the environment.</summary>
public sealed class StaticKeyAuthenticationTests
{
    private static readonly string Secret = "a-shared-secret-of-at-least-32-characters";

    [Fact]
    public async Task A_pem_public_key_verifies_its_tokens_and_only_those()
    {
        var key = SigningKey.EcP256("ignored");
        var folder = Directory.CreateTempSubdirectory("vanguard-auth-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "issuer.pem"), key.PublicPem, TestContext.Current.CancellationToken);
        var options = TestTokens.Options($"auth:\n  resource: {TestTokens.Resource}\n  jwt:\n    issuer: {TestTokens.Issuer}\n    public_key_file: issuer.pem\n", file: Path.Combine(folder, "vanguard.yaml"));
        await using var server = await AuthTestServer.StartAsync(options);

        using var ok = await server.BearerAsync(TestTokens.Create(key.Credentials));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var other = await server.BearerAsync(TestTokens.Create(SigningKey.EcP256("x").Credentials));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task A_shared_secret_verifies_hs256_and_refuses_alg_none()
    {
        var options = TestTokens.Options($"auth:\n  resource: {TestTokens.Resource}\n  jwt:\n    issuer: {TestTokens.Issuer}\n    secret_env: JWT_SECRET\n", new Dictionary<string, string> { ["JWT_SECRET"] = Secret });
        await using var server = await AuthTestServer.StartAsync(options);
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256);

        using var ok = await server.BearerAsync(TestTokens.Create(credentials));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var unsigned = await server.BearerAsync(TestTokens.Create(null));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using var wrongSecret = await server.BearerAsync(TestTokens.Create(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret + "!")), SecurityAlgorithms.HmacSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }
}

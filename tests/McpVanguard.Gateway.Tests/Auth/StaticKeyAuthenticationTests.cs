using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>JWTs checked at the real gateway against a fixed key: a PEM public key file, or a shared secret from the environment.</summary>
public sealed class StaticKeyAuthenticationTests
{
    private static readonly string Secret = "a-shared-secret-of-at-least-32-characters";

    [Fact]
    public async Task A_pem_public_key_verifies_its_tokens_and_only_those()
    {
        var key = SigningKey.EcP256("ignored");
        var folder = Directory.CreateTempSubdirectory("vanguard-auth-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "issuer.pem"), key.PublicPem, TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartFromConfigAsync(
            $"auth:\n  resource: {TestTokens.Resource}\n  jwt:\n    issuer: {TestTokens.Issuer}\n    public_key_file: issuer.pem\n", GatewayCalls.FileTools, file: Path.Combine(folder, "vanguard.yaml"));
        using var http = gateway.NewHttpClient();

        using var ok = await GatewayCalls.BearerAsync(http, TestTokens.Create(key.Credentials));
        await GatewayCalls.AssertReachedTheEndpointAsync(ok);
        using var other = await GatewayCalls.BearerAsync(http, TestTokens.Create(SigningKey.EcP256("x").Credentials));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task A_shared_secret_verifies_hs256_and_refuses_alg_none()
    {
        await using var gateway = await GatewayHarness.StartFromConfigAsync(
            $"auth:\n  resource: {TestTokens.Resource}\n  jwt:\n    issuer: {TestTokens.Issuer}\n    secret_env: JWT_SECRET\n", GatewayCalls.FileTools, new Dictionary<string, string> { ["JWT_SECRET"] = Secret });
        using var http = gateway.NewHttpClient();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256);

        using var ok = await GatewayCalls.BearerAsync(http, TestTokens.Create(credentials));
        await GatewayCalls.AssertReachedTheEndpointAsync(ok);
        using var unsigned = await GatewayCalls.BearerAsync(http, TestTokens.Create(null));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using var wrongSecret = await GatewayCalls.BearerAsync(http, TestTokens.Create(new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret + "!")), SecurityAlgorithms.HmacSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>A key server on 127.0.0.1 publishing a JWKS whose keys a test can rotate; counts the fetches.</summary>
internal sealed class JwksTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile string _document = """{"keys":[]}""";
    private int _fetches;

    private JwksTestServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Fetches => Volatile.Read(ref _fetches);

    public static async Task<JwksTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JwksTestServer(app);
        app.MapGet("/jwks.json", () =>
        {
            Interlocked.Increment(ref server._fetches);
            return Results.Text(server._document, "application/json");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address + "/jwks.json");
        return server;
    }

    /// <summary>Publishes exactly these keys (public parts only).</summary>
    public void Publish(params SigningKey[] keys)
        => _document = JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk()).ToList() });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A real signing key generated for a test, with its key id and algorithm.</summary>
internal sealed record SigningKey(string KeyId, string Algorithm, AsymmetricAlgorithm Key)
{
    public static SigningKey Rsa(string kid, string algorithm = SecurityAlgorithms.RsaSha256) => new(kid, algorithm, RSA.Create(2048));

    public static SigningKey EcP256(string kid) => new(kid, SecurityAlgorithms.EcdsaSha256, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public SigningCredentials Credentials => Key switch
    {
        RSA rsa => new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, Algorithm),
        ECDsa ec => new SigningCredentials(new ECDsaSecurityKey(ec) { KeyId = KeyId }, Algorithm),
        _ => throw new InvalidOperationException(),
    };

    public string PublicPem => Key.ExportSubjectPublicKeyInfoPem();

    public Dictionary<string, string> PublicJwk()
    {
        if (Key is RSA rsa)
        {
            var p = rsa.ExportParameters(false);
            return new() { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = KeyId, ["alg"] = Algorithm, ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent) };
        }

        var q = ((ECDsa)Key).ExportParameters(false).Q;
        return new() { ["kty"] = "EC", ["use"] = "sig", ["kid"] = KeyId, ["alg"] = Algorithm, ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X), ["y"] = Base64UrlEncoder.Encode(q.Y) };
    }
}

using System.Security.Claims;
using McpVanguard.Gateway.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Gateway.Tests.Auth;

/// <summary>Tokens built with the real <see cref="JsonWebTokenHandler"/>, and auth options read from YAML the way the gateway reads them.</summary>
internal static class TestTokens
{
    public const string Issuer = "https://issuer.test/";
    public const string Resource = "https://gw.test/mcp";

    private static readonly JsonWebTokenHandler Handler = new();

    public static string Create(
        SigningCredentials? credentials,
        string issuer = Issuer,
        string audience = Resource,
        string subject = "alice",
        TimeSpan? expiresIn = null,
        IDictionary<string, object>? claims = null,
        IDictionary<string, object>? headers = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Claims = claims,
            SigningCredentials = credentials,
            AdditionalHeaderClaims = headers,
        };
        return Handler.CreateToken(descriptor);
    }

    public static GatewayAuthOptions Options(string yaml, IReadOnlyDictionary<string, string>? environment = null, string file = "/etc/vanguard/vanguard.yaml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return GatewayAuthOptionsReader.Read(root.Children[new YamlScalarNode("auth")], file, environment ?? new Dictionary<string, string>());
    }
}

using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;
using Microsoft.IdentityModel.Tokens;

namespace McpVanguard.Gateway.Tests.Auth;

public sealed class GatewayAuthOptionsReaderTests
{
    private const string File = "/etc/vanguard/vanguard.yaml";
    private static readonly Dictionary<string, string> Env = new() { ["K"] = "0123456789abcdef-key", ["SECRET"] = new string('s', 32), ["SHORT"] = "short", ["LONG"] = new string('l', 64) };

    private static GatewayAuthOptions Read(string yaml) => TestTokens.Options(yaml, Env, File);

    [Fact]
    public void Without_a_section_only_the_single_variable_key_is_read()
    {
        var options = GatewayAuthOptionsReader.Read(null, null, new Dictionary<string, string> { ["VANGUARD_API_KEY"] = "0123456789abcdef-key" });
        var key = Assert.Single(options.ApiKeys);
        Assert.Equal("default", key.Name);
        Assert.Equal(GatewayAuthOptionsReader.Digest("0123456789abcdef-key"), key.Sha256);
        Assert.True(options.IsEnabled);
        Assert.False(GatewayAuthOptionsReader.Read(null, null, new Dictionary<string, string>()).IsEnabled);
    }

    [Fact]
    public void Jwt_defaults_bind_the_audience_to_the_resource_and_allow_only_asymmetric_algorithms()
    {
        var options = Read("auth:\n  resource: https://gw.test/mcp\n  jwt:\n    issuer: https://login.test/\n    jwks_url: https://login.test/jwks\n");
        var jwt = options.Jwt!;
        Assert.Equal(["https://gw.test/mcp"], jwt.Audiences);
        Assert.Equal(TimeSpan.FromSeconds(30), jwt.ClockSkew);
        Assert.Contains(SecurityAlgorithms.RsaSha256, jwt.Algorithms);
        Assert.Contains(SecurityAlgorithms.EcdsaSha256, jwt.Algorithms);
        Assert.DoesNotContain(jwt.Algorithms, a => a.StartsWith("HS", StringComparison.Ordinal) || a == "none");
    }

    [Fact]
    public void A_symmetric_secret_allows_only_hmac()
    {
        var jwt = Read("auth:\n  resource: https://gw.test/mcp\n  jwt:\n    issuer: i\n    secret_env: LONG\n").Jwt!;
        Assert.IsType<SymmetricSecurityKey>(jwt.StaticKey);
        Assert.Equal([SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512], jwt.Algorithms);
    }

    [Fact]
    public void A_key_is_never_part_of_an_error_message()
    {
        var error = Assert.Throws<ConfigurationException>(() => Read("auth:\n  api_keys: [{name: ci, key_env: SHORT}]\n"));
        Assert.DoesNotContain("short", error.Message.Replace("shown", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("env:SHORT", error.Message);
    }

    [Theory]
    [InlineData("auth:\n  api_key: []\n", ":2: unknown key 'api_key' in 'auth'")]
    [InlineData("auth:\n  api_keys: [{name: ci}]\n", ":2: API key 'ci' needs exactly one of 'key_env'")]
    [InlineData("auth:\n  api_keys: [{name: ci, key_env: K, key_sha256: ab}]\n", ":2: API key 'ci' needs exactly one of")]
    [InlineData("auth:\n  api_keys: [{name: ci, key_env: MISSING}]\n", ":2: API key 'ci': environment variable MISSING is not set")]
    [InlineData("auth:\n  api_keys: [{name: ci, key_sha256: abc}]\n", ":2: API key 'ci': 'key_sha256' must be 64 hex digits")]
    [InlineData("auth:\n  api_keys: [{name: 'c i', key_env: K}]\n", ":2: API key name 'c i' may only hold")]
    [InlineData("auth:\n  api_keys: [{name: ci, key_env: K}, {name: ci, key_env: K}]\n", ":2: API key name 'ci' is used twice")]
    [InlineData("auth:\n  api_keys: [{name: ci, key: plain}]\n", ":2: unknown key 'key' in 'auth.api_keys[]'")]
    [InlineData("auth:\n  jwt:\n    issuer: i\n    jwks_url: https://l/jwks\n", ":3: 'auth.jwt' needs 'auth.resource'")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n", ":4: 'auth.jwt' needs exactly one key source")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    jwks_url: https://l/jwks\n    secret_env: SECRET\n", ":4: 'auth.jwt' needs exactly one key source")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    jwks_url: http://login.example/jwks\n", ":5: 'auth.jwt.jwks_url' must use https unless it points at this machine")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    jwks_url: https://l/jwks\n    algorithms: [RS256, none]\n", ":6: 'auth.jwt.algorithms': 'none' is not allowed")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    jwks_url: https://l/jwks\n    algorithms: [HS256]\n", ":6: 'auth.jwt.algorithms': 'HS256' is not allowed")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    secret_env: SECRET\n    algorithms: [RS256]\n", ":6: 'auth.jwt.algorithms': 'RS256' is not allowed")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    secret_env: SHORT\n", ":5: 'auth.jwt.secret_env': SHORT must hold a secret of at least 32")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    secret_env: SECRET\n    algorithms: [HS512]\n", ":6: 'auth.jwt.algorithms': 'HS512' needs a secret of at least 64 bytes")]
    [InlineData("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    jwks_url: https://l/jwks\n    clock_skew_s: 3600\n", ":6: 'auth.jwt.clock_skew_s' must be a whole number from 0 to 300")]
    [InlineData("auth:\n  resource: ftp://gw/mcp\n", ":2: 'auth.resource' must be an absolute http(s) URL")]
    [InlineData("auth:\n  rate_limit: {burst: 5}\n", ":2: 'auth.rate_limit' needs 'requests_per_minute'")]
    [InlineData("auth:\n  rate_limit: {requests_per_minute: 0}\n", ":2: 'auth.rate_limit.requests_per_minute' must be a whole number from 1")]
    public void Rejects_mistakes_naming_file_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(yaml));
        // Messages name file:line:column; the expectations name file:line.
        Assert.StartsWith(File + expected, System.Text.RegularExpressions.Regex.Replace(error.Message, @"^([^:]+:\d+):\d+:", "$1:"));
    }

    [Fact]
    public void A_private_key_file_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("vanguard-auth-").FullName;
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        System.IO.File.WriteAllText(Path.Combine(folder, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        var error = Assert.Throws<ConfigurationException>(() => TestTokens.Options(
            "auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    public_key_file: key.pem\n", Env, Path.Combine(folder, "vanguard.yaml")));
        Assert.Contains("holds a private key", error.Message);
    }

    [Fact]
    public void By_default_a_secret_allows_only_the_hmacs_it_is_long_enough_for()
    {
        Assert.Equal(["HS256"], Read("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    secret_env: SECRET\n").Jwt!.Algorithms);
        Assert.Equal(["HS256", "HS384", "HS512"], Read("auth:\n  resource: https://gw/mcp\n  jwt:\n    issuer: i\n    secret_env: LONG\n").Jwt!.Algorithms);
    }
}

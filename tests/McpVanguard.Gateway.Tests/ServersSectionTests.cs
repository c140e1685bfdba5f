using McpVanguard.Configuration;
using McpVanguard.Gateway.Upstreams;

namespace McpVanguard.Gateway.Tests;

public sealed class ServersSectionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"vanguard-servers-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_file);

    private IReadOnlyList<UpstreamDefinition> Parse(string yaml)
    {
        File.WriteAllText(_file, yaml);
        var options = ConfigurationLoader.Load(new Dictionary<string, object>(), new Dictionary<string, string>(), _file, []);
        return ServersSection.Parse(options);
    }

    [Fact]
    public void ReadsStdioAndRemoteServers()
    {
        var servers = Parse("""
            servers:
              - id: files
                command: npx -y "@modelcontextprotocol/server-filesystem" /srv/data
                env: { NODE_ENV: production }
              - id: remote
                url: https://mcp.example.com/mcp
                headers:
                  Authorization: Bearer upstream-token
            """);

        Assert.Equal(2, servers.Count);
        Assert.Equal(["npx", "-y", "@modelcontextprotocol/server-filesystem", "/srv/data"], servers[0].Command);
        Assert.Equal("production", servers[0].Environment["NODE_ENV"]);
        Assert.Equal(new Uri("https://mcp.example.com/mcp"), servers[1].Url);
        Assert.Equal("Bearer upstream-token", servers[1].Headers["Authorization"]);
    }

    [Fact]
    public void ShareIsOffByDefaultAndTakesAPoolSize()
    {
        var servers = Parse("""
            servers:
              - id: own
                command: node own.js
              - id: shared
                command: node shared.js
                share: true
              - id: pooled
                command: node pooled.js
                share: true
                pool_size: 3
            """);

        Assert.Equal([0, ServersSectionReader.DefaultSharePoolSize, 3], servers.Select(s => s.SharePoolSize));
        Assert.False(servers[0].IsShared);
    }

    [Theory]
    [InlineData("servers:\n  - id: a\n", "exactly one of 'command'")]
    [InlineData("servers:\n  - id: a\n    command: x\n    url: http://h/mcp\n", "exactly one of 'command'")]
    [InlineData("servers:\n  - command: x\n", "needs an 'id'")]
    [InlineData("servers:\n  - id: a/b\n    command: x\n", "needs an 'id'")]
    [InlineData("servers:\n  - id: a\n    command: x\n  - id: a\n    command: y\n", "used twice")]
    [InlineData("servers:\n  - id: a\n    url: ftp://h/\n", "absolute http(s) URL")]
    [InlineData("servers:\n  - id: a\n    command: x\n    args: [1]\n", "unknown key 'servers.args'")]
    [InlineData("servers: files\n", "must be a list")]
    [InlineData("servers:\n  - id: a\n    command: x\n    share: yes please\n", "'servers.share' must be true or false")]
    [InlineData("servers:\n  - id: a\n    command: x\n    share: true\n    pool_size: 0\n", "whole number from 1 to 64")]
    [InlineData("servers:\n  - id: a\n    command: x\n    share: true\n    pool_size: 65\n", "whole number from 1 to 64")]
    [InlineData("servers:\n  - id: a\n    command: x\n    pool_size: 2\n", "'pool_size' needs 'share: true'")]
    [InlineData("servers:\n  - id: a\n    url: https://h/mcp\n    share: true\n", "'share' applies only to a 'command' server")]
    public void InvalidEntriesAreErrorsNamingFileAndLine(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Parse(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(_file, error.Message, StringComparison.Ordinal);
        Assert.Matches(@":\d+:\d+: ", error.Message);
    }

    [Fact]
    public void GatewayKeysAreReadAndValidated()
    {
        File.WriteAllText(_file, """
            gateway:
              port: 9000
              allowed_origins: [https://app.example.com]
              allowed_hosts: [mcp.example.com]
              max_sessions: 5
            """);
        var env = new Dictionary<string, string> { ["VANGUARD_GATEWAY_ALLOWED_ORIGINS"] = "http://localhost:3000,https://b.example" };
        var options = ConfigurationLoader.Load(new Dictionary<string, object>(), env, _file, []);

        Assert.Equal(9000, options.Gateway.Port);
        Assert.Equal(["http://localhost:3000", "https://b.example"], options.Gateway.AllowedOrigins);
        Assert.Equal(["mcp.example.com"], options.Gateway.AllowedHosts);
        Assert.Equal(5, options.Gateway.MaxSessions);
        Assert.Equal(options.Limits.MaxMessageBytes, options.Gateway.MaxBodyBytes);
        Assert.Equal("127.0.0.1", options.Gateway.Host);
    }

    [Theory]
    [InlineData("gateway:\n  host: example.com\n", "gateway.host")]
    [InlineData("gateway:\n  allowed_origins: ['*']\n", "not an origin")]
    [InlineData("gateway:\n  allowed_origins: ['https://a.example/path']\n", "not an origin")]
    [InlineData("gateway:\n  port: 70000\n", "gateway.port")]
    [InlineData("gateway:\n  tls: true\n", "unknown key 'gateway.tls'")]
    public void BadGatewayValuesAreErrors(string yaml, string expected)
    {
        File.WriteAllText(_file, yaml);
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(new Dictionary<string, object>(), new Dictionary<string, string>(), _file, []));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

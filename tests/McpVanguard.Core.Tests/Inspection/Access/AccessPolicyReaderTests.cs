using McpVanguard.Configuration;
using McpVanguard.Inspection.Access;
using McpVanguard.Sessions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Tests.Inspection.Access;

public sealed class AccessPolicyReaderTests
{
    private static readonly CallerIdentity Ci = new("ci", "api-key", [], []);

    internal static AccessPolicy Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return AccessPolicyReader.Read(root.Children[new YamlScalarNode("access")], "vanguard.yaml");
    }

    [Fact]
    public void Reads_rules_with_every_principal_kind_and_defaults_servers_to_all()
    {
        var policy = Read("""
            access:
              default: deny
              rules:
                - principals: [key:ci, sub:user-*, role:admin, "scope:mcp:*", alice]
                  allow_tools: ["*"]
                  deny_tools: delete_*
            """);
        var rule = Assert.Single(policy.Rules);
        Assert.False(policy.DefaultAllow);
        Assert.Equal(["key:ci", "sub:user-*", "role:admin", "scope:mcp:*", "alice"], rule.Principals.Select(p => p.ToString()));
        Assert.Equal("*", Assert.Single(rule.Servers).Pattern);
        Assert.Equal("delete_*", Assert.Single(rule.DenyTools).Pattern);
        Assert.Equal(4, rule.Line);
        Assert.True(policy.Evaluate(Ci, "any", "echo").Allowed);
    }

    [Theory]
    [InlineData("access:\n  rules:\n    - principals: [ci]\n      allow_tool: [echo]\n", "vanguard.yaml:4: unknown key 'allow_tool'")]
    [InlineData("access:\n  rule: []\n", "vanguard.yaml:2: unknown key 'access.rule'")]
    [InlineData("access:\n  default: maybe\n", "vanguard.yaml:2: 'access.default' must be 'allow' or 'deny'")]
    [InlineData("access:\n  rules:\n    - allow_tools: [echo]\n", "vanguard.yaml:3: an access rule needs 'principals'")]
    [InlineData("access:\n  rules:\n    - principals: [ci]\n", "vanguard.yaml:3: an access rule needs 'allow_tools' or 'deny_tools'")]
    [InlineData("access:\n  rules:\n    - principals: [group:x]\n      allow_tools: [echo]\n", "vanguard.yaml:3: principal 'group:x' has an unknown prefix")]
    [InlineData("access:\n  rules:\n    - principals: [ci]\n      allow_tools: [{a: 1}]\n", "vanguard.yaml:4: 'allow_tools' must hold non-empty strings")]
    [InlineData("access: [1]\n", "vanguard.yaml:1: 'access' must be a mapping")]
    public void Rejects_mistakes_naming_file_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(yaml));
        // Messages name file:line:column; the expectations name file:line.
        Assert.StartsWith(expected, System.Text.RegularExpressions.Regex.Replace(error.Message, @"^([^:]+:\d+):\d+:", "$1:"));
    }
}

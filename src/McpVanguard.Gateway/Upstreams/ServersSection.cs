using McpVanguard.Configuration;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>The gateway's upstreams of the <c>servers:</c> section, already bound and validated at load (<see cref="ServersSectionReader"/>).</summary>
public static class ServersSection
{
    /// <summary>The configured upstreams (empty when the section is absent).</summary>
    public static IReadOnlyList<UpstreamDefinition> Parse(VanguardOptions options)
        => options.Servers.Select(s => new UpstreamDefinition(s.Id, s.Command, s.Url, s.Headers, s.Environment) { SharePoolSize = s.SharePoolSize }).ToList();
}

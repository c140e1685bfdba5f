using McpVanguard.Configuration;
using McpVanguard.Transports.Stdio;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>
/// Parses the <c>servers:</c> section of <c>vanguard.yaml</c>: a list of <c>{id, command | url, headers?, env?}</c>.
/// Errors name the file and line.
/// </summary>
public static class ServersSection
{
    private static readonly HashSet<string> Keys = ["id", "command", "url", "headers", "env"];

    /// <summary>The configured upstreams (empty when the section is absent); throws <see cref="ConfigurationException"/> when invalid.</summary>
    public static IReadOnlyList<UpstreamDefinition> Parse(VanguardOptions options)
    {
        if (!options.Sections.TryGetValue("servers", out var node))
        {
            return [];
        }

        var file = options.ConfigFile ?? "vanguard.yaml";
        if (node is not YamlSequenceNode list)
        {
            throw new ConfigurationException($"{file}: 'servers' must be a list of {{id, command | url}} entries (line {node.Start.Line}).");
        }

        var result = new List<UpstreamDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw new ConfigurationException($"{file}: each entry of 'servers' must be a mapping with id and command or url (line {item.Start.Line}).");
            }

            string? id = null, command = null, url = null;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in entry.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!Keys.Contains(key))
                {
                    throw new ConfigurationException($"{file}: unknown key 'servers.{key}' (line {keyNode.Start.Line}); expected id, command, url, headers or env.");
                }

                switch (key)
                {
                    case "id": id = Scalar(file, key, valueNode); break;
                    case "command": command = Scalar(file, key, valueNode); break;
                    case "url": url = Scalar(file, key, valueNode); break;
                    case "headers": ReadMap(file, key, valueNode, headers); break;
                    case "env": ReadMap(file, key, valueNode, env); break;
                }
            }

            var line = entry.Start.Line;
            if (id is null || id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new ConfigurationException($"{file}: a server needs an 'id' of 1-64 letters, digits, '-', '_' or '.' (line {line}); it names the route /mcp/{{id}}.");
            }

            if (!ids.Add(id))
            {
                throw new ConfigurationException($"{file}: server id '{id}' is used twice (line {line}).");
            }

            if ((command is null) == (url is null))
            {
                throw new ConfigurationException($"{file}: server '{id}' needs exactly one of 'command' (a stdio server) or 'url' (a Streamable HTTP server) (line {line}).");
            }

            if (command is not null)
            {
                IReadOnlyList<string> argv;
                try
                {
                    argv = CommandLineSplitter.Split(command);
                }
                catch (FormatException ex)
                {
                    throw new ConfigurationException($"{file}: server '{id}': {ex.Message} (line {line}).");
                }

                if (argv.Count == 0 || headers.Count > 0)
                {
                    throw new ConfigurationException($"{file}: server '{id}': 'command' must not be empty, and 'headers' apply only to a 'url' server (line {line}).");
                }

                result.Add(new UpstreamDefinition(id, argv, null, headers, env));
            }
            else
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new ConfigurationException($"{file}: server '{id}': 'url' must be an absolute http(s) URL, got '{url}' (line {line}).");
                }

                if (env.Count > 0)
                {
                    throw new ConfigurationException($"{file}: server '{id}': 'env' applies only to a 'command' server (line {line}).");
                }

                result.Add(new UpstreamDefinition(id, null, uri, headers, env));
            }
        }

        return result;
    }

    private static string Scalar(string file, string key, YamlNode node)
        => node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : throw new ConfigurationException($"{file}: 'servers.{key}' must be a non-empty string (line {node.Start.Line}).");

    private static void ReadMap(string file, string key, YamlNode node, Dictionary<string, string> into)
    {
        if (node is not YamlMappingNode map)
        {
            throw new ConfigurationException($"{file}: 'servers.{key}' must be a mapping of name: value (line {node.Start.Line}).");
        }

        foreach (var (name, value) in map.Children)
        {
            if (name is not YamlScalarNode { Value: { Length: > 0 } n } || value is not YamlScalarNode { Value: { } v })
            {
                throw new ConfigurationException($"{file}: 'servers.{key}' entries must be name: value strings (line {name.Start.Line}).");
            }

            into[n] = v;
        }
    }
}

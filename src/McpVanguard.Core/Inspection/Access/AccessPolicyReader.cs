using McpVanguard.Configuration;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Inspection.Access;

/// <summary>Reads and validates the <c>access:</c> section of <c>vanguard.yaml</c>; every error names the file and line.</summary>
public static class AccessPolicyReader
{
    private static readonly HashSet<string> SectionKeys = ["default", "rules"];
    private static readonly HashSet<string> RuleKeys = ["principals", "servers", "allow_tools", "deny_tools"];

    /// <summary>The <c>access:</c> policy of the loaded options, or null when the config file has none (everything allowed).</summary>
    public static AccessPolicy? Read(VanguardOptions options)
        => options.Sections.TryGetValue("access", out var section) ? Read(section, options.ConfigFile) : null;

    /// <param name="section">The YAML of <c>access:</c> as read (<see cref="VanguardOptions.Sections"/>).</param>
    /// <param name="file">The config file, for messages.</param>
    public static AccessPolicy Read(YamlNode section, string? file)
    {
        var where = file ?? "config";
        if (section is not YamlMappingNode map)
        {
            throw Error(where, section, "'access' must be a mapping with 'rules' (and optionally 'default').");
        }

        var defaultAllow = false;
        var rules = new List<AccessRule>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!SectionKeys.Contains(key))
            {
                throw Error(where, keyNode, $"unknown key 'access.{key}' (expected one of: {string.Join(", ", SectionKeys)}).");
            }

            if (key == "default")
            {
                defaultAllow = (value as YamlScalarNode)?.Value switch
                {
                    "allow" => true,
                    "deny" => false,
                    var other => throw Error(where, value, $"'access.default' must be 'allow' or 'deny', got '{other}'."),
                };
            }
            else if (value is YamlSequenceNode seq)
            {
                rules.AddRange(seq.Children.Select(item => ReadRule(item, where)));
            }
            else
            {
                throw Error(where, value, "'access.rules' must be a list of rules.");
            }
        }

        return new AccessPolicy(rules, defaultAllow);
    }

    private static AccessRule ReadRule(YamlNode node, string where)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(where, node, "each access rule must be a mapping with 'principals' and 'allow_tools' or 'deny_tools'.");
        }

        IReadOnlyList<string>? principals = null, servers = null, allow = null, deny = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var list = key switch
            {
                "principals" or "servers" or "allow_tools" or "deny_tools" => Strings(value, where, key),
                _ => throw Error(where, keyNode, $"unknown key '{key}' in an access rule (expected one of: {string.Join(", ", RuleKeys)})."),
            };
            switch (key)
            {
                case "principals": principals = list; break;
                case "servers": servers = list; break;
                case "allow_tools": allow = list; break;
                default: deny = list; break;
            }
        }

        if (principals is null || principals.Count == 0)
        {
            throw Error(where, node, "an access rule needs 'principals' (use \"*\" for every authenticated caller).");
        }

        if ((allow?.Count ?? 0) + (deny?.Count ?? 0) == 0)
        {
            throw Error(where, node, "an access rule needs 'allow_tools' or 'deny_tools'.");
        }

        var patterns = principals.Select(p => PrincipalPattern.Parse(p)
            ?? throw Error(where, node, $"principal '{p}' has an unknown prefix (expected key:, sub:, name:, role: or scope:).")).ToList();
        return new AccessRule(
            patterns,
            (servers ?? ["*"]).Select(s => new NamePattern(s)).ToList(),
            (allow ?? []).Select(s => new NamePattern(s)).ToList(),
            (deny ?? []).Select(s => new NamePattern(s)).ToList(),
            (int)node.Start.Line);
    }

    private static List<string> Strings(YamlNode node, string where, string key) => node switch
    {
        YamlScalarNode { Value: { Length: > 0 } one } => [one],
        YamlSequenceNode seq => seq.Children.Select(c => c is YamlScalarNode { Value: { Length: > 0 } s }
            ? s
            : throw Error(where, c, $"'{key}' must hold non-empty strings.")).ToList(),
        _ => throw Error(where, node, $"'{key}' must be a string or a list of strings."),
    };

    private static ConfigurationException Error(string where, YamlNode node, string message)
        => new($"{where}:{node.Start.Line}: {message}");
}

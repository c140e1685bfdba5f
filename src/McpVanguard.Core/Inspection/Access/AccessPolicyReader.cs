using McpVanguard.Configuration;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Inspection.Access;

/// <summary>Binds and validates the <c>access:</c> section of <c>vanguard.yaml</c> at load; every error names file:line:column, and all are collected.</summary>
public static class AccessPolicyReader
{
    private static readonly string[] SectionKeys = ["default", "rules"];
    private static readonly string[] RuleKeys = ["principals", "servers", "allow_tools", "deny_tools"];

    /// <summary>The <c>access:</c> policy bound at load (<see cref="VanguardOptions.Access"/>), or null when the config file has none (everything allowed).</summary>
    public static AccessPolicy? Read(VanguardOptions options) => options.Access;

    /// <summary>Reads one section, throwing every error found at once.</summary>
    /// <param name="section">The YAML of <c>access:</c>.</param>
    /// <param name="file">The config file, for messages.</param>
    public static AccessPolicy Read(YamlNode section, string? file)
    {
        var errors = new ConfigurationErrors();
        var policy = Read(section, file ?? "config", errors);
        errors.ThrowIfAny();
        return policy;
    }

    /// <summary>Reads one section, adding every error to <paramref name="errors"/>; the result is only meaningful when none was added.</summary>
    public static AccessPolicy Read(YamlNode section, string file, ConfigurationErrors errors)
    {
        if (section is not YamlMappingNode map)
        {
            errors.Add(file, section, "'access' must be a mapping with 'rules' (and optionally 'default').");
            return new AccessPolicy([], false);
        }

        var defaultAllow = false;
        var rules = new List<AccessRule>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (key == "default")
            {
                switch ((value as YamlScalarNode)?.Value)
                {
                    case "allow": defaultAllow = true; break;
                    case "deny": defaultAllow = false; break;
                    case var other: errors.Add(file, value, $"'access.default' must be 'allow' or 'deny', got '{other}'."); break;
                }
            }
            else if (key == "rules")
            {
                if (value is YamlSequenceNode seq)
                {
                    rules.AddRange(seq.Children.Select(item => ReadRule(item, file, errors)).OfType<AccessRule>());
                }
                else
                {
                    errors.Add(file, value, "'access.rules' must be a list of rules.");
                }
            }
            else
            {
                errors.Add(file, keyNode, $"unknown key 'access.{key}'{KeySuggestion.For(key, SectionKeys)} (expected one of: {string.Join(", ", SectionKeys)}).");
            }
        }

        return new AccessPolicy(rules, defaultAllow);
    }

    private static AccessRule? ReadRule(YamlNode node, string file, ConfigurationErrors errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(file, node, "each access rule must be a mapping with 'principals' and 'allow_tools' or 'deny_tools'.");
            return null;
        }

        var before = errors.Count;
        IReadOnlyList<string>? principals = null, servers = null, allow = null, deny = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (key)
            {
                case "principals": principals = Strings(value, file, key, errors); break;
                case "servers": servers = Strings(value, file, key, errors); break;
                case "allow_tools": allow = Strings(value, file, key, errors); break;
                case "deny_tools": deny = Strings(value, file, key, errors); break;
                default:
                    errors.Add(file, keyNode, $"unknown key '{key}' in an access rule{KeySuggestion.For(key, RuleKeys)} (expected one of: {string.Join(", ", RuleKeys)}).");
                    break;
            }
        }

        if (principals is null || principals.Count == 0)
        {
            errors.Add(file, node, "an access rule needs 'principals' (use \"*\" for every authenticated caller).");
        }

        if ((allow?.Count ?? 0) + (deny?.Count ?? 0) == 0)
        {
            errors.Add(file, node, "an access rule needs 'allow_tools' or 'deny_tools'.");
        }

        var patterns = new List<PrincipalPattern>();
        foreach (var p in principals ?? [])
        {
            if (PrincipalPattern.Parse(p) is { } pattern)
            {
                patterns.Add(pattern);
            }
            else
            {
                errors.Add(file, node, $"principal '{p}' has an unknown prefix (expected key:, sub:, name:, role: or scope:).");
            }
        }

        return errors.Count > before ? null : new AccessRule(
            patterns,
            (servers ?? ["*"]).Select(s => new NamePattern(s)).ToList(),
            (allow ?? []).Select(s => new NamePattern(s)).ToList(),
            (deny ?? []).Select(s => new NamePattern(s)).ToList(),
            (int)node.Start.Line);
    }

    private static List<string> Strings(YamlNode node, string file, string key, ConfigurationErrors errors)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { Length: > 0 } one }:
                return [one];
            case YamlSequenceNode seq:
                var result = new List<string>();
                foreach (var c in seq.Children)
                {
                    if (c is YamlScalarNode { Value: { Length: > 0 } s })
                    {
                        result.Add(s);
                    }
                    else
                    {
                        errors.Add(file, c, $"'{key}' must hold non-empty strings.");
                    }
                }

                return result;
            default:
                errors.Add(file, node, $"'{key}' must be a string or a list of strings.");
                return [];
        }
    }
}

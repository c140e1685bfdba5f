using McpVanguard.Policy;
using McpVanguard.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Loads L1 rules from YAML: the defaults embedded in the binary, then a rules directory that adds rules or replaces
/// them by id. Any unknown key, bad value or regex that cannot run in linear time is a load error.
/// </summary>
public static class RuleLoader
{
    private const string ResourcePrefix = "McpVanguard.Rules.";

    private static readonly HashSet<string> RuleKeys =
    [
        "id", "title", "category", "severity", "action", "profiles", "methods", "tools", "keys", "exclude_keys", "pattern",
        "match_decoded", "description", "examples", "enabled",
    ];

    /// <summary>Loads the embedded rules, then the <c>*.yaml</c>/<c>*.yml</c> files of <paramref name="rulesDirectory"/> (sorted by name).</summary>
    public static IReadOnlyList<Rule> Load(string? rulesDirectory)
    {
        var byId = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        var assembly = typeof(RuleLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var source = "embedded:" + name[ResourcePrefix.Length..];
            Merge(ParseFile(reader.ReadToEnd(), source, requireUniqueWithin: true, validatePatterns: false), byId, order, allowOverride: false);
        }

        if (!string.IsNullOrEmpty(rulesDirectory))
        {
            if (!Directory.Exists(rulesDirectory))
            {
                throw new RuleLoadException($"Rules directory '{rulesDirectory}' does not exist.");
            }

            var files = Directory.EnumerateFiles(rulesDirectory, "*.yaml").Concat(Directory.EnumerateFiles(rulesDirectory, "*.yml")).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                Merge(ParseFile(File.ReadAllText(file), file, requireUniqueWithin: true), byId, order, allowOverride: true);
            }
        }

        return order.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private static void Merge(List<(Rule? Rule, string Id)> parsed, Dictionary<string, Rule> byId, List<string> order, bool allowOverride)
    {
        foreach (var (rule, id) in parsed)
        {
            if (byId.ContainsKey(id) && !allowOverride)
            {
                throw new RuleLoadException($"Rule id '{id}' is defined twice in the embedded rules.");
            }

            if (rule is null)
            {
                // enabled: false removes a rule (typically a built-in one) by id.
                byId.Remove(id);
                continue;
            }

            if (!byId.ContainsKey(id) && !order.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                order.Add(id);
            }

            byId[id] = rule;
        }
    }

    /// <summary>Parses one rules document; a rule with <c>enabled: false</c> is returned as a null rule (a removal).</summary>
    /// <param name="validatePatterns">
    /// Build every regex once now (and let it go), so that a pattern the linear-time engine refuses is a load error. The
    /// embedded rules skip this (the test suite builds them all): at run time a regex is built only when traffic needs it.
    /// </param>
    public static List<(Rule? Rule, string Id)> ParseFile(string yaml, string source, bool requireUniqueWithin, bool validatePatterns = true)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new RuleLoadException($"{source}: invalid YAML at line {ex.Start.Line}: {ex.Message}");
        }

        var result = new List<(Rule?, string)>();
        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root || !root.Children.TryGetValue(new YamlScalarNode("rules"), out var rulesNode) || rulesNode is not YamlSequenceNode rules)
        {
            throw new RuleLoadException($"{source}: expected a top-level 'rules:' list.");
        }

        foreach (var key in root.Children.Keys)
        {
            if (((YamlScalarNode)key).Value != "rules")
            {
                throw new RuleLoadException($"{source}: unknown top-level key '{key}' (line {key.Start.Line}).");
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in rules.Children)
        {
            if (node is not YamlMappingNode map)
            {
                throw new RuleLoadException($"{source}: line {node.Start.Line}: each rule must be a mapping.");
            }

            var (rule, id) = ParseRule(map, source, validatePatterns);
            if (requireUniqueWithin && !seen.Add(id))
            {
                throw new RuleLoadException($"{source}: rule id '{id}' appears twice (line {map.Start.Line}).");
            }

            result.Add((rule, id));
        }

        return result;
    }

    private static (Rule? Rule, string Id) ParseRule(YamlMappingNode map, string source, bool validatePatterns)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!RuleKeys.Contains(name))
            {
                throw new RuleLoadException($"{source}: line {key.Start.Line}: unknown rule key '{name}'.");
            }
        }

        var id = Required(map, "id", source, "?");
        string Where(string key) => $"{source}: rule '{id}', key '{key}'";
        if (Optional(map, "enabled") is { } enabled)
        {
            if (enabled is not ("true" or "false"))
            {
                throw new RuleLoadException($"{Where("enabled")}: expected true or false, got '{enabled}'.");
            }

            if (enabled == "false")
            {
                return (null, id);
            }
        }

        var patternText = Required(map, "pattern", source, id);
        var matchDecoded = Optional(map, "match_decoded") is "true";
        var pattern = new RulePattern(patternText, caseFolded: !matchDecoded);
        if (validatePatterns)
        {
            try
            {
                pattern.Validate();
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new RuleLoadException($"{Where("pattern")}: the pattern cannot be compiled as a linear-time (NonBacktracking) regex: {ex.Message}");
            }
        }

        var profiles = StringList(map, "profiles", source, id) is { } p
            ? p.Select(v => ParseEnum<Profile>(v, Where("profiles"))).ToHashSet()
            : [Profile.Monitor, Profile.Balanced, Profile.Strict];

        var rule = new Rule
        {
            Id = id,
            Title = Required(map, "title", source, id),
            Category = Required(map, "category", source, id),
            Severity = ParseEnum<Severity>(Required(map, "severity", source, id), Where("severity")),
            Action = ParseEnum<FindingAction>(Required(map, "action", source, id), Where("action")),
            Profiles = profiles,
            Methods = Globs(StringList(map, "methods", source, id) ?? ["tools/call"]),
            Tools = Globs(StringList(map, "tools", source, id) ?? ["*"]),
            Keys = Globs(StringList(map, "keys", source, id) ?? ["*"]),
            ExcludedKeys = Globs(StringList(map, "exclude_keys", source, id) ?? []),
            Pattern = pattern,
            MatchDecoded = matchDecoded,
            Description = Optional(map, "description"),
            Source = source,
        };

        if (map.Children.TryGetValue(new YamlScalarNode("examples"), out var examples))
        {
            if (examples is not YamlMappingNode ex)
            {
                throw new RuleLoadException($"{Where("examples")}: expected a mapping with 'match' and 'no_match' lists.");
            }

            foreach (var key in ex.Children.Keys)
            {
                if (((YamlScalarNode)key).Value is not ("match" or "no_match"))
                {
                    throw new RuleLoadException($"{Where("examples")}: unknown key '{key}' (use 'match' and 'no_match').");
                }
            }

            rule = rule with
            {
                Matches = Examples(ex, "match", Where("examples.match")),
                NonMatches = Examples(ex, "no_match", Where("examples.no_match")),
            };
        }

        return (rule, id);
    }

    private static List<RuleExample> Examples(YamlMappingNode examples, string key, string where)
    {
        if (!examples.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            throw new RuleLoadException($"{where}: expected a list.");
        }

        var list = new List<RuleExample>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode m)
            {
                throw new RuleLoadException($"{where}: line {item.Start.Line}: each example is a mapping with 'tool' and 'arguments'.");
            }

            var tool = Optional(m, "tool") ?? "tool";
            var method = Optional(m, "method") ?? "tools/call";
            m.Children.TryGetValue(new YamlScalarNode("arguments"), out var args);
            foreach (var k in m.Children.Keys)
            {
                if (((YamlScalarNode)k).Value is not ("tool" or "arguments" or "method"))
                {
                    throw new RuleLoadException($"{where}: line {k.Start.Line}: unknown example key '{k}'.");
                }
            }

            list.Add(new RuleExample(tool, args is null ? static () => default : () => YamlJson.ToJsonElement(args), method));
        }

        return list;
    }

    private static Glob[] Globs(IEnumerable<string> values) => values.Select(v => new Glob(v)).ToArray();

    private static T ParseEnum<T>(string value, string where)
        where T : struct, Enum
        => Enum.TryParse<T>(value, ignoreCase: true, out var result) && !int.TryParse(value, out _)
            ? result
            : throw new RuleLoadException($"{where}: unknown value '{value}' (expected one of: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}).");

    private static string Required(YamlMappingNode map, string key, string source, string id)
        => Optional(map, key) is { Length: > 0 } v ? v : throw new RuleLoadException($"{source}: rule '{id}' (line {map.Start.Line}): missing required key '{key}'.");

    private static string? Optional(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    private static List<string>? StringList(YamlMappingNode map, string key, string source, string id)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw new RuleLoadException($"{source}: rule '{id}', key '{key}': expected a list of strings.")).ToList(),
            YamlScalarNode s when s.Value is { } v => [v],
            _ => throw new RuleLoadException($"{source}: rule '{id}', key '{key}': expected a list of strings."),
        };
    }
}

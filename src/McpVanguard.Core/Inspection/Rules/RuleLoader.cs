using McpVanguard.Policy;
using McpVanguard.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// Loads the rule catalog from YAML: the signatures and analyser rules embedded in the binary, then a rules directory that
/// adds signatures, replaces them by id, or changes some keys of any rule by id (a partial override). Any unknown key, bad
/// value or regex that cannot run in linear time is a load error.
/// </summary>
public static class RuleLoader
{
    private const string ResourcePrefix = "McpVanguard.Rules.";

    private static readonly HashSet<string> RuleKeys =
    [
        "id", "title", "category", "secondary", "owasp_mcp", "severity", "action", "profiles", "methods", "tools", "keys", "exclude_keys", "pattern",
        "match_decoded", "description", "examples", "enabled", "analyzer", "locked",
    ];

    /// <summary>The keys a partial override (an existing id without a pattern) may set.</summary>
    private static readonly HashSet<string> OverrideKeys = ["id", "enabled", "action", "severity", "profiles", "title", "description"];

    /// <summary>Loads the embedded rules, then the <c>*.yaml</c>/<c>*.yml</c> files of <paramref name="rulesDirectory"/> (sorted by name).</summary>
    /// <returns>Every rule in load order, disabled ones included (<see cref="Rule.Enabled"/> false).</returns>
    public static IReadOnlyList<Rule> Load(string? rulesDirectory)
    {
        var byId = new Dictionary<string, Rule>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (source, yaml) in EmbeddedFiles())
        {
            // Parsed at build time into the table image when it was built from these bytes; otherwise parsed here.
            Merge(Tables.TableImage.Current?.RuleFile(source, yaml) ?? ParseEmbedded(source, yaml), byId, order, builtIn: true);
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
                Merge(ParseFile(File.ReadAllText(file), file, builtIn: false), byId, order, builtIn: false);
            }
        }

        return order.Select(id => byId[id]).ToList();
    }

    /// <summary>
    /// Loads the embedded rules, then the given rule files (a verified rule pack's files, already read): the loader parses
    /// exactly the bytes whose signature was checked, never a file swapped in between.
    /// </summary>
    public static IReadOnlyList<Rule> LoadVerified(IReadOnlyList<(string Path, byte[] Bytes)> directoryFiles)
        => LoadVerified(Load(rulesDirectory: null), directoryFiles);

    /// <summary><see cref="LoadVerified(IReadOnlyList{ValueTuple{string, byte[]}})"/> over built-in rules already loaded (the fuzzer loads them once).</summary>
    internal static IReadOnlyList<Rule> LoadVerified(IReadOnlyList<Rule> builtIn, IReadOnlyList<(string Path, byte[] Bytes)> directoryFiles)
    {
        var byId = builtIn.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var order = builtIn.Select(r => r.Id).ToList();
        foreach (var (path, bytes) in directoryFiles)
        {
            Merge(ParseFile(new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF'), path, builtIn: false), byId, order, builtIn: false);
        }

        return order.Select(id => byId[id]).ToList();
    }

    /// <summary>The built-in rules files, by name order: each one's source name (<c>embedded:commands.yaml</c>) and bytes.</summary>
    internal static IEnumerable<(string Source, byte[] Yaml)> EmbeddedFiles()
    {
        var assembly = typeof(RuleLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            yield return ("embedded:" + name[ResourcePrefix.Length..], bytes);
        }
    }

    /// <summary>Parses a built-in rules file from its YAML (what the table image holds already parsed).</summary>
    internal static List<RuleEntry> ParseEmbedded(string source, byte[] yaml)
    {
        using var reader = new StreamReader(new MemoryStream(yaml));
        return ParseFile(reader.ReadToEnd(), source, builtIn: true);
    }

    private static void Merge(List<RuleEntry> entries, Dictionary<string, Rule> byId, List<string> order, bool builtIn)
    {
        foreach (var entry in entries)
        {
            var id = entry.Id;
            byId.TryGetValue(id, out var existing);
            if (existing is not null && builtIn)
            {
                throw new RuleLoadException($"Rule id '{id}' is defined twice in the embedded rules ({existing.Source}, {entry.Source}).");
            }

            if (entry.Override is { } change)
            {
                byId[id] = existing is null
                    ? throw new RuleLoadException($"{entry.Source}: line {entry.Line}: rule '{id}' has no 'pattern' and no rule with that id exists to override (a new rule needs a pattern; check the id).")
                    : change.ApplyTo(existing);
                continue;
            }

            var rule = entry.Definition!;
            if (existing?.Analyzer is { } analyzer)
            {
                throw new RuleLoadException($"{entry.Source}: line {entry.Line}: rule '{id}' is reported by the analyser {analyzer}, which has no pattern: override it without 'pattern' (enabled, action, severity, profiles, title, description).");
            }

            if (existing is null)
            {
                order.Add(id);
            }

            byId[id] = rule;
        }
    }

    /// <summary>Parses one rules document into whole rules and partial overrides.</summary>
    /// <param name="builtIn">
    /// An embedded file: it may define analyser and locked rules, and its patterns are built lazily (the test suite builds
    /// them all), keeping start-up fast. A rules directory's patterns are built now, so that a pattern the linear-time
    /// engine refuses is a load error.
    /// </param>
    private static List<RuleEntry> ParseFile(string yaml, string source, bool builtIn)
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
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws these (without a mark) on some malformed input, such as an unclosed flow mapping
            // or a stray token inside a mapping (found by fuzzing).
            throw new RuleLoadException($"{source}: invalid YAML (an unclosed '[' or '{{'?).");
        }

        var result = new List<RuleEntry>();
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
            if (KeyName(key, source) != "rules")
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

            var entry = ParseEntry(map, source, builtIn);
            if (!seen.Add(entry.Id))
            {
                throw new RuleLoadException($"{source}: rule id '{entry.Id}' appears twice (line {map.Start.Line}).");
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>A mapping key as a name: YAML allows a mapping or a list as a key, a rule file never means one.</summary>
    private static string KeyName(YamlNode key, string source)
        => key is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw new RuleLoadException($"{source}: line {key.Start.Line}: a key must be a plain name, not a mapping or a list.");

    private static RuleEntry ParseEntry(YamlMappingNode map, string source, bool builtIn)
    {
        var keys = new List<string>();
        foreach (var key in map.Children.Keys)
        {
            var name = KeyName(key, source);
            if (!RuleKeys.Contains(name))
            {
                throw new RuleLoadException($"{source}: line {key.Start.Line}: unknown rule key '{name}'.");
            }

            if (!builtIn && name is "analyzer" or "locked")
            {
                throw new RuleLoadException($"{source}: line {key.Start.Line}: '{name}' is only for the built-in rules (analyser rules are reported by C# code; override one by its id).");
            }

            keys.Add(name);
        }

        var id = Required(map, "id", source, "?");
        var line = (int)map.Start.Line;
        if (keys.Contains("pattern"))
        {
            if (keys.Contains("analyzer"))
            {
                throw new RuleLoadException($"{source}: line {line}: rule '{id}' has both 'pattern' and 'analyzer'; an analyser rule has no pattern.");
            }

            return new RuleEntry(id, source, line, ParseSignature(map, source, id, validatePattern: !builtIn), null);
        }

        if (keys.Contains("analyzer"))
        {
            return new RuleEntry(id, source, line, ParseAnalyzerRule(map, source, id), null);
        }

        if (builtIn)
        {
            throw new RuleLoadException($"{source}: line {line}: rule '{id}' needs a 'pattern' (a signature) or an 'analyzer' (an id a C# analyser reports).");
        }

        var extra = keys.FirstOrDefault(k => !OverrideKeys.Contains(k));
        if (extra is not null)
        {
            throw new RuleLoadException($"{source}: line {line}: rule '{id}' has no 'pattern', so it is a partial override, which may set only {string.Join(", ", OverrideKeys.Where(k => k != "id"))}; '{extra}' needs a whole rule with a pattern.");
        }

        if (keys.Count == 1)
        {
            throw new RuleLoadException($"{source}: line {line}: rule '{id}' sets nothing (give a pattern for a new rule, or the keys to override).");
        }

        string Where(string key) => $"{source}: rule '{id}', key '{key}'";
        foreach (var key in (string[])["enabled", "action", "severity", "title", "description"])
        {
            // A list or mapping where one value belongs would otherwise be read as "not set" and silently change nothing.
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is not YamlScalarNode)
            {
                throw new RuleLoadException($"{Where(key)} (line {value.Start.Line}): expected a single value.");
            }
        }

        return new RuleEntry(id, source, line, null, new RuleOverride(id, source, line)
        {
            Enabled = Optional(map, "enabled") is { } enabled ? ParseBool(enabled, Where("enabled")) : null,
            Action = Optional(map, "action") is { } action ? ParseEnum<FindingAction>(action, Where("action")) : null,
            Severity = Optional(map, "severity") is { } severity ? ParseEnum<Severity>(severity, Where("severity")) : null,
            Profiles = Profiles(map, source, id),
            Title = Optional(map, "title") is { Length: > 0 } title ? title : null,
            Description = Optional(map, "description"),
        });
    }

    /// <summary>A finding id reported by a C# analyser: documented (title, category, usual severity and action), never matched by a pattern.</summary>
    private static Rule ParseAnalyzerRule(YamlMappingNode map, string source, string id)
    {
        string Where(string key) => $"{source}: rule '{id}', key '{key}'";
        var signatureOnly = new[] { "methods", "tools", "keys", "exclude_keys", "match_decoded", "examples", "enabled" }.FirstOrDefault(k => map.Children.ContainsKey(new YamlScalarNode(k)));
        if (signatureOnly is not null)
        {
            throw new RuleLoadException($"{Where(signatureOnly)}: not valid on an analyser rule.");
        }

        return new Rule
        {
            Id = id,
            Title = Required(map, "title", source, id),
            Category = Threat(map, "category", source, id, required: true)!,
            Secondary = Threat(map, "secondary", source, id, required: false),
            OwaspMcp = Owasp(map, source, id),
            Severity = ParseEnum<Severity>(Required(map, "severity", source, id), Where("severity")),
            Action = ParseEnum<FindingAction>(Required(map, "action", source, id), Where("action")),
            Profiles = Profiles(map, source, id) ?? AllProfiles(),
            Methods = [],
            Tools = [],
            Keys = [],
            Analyzer = Required(map, "analyzer", source, id),
            Locked = Optional(map, "locked") is { } locked && ParseBool(locked, Where("locked")),
            Description = Optional(map, "description"),
            Source = source,
        };
    }

    private static Rule ParseSignature(YamlMappingNode map, string source, string id, bool validatePattern)
    {
        string Where(string key) => $"{source}: rule '{id}', key '{key}'";
        var patternText = Required(map, "pattern", source, id);
        var matchDecoded = Optional(map, "match_decoded") is "true";
        var pattern = new RulePattern(patternText, caseFolded: !matchDecoded);
        if (validatePattern)
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

        var rule = new Rule
        {
            Id = id,
            Title = Required(map, "title", source, id),
            Category = Threat(map, "category", source, id, required: true)!,
            Secondary = Threat(map, "secondary", source, id, required: false),
            OwaspMcp = Owasp(map, source, id),
            Severity = ParseEnum<Severity>(Required(map, "severity", source, id), Where("severity")),
            Action = ParseEnum<FindingAction>(Required(map, "action", source, id), Where("action")),
            Profiles = Profiles(map, source, id) ?? AllProfiles(),
            Methods = Globs(StringList(map, "methods", source, id) ?? ["tools/call"]),
            Tools = Globs(StringList(map, "tools", source, id) ?? ["*"]),
            Keys = Globs(StringList(map, "keys", source, id) ?? ["*"]),
            ExcludedKeys = Globs(StringList(map, "exclude_keys", source, id) ?? []),
            Pattern = pattern,
            MatchDecoded = matchDecoded,
            Enabled = Optional(map, "enabled") is not { } enabled || ParseBool(enabled, Where("enabled")),
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
                if (KeyName(key, source) is not ("match" or "no_match"))
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

        return rule;
    }

    private static HashSet<Profile> AllProfiles() => [.. Enum.GetValues<Profile>()];

    private static HashSet<Profile>? Profiles(YamlMappingNode map, string source, string id)
        => StringList(map, "profiles", source, id) is { } p
            ? p.Select(v => ParseEnum<Profile>(v, $"{source}: rule '{id}', key 'profiles'")).ToHashSet()
            : null;

    private static bool ParseBool(string value, string where)
        => value switch
        {
            "true" => true,
            "false" => false,
            _ => throw new RuleLoadException($"{where}: expected true or false, got '{value}'."),
        };

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
                if (KeyName(k, where) is not ("tool" or "arguments" or "method"))
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

    /// <summary>An MCP-38 id as the paper spells it (MCP-01…MCP-38): a report citing another id would mislead.</summary>
    private static string? Threat(YamlMappingNode map, string key, string source, string id, bool required)
    {
        var value = required ? Required(map, key, source, id) : Optional(map, key);
        return value is null || Taxonomy.Mcp38.IsId(value)
            ? value
            : throw new RuleLoadException($"{source}: rule '{id}', key '{key}': '{value}' is not an MCP-38 id (MCP-01 … MCP-38; docs/TAXONOMY.md).");
    }

    /// <summary>An OWASP MCP Top 10 id (MCP01…MCP10), or <c>none</c> when no item fits.</summary>
    private static string? Owasp(YamlMappingNode map, string source, string id)
    {
        var value = Optional(map, "owasp_mcp");
        return value is null || value == Taxonomy.OwaspMcpTop10.None || Taxonomy.OwaspMcpTop10.IsId(value)
            ? value
            : throw new RuleLoadException($"{source}: rule '{id}', key 'owasp_mcp': '{value}' is not an OWASP MCP Top 10 id (MCP01 … MCP10, or none).");
    }

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

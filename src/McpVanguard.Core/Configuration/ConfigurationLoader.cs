using System.Globalization;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Configuration;

/// <summary>
/// Builds <see cref="VanguardOptions"/> with the precedence command line &gt; <c>VANGUARD_*</c> environment &gt;
/// <c>vanguard.yaml</c> &gt; profile &gt; built-in default. Unknown keys and bad values are errors naming key and source.
/// </summary>
public static class ConfigurationLoader
{
    public const string DefaultFileName = "vanguard.yaml";

    /// <summary>VANGUARD_* variables that belong to other features and are not configuration keys here.</summary>
    private static readonly HashSet<string> OtherVariables = ["VANGUARD_CONFIG", "VANGUARD_MODE", "VANGUARD_API_KEY", "VANGUARD_ADMIN_KEY"];

    /// <param name="commandLine">Values given on the command line, by configuration key.</param>
    /// <param name="environment">The process environment (passed in so that nothing else reads it).</param>
    /// <param name="configPath">An explicit config file (<c>--config</c>); otherwise the rule of <see cref="ConfigFileLocation.Find"/>.</param>
    /// <param name="warnings">Non-fatal notes, such as an unknown <c>VANGUARD_*</c> variable.</param>
    /// <param name="bindSections">Binds sections owned outside the core (the gateway's <c>auth:</c>) in the same load, adding its errors to the rest.</param>
    public static VanguardOptions Load(IReadOnlyDictionary<string, object> commandLine, IReadOnlyDictionary<string, string> environment, string? configPath, List<string> warnings, Action<IReadOnlyDictionary<string, YamlNode>, string?, ConfigurationErrors>? bindSections = null, string? userConfigDirectory = null)
    {
        var values = new Dictionary<string, (object Value, string Source)>();
        foreach (var (key, value) in ConfigurationKeys.Defaults)
        {
            values[key] = (value, "default");
        }

        var location = ConfigFileLocation.Find(configPath, environment, userConfigDirectory ?? ConfigFileLocation.UserConfigDirectory(), Environment.CurrentDirectory);
        var file = location.Path;
        var sections = new Dictionary<string, YamlNode>();
        // Every error of the load is collected and reported together, each naming file:line:column when it comes from the file.
        var errors = new ConfigurationErrors();
        var marks = new Dictionary<string, string>();
        var fromFile = file is null ? new Dictionary<string, object>() : ReadFile(file, sections, marks, errors);
        var fromEnvironment = ReadEnvironment(environment, warnings);

        // The profile decides which profile layer applies, so it is resolved first with the same precedence.
        var profileName = (string)(commandLine.GetValueOrDefault(ConfigurationKeys.Profile)
            ?? fromEnvironment.GetValueOrDefault(ConfigurationKeys.Profile).Value
            ?? fromFile.GetValueOrDefault(ConfigurationKeys.Profile)
            ?? ConfigurationKeys.Defaults[ConfigurationKeys.Profile]);
        var profileSource = commandLine.ContainsKey(ConfigurationKeys.Profile) ? "command line"
            : fromEnvironment.TryGetValue(ConfigurationKeys.Profile, out var pe) ? pe.Source
            : fromFile.ContainsKey(ConfigurationKeys.Profile) ? file! : "default";
        var profile = Profile.Balanced;
        errors.Collect(() => profile = ParseProfile(profileName, ConfigurationKeys.Profile, profileSource == file ? marks.GetValueOrDefault(ConfigurationKeys.Profile, file) : profileSource));
        foreach (var (key, value) in ConfigurationKeys.ProfileDefaults[profile.ToString().ToLowerInvariant()])
        {
            values[key] = (value, "profile:" + profile.ToString().ToLowerInvariant());
        }

        foreach (var (key, value) in fromFile)
        {
            values[key] = (value, file!);
        }

        foreach (var (key, entry) in fromEnvironment)
        {
            values[key] = entry;
        }

        foreach (var (key, value) in commandLine)
        {
            if (!ConfigurationKeys.All.Contains(key))
            {
                errors.Add($"Unknown configuration key '{key}' given on the command line.");
                continue;
            }

            values[key] = (value, "command line");
        }

        var options = Bind(values, marks, errors);
        var where = file ?? "config";
        var servers = sections.TryGetValue("servers", out var serversNode) ? ServersSectionReader.Read(serversNode, where, errors) : [];
        var access = sections.TryGetValue("access", out var accessNode) ? McpVanguard.Inspection.Access.AccessPolicyReader.Read(accessNode, where, errors) : null;
        var behaviour = sections.TryGetValue("behaviour", out var behaviourNode) ? BehaviourSectionReader.Read(behaviourNode, where, errors) : new McpVanguard.Inspection.Behaviour.BehaviourSettings();
        bindSections?.Invoke(sections, file, errors);
        errors.ThrowIfAny();
        return options with { ConfigFile = file, ConfigLocation = location, Sections = sections, Servers = servers, Access = access, Behaviour = behaviour };
    }

    private static Dictionary<string, object> ReadFile(string file, Dictionary<string, YamlNode> sections, Dictionary<string, string> marks, ConfigurationErrors errors)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            var scanner = new Scanner(reader);
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (YamlException ex)
            {
                // Nothing after a syntax error can be trusted, so this one error is the whole report.
                throw new ConfigurationException($"{ConfigurationErrors.At(file, ex.Start)}: invalid YAML: {ex.Message}");
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet's scanner throws these (without a mark) on some malformed input, such as an unclosed flow
                // sequence followed by another key, or a stray token inside a mapping (found by fuzzing); the scanner's
                // position is where it gave up.
                throw new ConfigurationException($"{ConfigurationErrors.At(file, scanner.CurrentPosition)}: invalid YAML: unexpected text here (an unclosed '[' or '{{' before it?).");
            }
        }

        var result = new Dictionary<string, object>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException($"{ConfigurationErrors.At(file, stream.Documents[0].RootNode.Start)}: the top level must be a mapping of configuration keys.");
        }

        foreach (var (keyNode, valueNode) in root.Children.ToList())
        {
            if (keyNode is YamlScalarNode { Value: { } name } && ConfigurationKeys.Sections.Contains(name))
            {
                sections[name] = valueNode;
                root.Children.Remove(keyNode);
            }
        }

        Flatten(root, string.Empty, file, result, marks, errors);
        return result;
    }

    private static void Flatten(YamlMappingNode map, string prefix, string file, Dictionary<string, object> result, Dictionary<string, string> marks, ConfigurationErrors errors)
    {
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = prefix + ((keyNode as YamlScalarNode)?.Value ?? string.Empty);
            if (valueNode is YamlMappingNode nested && !ConfigurationKeys.All.Contains(key))
            {
                if (!ConfigurationKeys.All.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal)))
                {
                    errors.Add(file, keyNode, $"unknown key '{key}'{Suggest(key, prefix)}.");
                    continue;
                }

                Flatten(nested, key + ".", file, result, marks, errors);
                continue;
            }

            if (!ConfigurationKeys.All.Contains(key))
            {
                // "telemetry: on" gives a section a value: say what goes inside it rather than call a known name unknown.
                var inside = ConfigurationKeys.All.Where(k => k.StartsWith(key + ".", StringComparison.Ordinal)).Select(k => k[(key.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
                errors.Add(file, keyNode, inside.Count > 0
                    ? $"'{key}' is a section, not a value: put its keys under it ({string.Join(", ", inside.Take(4))}{(inside.Count > 4 ? ", …" : string.Empty)})."
                    : $"unknown key '{key}'{Suggest(key, prefix)}.");
                continue;
            }

            marks[key] = ConfigurationErrors.At(file, valueNode.Start);
            switch (valueNode)
            {
                case YamlSequenceNode seq when ConfigurationKeys.Lists.Contains(key):
                    var items = new List<string>();
                    foreach (var c in seq.Children)
                    {
                        if (c is YamlScalarNode { Value: { } v })
                        {
                            items.Add(v);
                        }
                        else
                        {
                            errors.Add(file, c, $"key '{key}' must be a list of strings.");
                        }
                    }

                    result[key] = items;
                    break;
                case YamlScalarNode scalar when ConfigurationKeys.Lists.Contains(key):
                    result[key] = scalar.Value is { Length: > 0 } one ? new List<string> { one } : new List<string>();
                    break;
                case YamlScalarNode scalar:
                    result[key] = scalar.Value ?? string.Empty;
                    break;
                default:
                    errors.Add(file, keyNode, $"key '{key}' has the wrong shape.");
                    break;
            }
        }
    }

    /// <summary>A "did you mean" among the keys (and sections) at the same level as <paramref name="key"/>.</summary>
    private static string Suggest(string key, string prefix)
    {
        var depth = prefix.Count(c => c == '.');
        var siblings = ConfigurationKeys.All.Concat(ConfigurationKeys.Sections)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => string.Join('.', k.Split('.').Take(depth + 1)))
            .Distinct();
        return KeySuggestion.For(key, siblings);
    }

    private static Dictionary<string, (object Value, string Source)> ReadEnvironment(IReadOnlyDictionary<string, string> environment, List<string> warnings)
    {
        var result = new Dictionary<string, (object, string)>();
        var known = ConfigurationKeys.All.ToDictionary(ConfigurationKeys.EnvironmentName);
        foreach (var (name, value) in environment)
        {
            if (!name.StartsWith("VANGUARD_", StringComparison.Ordinal))
            {
                continue;
            }

            if (known.TryGetValue(name, out var key) || ConfigurationKeys.EnvironmentAliases.TryGetValue(name, out key))
            {
                // Safe zones are paths (PATH-style separator); origins and hosts contain ':' so they are comma-separated.
                var separator = key == ConfigurationKeys.SafeZones ? Path.PathSeparator : ',';
                object parsed = ConfigurationKeys.Lists.Contains(key) ? value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : value;
                result[key] = (parsed, "env:" + name);
            }
            else if (!OtherVariables.Contains(name))
            {
                warnings.Add($"Ignoring unknown environment variable {name} (not a configuration key).");
            }
        }

        OtelEnvironment.Read(environment, result);

        // The original project's switch: VANGUARD_MODE=audit means the monitor profile, unless a profile is set explicitly.
        if (environment.TryGetValue("VANGUARD_MODE", out var mode))
        {
            if (!string.Equals(mode, "audit", StringComparison.OrdinalIgnoreCase) && !string.Equals(mode, "enforce", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationException($"env:VANGUARD_MODE: unknown value '{mode}' (expected 'audit' or 'enforce').");
            }

            if (string.Equals(mode, "audit", StringComparison.OrdinalIgnoreCase) && !result.ContainsKey(ConfigurationKeys.Profile))
            {
                result[ConfigurationKeys.Profile] = ("monitor", "env:VANGUARD_MODE");
            }
        }

        return result;
    }

    private static VanguardOptions Bind(Dictionary<string, (object Value, string Source)> values, Dictionary<string, string> marks, ConfigurationErrors errors)
    {
        string Text(string key) => values.TryGetValue(key, out var v) ? (string)v.Value : string.Empty;
        // A value from the file is named by file:line:column; any other by its source (env:…, command line, default).
        string Source(string key) => values.TryGetValue(key, out var v) ? (marks.TryGetValue(key, out var at) && at.StartsWith(v.Source + ":", StringComparison.Ordinal) ? at : v.Source) : "default";
        int Int(string key, int min, int max) => (int)Long(key, min, max);
        long Long(string key, long min, long max)
        {
            var text = Text(key);
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            // Collected, not thrown: the load goes on so that every bad value is reported at once.
            errors.Add($"{Source(key)}: key '{key}' must be a whole number from {min} to {max}, got '{text}'.");
            return min;
        }

        bool Bool(string key)
        {
            var text = Text(key);
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => Invalid(),
            };

            bool Invalid()
            {
                errors.Add($"{Source(key)}: key '{key}' must be true or false, got '{text}'.");
                return false;
            }
        }

        var profile = Profile.Balanced;
        errors.Collect(() => profile = ParseProfile(Text(ConfigurationKeys.Profile), ConfigurationKeys.Profile, Source(ConfigurationKeys.Profile)));
        var zones = values.TryGetValue(ConfigurationKeys.SafeZones, out var z) ? (List<string>)z.Value : [];
        var serverId = Text(ConfigurationKeys.ServerId);
        if (serverId.Length is 0 or > 64 || !serverId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{Source(ConfigurationKeys.ServerId)}: key 'server_id' must be 1-64 letters, digits, '-', '_' or '.', got '{serverId}'.");
        }

        var normalizedZones = new List<string>();
        foreach (var zone in zones)
        {
            var expanded = zone == "~" || zone.StartsWith("~/", StringComparison.Ordinal) ? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), zone[1..]) : zone;
            normalizedZones.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(expanded)));
        }

        var maxMessageBytes = Int(ConfigurationKeys.MaxMessageBytes, 1024, 256 * 1024 * 1024);
        var rulesDir = Text(ConfigurationKeys.RulesDir);
        var auditLog = Text(ConfigurationKeys.AuditLog);
        var pinsFile = Text(ConfigurationKeys.PinsFile);
        var pinsBaseline = Text(ConfigurationKeys.PinsBaseline);
        var signingKey = Text(ConfigurationKeys.AuditSigningKey);
        var receipts = Text(ConfigurationKeys.AuditReceipts);
        var rulesKey = Text(ConfigurationKeys.RulesPublicKey);
        var baselineKey = Text(ConfigurationKeys.PinsBaselineKey);
        return new VanguardOptions
        {
            Profile = profile,
            ServerId = serverId,
            SafeZones = normalizedZones,
            RulesDirectory = rulesDir.Length == 0 ? null : rulesDir,
            AuditLogPath = auditLog.Length == 0 ? DefaultStatePath("audit.jsonl") : auditLog,
            PinsFilePath = pinsFile.Length == 0 ? DefaultStatePath("pins.json") : ExpandHome(pinsFile),
            PinsBaselinePath = pinsBaseline.Length == 0 ? null : ExpandHome(pinsBaseline),
            PinsBaselineKeyPath = baselineKey.Length == 0 ? null : ExpandHome(baselineKey),
            AuditAllows = Bool(ConfigurationKeys.AuditAllows),
            AuditMaxBytes = Long(ConfigurationKeys.AuditMaxBytes, 4096, long.MaxValue),
            AuditMaxFiles = Int(ConfigurationKeys.AuditMaxFiles, 1, 100),
            AuditSigningKeyPath = signingKey.Length == 0 ? DefaultStatePath("audit-signing-key.pem") : ExpandHome(signingKey),
            AuditSigningKeyConfigured = signingKey.Length > 0,
            AuditCheckpointRecords = Int(ConfigurationKeys.AuditCheckpointRecords, 1, 10_000_000),
            AuditCheckpointInterval = TimeSpan.FromSeconds(Int(ConfigurationKeys.AuditCheckpointIntervalSeconds, 1, 86_400)),
            AuditReceiptsPath = receipts.Length == 0 ? null : ExpandHome(receipts),
            RulesRequireSignature = Bool(ConfigurationKeys.RulesRequireSignature),
            RulesPublicKeyPath = rulesKey.Length == 0 ? null : ExpandHome(rulesKey),
            Limits = new PreflightLimits(
                maxMessageBytes,
                Int(ConfigurationKeys.MaxDepth, 4, 512),
                Int(ConfigurationKeys.MaxStrings, 16, 10_000_000)),
            MaxPendingRequests = Int(ConfigurationKeys.MaxPending, 1, 1_000_000),
            PendingTimeout = TimeSpan.FromSeconds(Int(ConfigurationKeys.PendingTimeoutSeconds, 1, 86_400)),
            InspectorBudget = TimeSpan.FromMilliseconds(Int(ConfigurationKeys.InspectorBudgetMs, 1, 60_000)),
            ShutdownGrace = TimeSpan.FromMilliseconds(Int(ConfigurationKeys.ShutdownGraceMs, 0, 600_000)),
            Gateway = BindGateway(values, maxMessageBytes, Text, Source, Int, errors),
            Semantic = SemanticSectionReader.Bind(values, Text, Source, Int, Bool, errors),
            Telemetry = TelemetrySectionReader.Bind(Text, Source, Int, Bool, errors),
            State = StateSettingsReader.Bind(Text, Source, Int, errors),
            Trust = TrustSectionReader.Bind(Text, Source, Bool, ExpandHome, errors),
            Sources = values.ToDictionary(kv => kv.Key, kv => kv.Value.Source),
        };
    }

    private static GatewaySettings BindGateway(Dictionary<string, (object Value, string Source)> values, int maxMessageBytes, Func<string, string> text, Func<string, string> source, Func<string, int, int, int> number, ConfigurationErrors errors)
    {
        var host = text(ConfigurationKeys.GatewayHost);
        if (host != "localhost" && !System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            errors.Add($"{source(ConfigurationKeys.GatewayHost)}: key '{ConfigurationKeys.GatewayHost}' must be an IP address or 'localhost', got '{host}'.");
        }

        List<string> List(string key) => values.TryGetValue(key, out var v) ? (List<string>)v.Value : [];
        var origins = List(ConfigurationKeys.GatewayAllowedOrigins);
        foreach (var origin in origins)
        {
            // An origin is scheme://host[:port] with nothing after it; "*" would defeat the check and is refused.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                errors.Add($"{source(ConfigurationKeys.GatewayAllowedOrigins)}: '{origin}' in '{ConfigurationKeys.GatewayAllowedOrigins}' is not an origin (expected scheme://host[:port], for example https://app.example.com).");
            }
        }

        var hosts = List(ConfigurationKeys.GatewayAllowedHosts);
        foreach (var name in hosts)
        {
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.Contains('*', StringComparison.Ordinal))
            {
                errors.Add($"{source(ConfigurationKeys.GatewayAllowedHosts)}: '{name}' in '{ConfigurationKeys.GatewayAllowedHosts}' is not a host name (expected a name or address, optionally with :port).");
            }
        }

        var bodyText = text(ConfigurationKeys.GatewayMaxBodyBytes);
        var route = text(ConfigurationKeys.GatewaySessionRoute);
        if (route.Length > 32 || !route.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            // Lower-case letters, digits and '-': safe in a header, in an nginx map and in a DNS label.
            errors.Add($"{source(ConfigurationKeys.GatewaySessionRoute)}: key '{ConfigurationKeys.GatewaySessionRoute}' must be up to 32 lower-case letters, digits or '-', got '{route}'.");
        }

        return new GatewaySettings
        {
            Host = host,
            Port = number(ConfigurationKeys.GatewayPort, 0, 65535),
            AllowedOrigins = origins,
            AllowedOriginsConfigured = values.ContainsKey(ConfigurationKeys.GatewayAllowedOrigins),
            AllowedHosts = hosts,
            MaxSessions = number(ConfigurationKeys.GatewayMaxSessions, 1, 1_000_000),
            SessionIdleTimeout = TimeSpan.FromSeconds(number(ConfigurationKeys.GatewaySessionIdleTimeoutSeconds, 1, 86_400)),
            MaxConcurrentRequests = number(ConfigurationKeys.GatewayMaxConcurrentRequests, 1, 100_000),
            MaxBodyBytes = bodyText.Length == 0 ? maxMessageBytes : number(ConfigurationKeys.GatewayMaxBodyBytes, 1024, 256 * 1024 * 1024),
            UpstreamTimeout = TimeSpan.FromSeconds(number(ConfigurationKeys.GatewayUpstreamTimeoutSeconds, 1, 86_400)),
            WarmPool = number(ConfigurationKeys.GatewayWarmPool, 0, 64),
            SessionRoute = route.Length == 0 ? null : route,
        };
    }

    private static Profile ParseProfile(string value, string key, string source)
        => value.ToLowerInvariant() switch
        {
            "monitor" or "audit" => Profile.Monitor,
            "balanced" => Profile.Balanced,
            "strict" => Profile.Strict,
            _ => throw new ConfigurationException($"{source}: key '{key}' has unknown value '{value}' (expected monitor, balanced or strict)."),
        };

    private static string ExpandHome(string path)
        => path == "~" || path.StartsWith("~/", StringComparison.Ordinal) ? Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..]) : path;

    /// <summary><paramref name="fileName"/> in the user's state directory: <c>$XDG_STATE_HOME/mcp-vanguard</c>, <c>~/.local/state/mcp-vanguard</c>, or LocalAppData on Windows.</summary>
    public static string DefaultStatePath(string fileName) => Path.Join(PlatformDirectories.StateHome(), "mcp-vanguard", fileName);
}

using System.CommandLine;
using System.Globalization;
using McpVanguard.Configuration;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard config show</c>: the effective configuration and where each value came from.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var common = new CommonOptions { ResolvesAuthSecrets = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON object: config_file, and each key with its value and source." };
        var show = new Command("show", HelpText.With(
            "Print the effective configuration (every section, secrets masked), the source of each value, and which vanguard.yaml was read and why.",
            "vanguard config show",
            "vanguard config show --config ./vanguard.yaml --json",
            "VANGUARD_PROFILE=strict vanguard config show")) { json };
        common.AddTo(show);
        show.SetAction(parse =>
        {
            var warnings = new List<string>();
            VanguardOptions options;
            try
            {
                options = common.Load(parse, warnings);
            }
            catch (ConfigurationException ex)
            {
                EngineFactory.Report(ex);
                return EngineFactory.ConfigurationError;
            }

            foreach (var w in warnings)
            {
                Console.Error.WriteLine($"[vanguard] warning: {w}");
            }

            var rows = Values(options).Select(v => (v.Key, v.Value, Source: options.Sources.GetValueOrDefault(v.Key, "default")))
                // The structured sections, as bound (secrets masked), each row with the file:line it came from.
                .Concat(EffectiveSections.Rows(options, common.Auth))
                .ToList();
            if (parse.GetValue(json))
            {
                var values = new System.Text.Json.Nodes.JsonObject();
                foreach (var (key, value, source) in rows)
                {
                    values[key] = new System.Text.Json.Nodes.JsonObject { ["value"] = value, ["source"] = source };
                }

                var document = new System.Text.Json.Nodes.JsonObject
                {
                    ["config_file"] = options.ConfigLocation.Path,
                    ["config_rule"] = options.ConfigLocation.Rule,
                    ["values"] = values,
                };
                Console.WriteLine(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }

            Console.WriteLine($"config file: {options.ConfigLocation}");
            if (CompactOutput.Preferred(100))
            {
                var width = CompactOutput.TerminalWidth();
                foreach (var line in rows.SelectMany(r => CompactOutput.Fit($"{r.Key} = {r.Value}  ({r.Source})", $"{r.Key}  ({r.Source})", r.Value, width)))
                {
                    Console.WriteLine(line);
                }

                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("key", "value", "source");
            foreach (var (key, value, source) in rows)
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value), Markup.Escape(source));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("config", "Inspect the configuration.") { show };
    }

    private static IEnumerable<(string Key, string Value)> Values(VanguardOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        yield return (ConfigurationKeys.Profile, o.Profile.ToString().ToLowerInvariant());
        yield return (ConfigurationKeys.ServerId, o.ServerId);
        yield return (ConfigurationKeys.SafeZones, o.SafeZones.Count == 0 ? "(none: no path jail)" : string.Join(", ", o.SafeZones));
        yield return (ConfigurationKeys.RulesDir, o.RulesDirectory ?? "(built-in rules only)");
        yield return (ConfigurationKeys.AuditLog, o.AuditLogPath);
        yield return (ConfigurationKeys.AuditAllows, o.AuditAllows ? "true" : "false");
        yield return (ConfigurationKeys.AuditMaxBytes, o.AuditMaxBytes.ToString(c));
        yield return (ConfigurationKeys.AuditMaxFiles, o.AuditMaxFiles.ToString(c));
        yield return (ConfigurationKeys.PinsFile, o.PinsFilePath);
        yield return (ConfigurationKeys.PinsBaseline, o.PinsBaselinePath ?? "(none: trust on first use)");
        yield return (ConfigurationKeys.MaxMessageBytes, o.Limits.MaxMessageBytes.ToString(c));
        yield return (ConfigurationKeys.MaxDepth, o.Limits.MaxDepth.ToString(c));
        yield return (ConfigurationKeys.MaxStrings, o.Limits.MaxStrings.ToString(c));
        yield return (ConfigurationKeys.MaxPending, o.MaxPendingRequests.ToString(c));
        yield return (ConfigurationKeys.PendingTimeoutSeconds, ((int)o.PendingTimeout.TotalSeconds).ToString(c));
        yield return (ConfigurationKeys.InspectorBudgetMs, ((int)o.InspectorBudget.TotalMilliseconds).ToString(c));
        yield return (ConfigurationKeys.ShutdownGraceMs, ((int)o.ShutdownGrace.TotalMilliseconds).ToString(c));
        var g = o.Gateway;
        yield return (ConfigurationKeys.GatewayHost, g.Host);
        yield return (ConfigurationKeys.GatewayPort, g.Port.ToString(c));
        yield return (ConfigurationKeys.GatewayAllowedOrigins, g.AllowedOrigins.Count == 0 ? "(default: loopback origins when bound to loopback)" : string.Join(", ", g.AllowedOrigins));
        yield return (ConfigurationKeys.GatewayAllowedHosts, g.AllowedHosts.Count == 0 ? "(default: loopback names when bound to loopback)" : string.Join(", ", g.AllowedHosts));
        yield return (ConfigurationKeys.GatewayMaxSessions, g.MaxSessions.ToString(c));
        yield return (ConfigurationKeys.GatewaySessionIdleTimeoutSeconds, ((int)g.SessionIdleTimeout.TotalSeconds).ToString(c));
        yield return (ConfigurationKeys.GatewayMaxConcurrentRequests, g.MaxConcurrentRequests.ToString(c));
        yield return (ConfigurationKeys.GatewayMaxBodyBytes, g.MaxBodyBytes.ToString(c));
        yield return (ConfigurationKeys.GatewayUpstreamTimeoutSeconds, ((int)g.UpstreamTimeout.TotalSeconds).ToString(c));
        yield return (ConfigurationKeys.GatewayWarmPool, g.WarmPool.ToString(c));
        var l2 = o.Semantic;
        yield return (ConfigurationKeys.SemanticEnabled, l2.Enabled ? "true" : "false");
        yield return (ConfigurationKeys.SemanticProvider, l2.Provider + (l2.SelectedProvider is { } selected ? $" (runs: {selected}{(selected == "embedded" ? ", when installed" : string.Empty)})" : " (L2 off)"));
        yield return (ConfigurationKeys.SemanticScope, l2.Scope.ToString().ToLowerInvariant());
        yield return (ConfigurationKeys.SemanticThreshold, l2.Threshold?.ToString(c) ?? "auto");
        yield return (ConfigurationKeys.SemanticTimeoutMs, ((int)l2.Timeout.TotalMilliseconds).ToString(c));
        yield return (ConfigurationKeys.SemanticLoadTimeoutMs, ((int)l2.LoadTimeout.TotalMilliseconds).ToString(c));
        yield return (ConfigurationKeys.SemanticCacheSize, l2.CacheSize.ToString(c));
        yield return (ConfigurationKeys.SemanticCacheTtlSeconds, ((int)l2.CacheTtl.TotalSeconds).ToString(c));
        yield return (ConfigurationKeys.SemanticMaxChars, l2.MaxChars.ToString(c));
        yield return (ConfigurationKeys.SemanticAlways, l2.Always.Count == 0 ? "(none)" : string.Join(", ", l2.Always));
        yield return (ConfigurationKeys.SemanticModel, l2.Model ?? "(provider default)");
        yield return (ConfigurationKeys.SemanticCustomUrl, l2.CustomUrl is { } url ? SecretMask.Url(url) : "(not set)");
        yield return (ConfigurationKeys.SemanticCustomKey, l2.CustomKey is { } key ? SecretMask.Value(key) : "(not set)");
        yield return (ConfigurationKeys.SemanticCustomModel, l2.CustomModel ?? "(not set)");
        yield return (ConfigurationKeys.SemanticOpenAiKey, l2.OpenAiKey is { } openAi ? SecretMask.Value(openAi) : "(not set)");
        yield return (ConfigurationKeys.SemanticOllamaUrl, l2.OllamaUrl is { } ollama ? SecretMask.Url(ollama) : "(not set)");
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Scanning;

/// <summary>Writes scan results as JSON (<c>--json</c>) or as SARIF 2.1.0 (<c>--sarif</c>) for code-scanning tools in CI.</summary>
public static class ScanReportWriter
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Nodes are added as JsonNode: JsonArray.Add<T>(T) would pick the generic overload, which wraps a value by reflection
    // (RequiresDynamicCode) and breaks under Native AOT.
    public static string Json(IReadOnlyList<ServerScanResult> results)
    {
        var servers = new JsonArray();
        foreach (var r in results)
        {
            var findings = new JsonArray();
            foreach (var f in r.Findings)
            {
                findings.Add((JsonNode)new JsonObject
                {
                    ["rule_id"] = f.Finding.RuleId,
                    ["level"] = f.Level,
                    ["severity"] = f.Finding.Severity.ToString().ToLowerInvariant(),
                    ["action"] = f.Finding.Action.ToString().ToLowerInvariant(),
                    ["category"] = f.Finding.Category,
                    ["method"] = f.Method,
                    ["kind"] = f.ItemKind,
                    ["item"] = f.Item,
                    ["reason"] = f.Finding.Reason,
                });
            }

            servers.Add((JsonNode)new JsonObject
            {
                ["name"] = r.Target.Name,
                ["source"] = r.Target.Source,
                ["upstream"] = r.Target.Upstream,
                ["unwrapped_from"] = r.Target.UnwrappedFrom,
                ["server_name"] = r.ServerName,
                ["error"] = r.Error,
                ["tools"] = r.Tools,
                ["prompts"] = r.Prompts,
                ["resources"] = r.Resources,
                ["resource_templates"] = r.ResourceTemplates,
                ["findings"] = findings,
            });
        }

        var report = new JsonObject
        {
            ["servers"] = servers,
            ["summary"] = new JsonObject
            {
                ["servers"] = results.Count,
                ["failed"] = results.Count(static r => r.Error is not null),
                ["findings"] = results.Sum(static r => r.Findings.Count),
            },
        };
        return report.ToJsonString(Indented);
    }

    /// <summary>One run of the McpVanguard driver: its rules are the rule ids found, each result has a logical location <c>server/item</c>.</summary>
    public static string Sarif(IReadOnlyList<ServerScanResult> results, string toolVersion)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new JsonArray();
        var sarifResults = new JsonArray();
        foreach (var r in results)
        {
            foreach (var f in r.Findings)
            {
                if (!ruleIndex.TryGetValue(f.Finding.RuleId, out var index))
                {
                    index = ruleIndex[f.Finding.RuleId] = rules.Count;
                    rules.Add((JsonNode)new JsonObject
                    {
                        ["id"] = f.Finding.RuleId,
                        ["shortDescription"] = new JsonObject { ["text"] = f.Finding.RuleId + " (" + f.Finding.Category + ")" },
                        ["properties"] = new JsonObject { ["category"] = f.Finding.Category, ["layer"] = f.Finding.Layer },
                    });
                }

                var location = new JsonObject
                {
                    ["logicalLocations"] = new JsonArray(new JsonObject
                    {
                        ["name"] = f.Item ?? r.Target.Name,
                        ["fullyQualifiedName"] = f.Item is null ? r.Target.Name : r.Target.Name + "/" + f.Item,
                        ["kind"] = f.Item is null ? "module" : "member",
                    }),
                };
                if (File.Exists(r.Target.Source))
                {
                    location["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(Path.GetFullPath(r.Target.Source)).AbsoluteUri } };
                }

                sarifResults.Add((JsonNode)new JsonObject
                {
                    ["ruleId"] = f.Finding.RuleId,
                    ["ruleIndex"] = index,
                    ["level"] = f.Level,
                    ["message"] = new JsonObject { ["text"] = $"{r.Target.Name}: {(f.Item is null ? string.Empty : f.ItemKind + " '" + f.Item + "': ")}{f.Finding.Reason}" },
                    ["locations"] = new JsonArray(location),
                    ["properties"] = new JsonObject { ["server"] = r.Target.Name, ["method"] = f.Method, ["severity"] = f.Finding.Severity.ToString().ToLowerInvariant() },
                });
            }
        }

        var notifications = new JsonArray();
        foreach (var r in results.Where(static r => r.Error is not null))
        {
            notifications.Add((JsonNode)new JsonObject { ["level"] = "error", ["message"] = new JsonObject { ["text"] = $"{r.Target.Name}: {r.Error}" } });
        }

        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "McpVanguard",
                        ["version"] = toolVersion,
                        ["rules"] = rules,
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = notifications.Count == 0,
                    ["toolExecutionNotifications"] = notifications,
                }),
                ["results"] = sarifResults,
            }),
        };
        return sarif.ToJsonString(Indented);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Replay;

/// <summary>Writes the <c>--json</c> line of one case exactly as REPLAY-FORMAT.md specifies, keeping the case's extra fields.</summary>
public static class ReplayOutput
{
    public static string ToJsonLine(ReplayResult result)
    {
        var node = new JsonObject
        {
            ["id"] = result.Case.Id,
            ["category"] = result.Case.Category,
            ["expect"] = result.Case.ExpectBlock ? "block" : "allow",
            ["verdict"] = result.Verdict,
            ["steps"] = new JsonArray(result.Steps.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["rules"] = new JsonArray(result.Rules.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["elapsed_us"] = Math.Round(result.ElapsedMicroseconds, 1),
        };
        if (result.Semantic.Count > 0)
        {
            node["semantic"] = JsonSerializer.SerializeToNode(result.Semantic, Audit.AuditJsonContext.Default.IReadOnlyListSemanticEvidence);
        }

        foreach (var (key, value) in result.Case.Extra)
        {
            node[key] = value?.DeepClone();
        }

        // After the case's own fields: what replay concluded is never overwritten by a field of the same name.
        node["correct"] = result.Correct;
        if (result.WrongSteps.Count > 0)
        {
            node["wrong_steps"] = new JsonArray(result.WrongSteps.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        if (result.Warnings.Count > 0)
        {
            node["warnings"] = new JsonArray(result.Warnings.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}

using System.Text.Json;

namespace McpVanguard.Taxonomy;

/// <summary>Writes the taxonomy report as one JSON document (<c>vanguard taxonomy --json</c>).</summary>
public static class TaxonomyJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<TaxonomyRow> rows, string? recallSource)
    {
        json.WriteStartObject();
        json.WriteString("taxonomy", Mcp38.Source);
        json.WriteString("owasp_mcp", OwaspMcpTop10.Edition);
        if (recallSource is not null)
        {
            json.WriteString("recall_source", recallSource);
        }

        json.WriteStartArray("threats");
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("id", r.Threat.Id);
            json.WriteString("name", r.Threat.Name);
            json.WriteString("stride", r.Threat.Stride);
            json.WriteString("owasp_llm_2025", r.Threat.OwaspLlm);
            json.WriteString("owasp_agentic_2026", r.Threat.OwaspAgentic);
            json.WriteString("status", TaxonomyReport.Label(r.Status));
            Strings(json, "rules", r.PrimaryRules);
            Strings(json, "secondary_rules", r.SecondaryRules);
            Strings(json, "controls", r.Controls);
            json.WriteString("note", r.Note);
            if (r.Recall is { } recall)
            {
                json.WriteStartObject("recall");
                json.WriteNumber("attacks", recall.Attacks);
                json.WriteNumber("caught", recall.Caught);
                json.WriteNumber("rate", Math.Round(recall.Rate, 4));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("recall");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteStringValue(v);
        }

        json.WriteEndArray();
    }
}

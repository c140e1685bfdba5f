using System.Text.Json;
using ModelContextProtocol.Server;

namespace McpVanguard.ConformanceServer.Tools;

/// <summary>A tool whose input schema uses JSON Schema 2020-12 keywords that must survive listing unchanged (SEP-1613).</summary>
internal static class SchemaTools
{
    private const string InputSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "$defs": {
            "address": {
              "type": "object",
              "properties": { "street": { "type": "string" }, "city": { "type": "string" } }
            }
          },
          "properties": {
            "name": { "type": "string" },
            "address": { "$ref": "#/$defs/address" }
          },
          "additionalProperties": false
        }
        """;

    public static McpServerTool CreateJsonSchema202012Tool()
    {
        var tool = McpServerTool.Create(
            () => "json_schema_2020_12_tool ran",
            new McpServerToolCreateOptions { Name = "json_schema_2020_12_tool", Description = "Tool with JSON Schema 2020-12 features" });
        // The SDK would infer a schema from the delegate; the scenario needs this exact one.
        tool.ProtocolTool.InputSchema = JsonDocument.Parse(InputSchema).RootElement.Clone();
        return tool;
    }
}

using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpVanguard.ConformanceServer.Tools;

/// <summary>Elicitation requests whose schemas carry defaults (SEP-1034) and every enum variant (SEP-1330).</summary>
[McpServerToolType]
internal sealed class ElicitationSchemaTools
{
    [McpServerTool(Name = "test_elicitation_sep1034_defaults"), Description("Elicits one field of each primitive type, each with a default.")]
    public static async Task<string> Defaults(McpServer server, CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties =
            {
                ["name"] = new ElicitRequestParams.StringSchema { Description = "Name", Default = "John Doe" },
                ["age"] = new ElicitRequestParams.NumberSchema { Type = "integer", Description = "Age", Default = 30 },
                ["score"] = new ElicitRequestParams.NumberSchema { Description = "Score", Default = 95.5 },
                ["status"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
                {
                    Description = "Status",
                    Enum = ["active", "inactive", "pending"],
                    Default = "active",
                },
                ["verified"] = new ElicitRequestParams.BooleanSchema { Description = "Verified", Default = true },
            },
        };
        var result = await server.ElicitAsync(
            new ElicitRequestParams { Message = "Confirm or change the defaults", RequestedSchema = schema }, cancellationToken);
        return $"Elicitation completed: action={result.Action}, content={InteractiveTools.Describe(result.Content)}";
    }

    [McpServerTool(Name = "test_elicitation_sep1330_enums"), Description("Elicits one field of each enum schema variant.")]
    public static async Task<string> Enums(McpServer server, CancellationToken cancellationToken)
    {
        var schema = new ElicitRequestParams.RequestSchema
        {
            Properties =
            {
                ["untitledSingle"] = new ElicitRequestParams.UntitledSingleSelectEnumSchema
                {
                    Description = "Pick one",
                    Enum = ["option1", "option2", "option3"],
                },
                ["titledSingle"] = new ElicitRequestParams.TitledSingleSelectEnumSchema
                {
                    Description = "Pick one (titled)",
                    OneOf =
                    [
                        new() { Const = "value1", Title = "First Option" },
                        new() { Const = "value2", Title = "Second Option" },
                        new() { Const = "value3", Title = "Third Option" },
                    ],
                },
#pragma warning disable MCP9001 // the legacy enumNames form is deprecated, and the scenario checks it is still sent intact
                ["legacyEnum"] = new ElicitRequestParams.LegacyTitledEnumSchema
                {
                    Description = "Pick one (legacy titles)",
                    Enum = ["opt1", "opt2", "opt3"],
                    EnumNames = ["Option One", "Option Two", "Option Three"],
                },
#pragma warning restore MCP9001
                ["untitledMulti"] = new ElicitRequestParams.UntitledMultiSelectEnumSchema
                {
                    Description = "Pick several",
                    Items = new ElicitRequestParams.UntitledEnumItemsSchema { Enum = ["option1", "option2", "option3"] },
                },
                ["titledMulti"] = new ElicitRequestParams.TitledMultiSelectEnumSchema
                {
                    Description = "Pick several (titled)",
                    Items = new ElicitRequestParams.TitledEnumItemsSchema
                    {
                        AnyOf =
                        [
                            new() { Const = "value1", Title = "First Choice" },
                            new() { Const = "value2", Title = "Second Choice" },
                            new() { Const = "value3", Title = "Third Choice" },
                        ],
                    },
                },
            },
        };
        var result = await server.ElicitAsync(
            new ElicitRequestParams { Message = "Pick from each kind of enum", RequestedSchema = schema }, cancellationToken);
        return $"Elicitation completed: action={result.Action}, content={InteractiveTools.Describe(result.Content)}";
    }
}

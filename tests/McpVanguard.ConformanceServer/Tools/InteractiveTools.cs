using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpVanguard.ConformanceServer.Tools;

/// <summary>Tools that send a request back to the client mid-call (sampling, elicitation).</summary>
[McpServerToolType]
internal sealed class InteractiveTools
{
    [McpServerTool(Name = "test_sampling"), Description("Asks the client's model to answer the prompt (sampling/createMessage).")]
    public static async Task<string> Sampling(
        McpServer server, [Description("The prompt to send to the model")] string prompt, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken);
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text ?? "(no text)";
        return "LLM response: " + text;
    }

    [McpServerTool(Name = "test_elicitation"), Description("Asks the user for a username and an email (elicitation/create).")]
    public static async Task<string> Elicitation(
        McpServer server, [Description("The message to show the user")] string message, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = message,
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties =
                    {
                        ["username"] = new ElicitRequestParams.StringSchema { Description = "User's response" },
                        ["email"] = new ElicitRequestParams.StringSchema { Description = "User's email address", Format = "email" },
                    },
                    Required = ["username", "email"],
                },
            },
            cancellationToken);
        return $"User response: action={result.Action}, content={Describe(result.Content)}";
    }

    internal static string Describe(IDictionary<string, JsonElement>? content) =>
        content is null ? "{}" : JsonSerializer.Serialize(content);
}

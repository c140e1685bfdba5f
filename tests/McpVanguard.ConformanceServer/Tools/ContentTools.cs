using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpVanguard.ConformanceServer.Tools;

/// <summary>Tools that return each kind of content block, report progress, log, or fail.</summary>
[McpServerToolType]
internal sealed class ContentTools
{
    [McpServerTool(Name = "test_simple_text"), Description("Returns one text block.")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content"), Description("Returns one PNG image block.")]
    public static ImageContentBlock ImageContent() => ImageContentBlock.FromBytes(TestMedia.Png, "image/png");

    [McpServerTool(Name = "test_audio_content"), Description("Returns one WAV audio block.")]
    public static AudioContentBlock AudioContent() => AudioContentBlock.FromBytes(TestMedia.Wav, "audio/wav");

    [McpServerTool(Name = "test_embedded_resource"), Description("Returns one embedded text resource.")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents
        {
            Uri = "test://embedded-resource",
            MimeType = "text/plain",
            Text = "This is an embedded resource content.",
        },
    };

    [McpServerTool(Name = "test_multiple_content_types"), Description("Returns text, an image and an embedded resource.")]
    public static ContentBlock[] MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ImageContentBlock.FromBytes(TestMedia.Png, "image/png"),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents
            {
                Uri = "test://mixed-content-resource",
                MimeType = "application/json",
                Text = JsonSerializer.Serialize(new { test = "data", value = 123 }),
            },
        },
    ];

    [McpServerTool(Name = "test_tool_with_logging"), Description("Sends three info log notifications while it runs.")]
    public static async Task<string> ToolWithLogging(McpServer server, CancellationToken cancellationToken)
    {
        string[] steps = ["Tool execution started", "Tool processing data", "Tool execution completed"];
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > 0)
            {
                // The scenario checks that notifications sent apart in time all arrive during the call.
                await Task.Delay(50, cancellationToken);
            }

            await server.SendNotificationAsync(
                NotificationMethods.LoggingMessageNotification,
                new LoggingMessageNotificationParams
                {
                    Level = LoggingLevel.Info,
                    Logger = "conformance-target",
                    Data = JsonSerializer.SerializeToElement(steps[i]),
                },
                cancellationToken: cancellationToken);
        }

        return "Tool with logging executed successfully";
    }

    [McpServerTool(Name = "test_tool_with_progress"), Description("Reports progress 0, 50 and 100 of 100 when given a progress token.")]
    public static async Task<string> ToolWithProgress(
        McpServer server, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var token = context.Params?.ProgressToken;
        float[] steps = [0, 50, 100];
        for (var i = 0; i < steps.Length; i++)
        {
            if (i > 0)
            {
                await Task.Delay(50, cancellationToken);
            }

            if (token is { } progressToken)
            {
                await server.NotifyProgressAsync(
                    progressToken,
                    new ProgressNotificationValue { Progress = steps[i], Total = 100, Message = $"step {i + 1} of {steps.Length}" },
                    cancellationToken: cancellationToken);
            }
        }

        return "Tool with progress completed";
    }

    [McpServerTool(Name = "test_error_handling"), Description("Always fails: the result carries isError: true and a message.")]
    public static CallToolResult ErrorHandling() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "This tool intentionally returns an error for testing" }],
    };
}

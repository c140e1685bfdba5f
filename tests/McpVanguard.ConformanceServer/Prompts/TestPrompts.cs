using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using McpVanguard.ConformanceServer.Tools;

namespace McpVanguard.ConformanceServer.Prompts;

/// <summary>Prompts without arguments, with arguments, with an embedded resource and with an image.</summary>
[McpServerPromptType]
internal sealed class TestPrompts
{
    [McpServerPrompt(Name = "test_simple_prompt"), Description("A prompt without arguments.")]
    public static string Simple() => "This is a simple prompt for testing.";

    [McpServerPrompt(Name = "test_prompt_with_arguments"), Description("A prompt that substitutes two arguments.")]
    public static string WithArguments(
        [Description("First test argument")] string arg1, [Description("Second test argument")] string arg2) =>
        $"Prompt with arguments: arg1='{arg1}', arg2='{arg2}'";

    [McpServerPrompt(Name = "test_prompt_with_embedded_resource"), Description("A prompt that embeds the named resource.")]
    public static PromptMessage[] WithEmbeddedResource([Description("URI of the resource to embed")] string resourceUri) =>
    [
        new()
        {
            Role = Role.User,
            Content = new EmbeddedResourceBlock
            {
                Resource = new TextResourceContents { Uri = resourceUri, MimeType = "text/plain", Text = "Embedded resource content for testing." },
            },
        },
        new() { Role = Role.User, Content = new TextContentBlock { Text = "Please process the embedded resource above." } },
    ];

    [McpServerPrompt(Name = "test_prompt_with_image"), Description("A prompt that carries an image.")]
    public static PromptMessage[] WithImage() =>
    [
        new() { Role = Role.User, Content = ImageContentBlock.FromBytes(TestMedia.Png, "image/png") },
        new() { Role = Role.User, Content = new TextContentBlock { Text = "Please analyze the image above." } },
    ];
}

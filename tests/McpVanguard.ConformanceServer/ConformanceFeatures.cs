using System.Text.Json;
using McpVanguard.ConformanceServer.Prompts;
using McpVanguard.ConformanceServer.Resources;
using McpVanguard.ConformanceServer.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpVanguard.ConformanceServer;

/// <summary>Registers every tool, resource, prompt and handler the conformance suite's server scenarios call.</summary>
internal static class ConformanceFeatures
{
    /// <summary>Arguments the completion handler offers; filtered by the typed prefix.</summary>
    private static readonly string[] CompletionCandidates = ["paris", "park", "party", "test", "testValue1", "testing"];

    public static IMcpServerBuilder AddConformanceFeatures(this IMcpServerBuilder builder) =>
        builder
            .WithTools<ContentTools>()
            .WithTools<InteractiveTools>()
            .WithTools<ElicitationSchemaTools>()
            .WithTools([SchemaTools.CreateJsonSchema202012Tool()])
            .WithResources<TestResources>()
            .WithPrompts<TestPrompts>()
            .WithCompleteHandler((context, _) =>
            {
                var prefix = context.Params?.Argument.Value ?? "";
                string[] values = [.. CompletionCandidates.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
                return ValueTask.FromResult(new CompleteResult
                {
                    Completion = new Completion { Values = values, Total = values.Length, HasMore = false },
                });
            })
            .WithSetLoggingLevelHandler(async (context, cancellationToken) =>
            {
                // The SDK records the level on the server; the notification confirms it to the client.
                await context.Server.SendNotificationAsync(
                    NotificationMethods.LoggingMessageNotification,
                    new LoggingMessageNotificationParams
                    {
                        Level = LoggingLevel.Info,
                        Logger = "conformance-target",
                        Data = JsonSerializer.SerializeToElement($"logging level is now {context.Params?.Level}"),
                    },
                    cancellationToken: cancellationToken);
                return new EmptyResult();
            })
            // Subscriptions are accepted and acknowledged; the static test resources never change,
            // so there is nothing to notify and no table to keep.
            .WithSubscribeToResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()))
            .WithUnsubscribeFromResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()));
}

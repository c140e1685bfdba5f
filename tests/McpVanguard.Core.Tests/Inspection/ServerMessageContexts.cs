using System.Text;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Metadata;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Tests.Inspection;

/// <summary>Builds contexts for server answers and server requests the way the relay does: parse, walk params and payload.</summary>
internal static class ServerMessageContexts
{
    private static readonly PreflightLimits Limits = new();

    /// <summary>A server→agent response carrying <paramref name="resultJson"/>, answering <paramref name="requestMethod"/>.</summary>
    public static InspectionContext Response(string requestMethod, string resultJson, string? tool = null, Profile profile = Profile.Balanced, string serverId = "default", Direction direction = Direction.ServerToAgent)
        => Build($$"""{"jsonrpc":"2.0","id":1,"result":{{resultJson}}}""", requestMethod, tool, profile, serverId, direction, null);

    /// <summary>A server→agent request (sampling, elicitation) with <paramref name="paramsJson"/>.</summary>
    public static InspectionContext Request(string method, string paramsJson, Profile profile = Profile.Balanced)
        => Build($$"""{"jsonrpc":"2.0","id":"s1","method":"{{method}}","params":{{paramsJson}}}""", null, null, profile, "default", Direction.ServerToAgent, null);

    /// <summary>An agent <c>tools/call</c> of <paramref name="tool"/> in a session with <paramref name="quarantine"/>.</summary>
    public static InspectionContext Call(string tool, ToolQuarantine quarantine, string serverId = "default")
        => Build("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}", null, null, Profile.Balanced, serverId, Direction.AgentToServer, quarantine);

    /// <summary>An agent→server request with <paramref name="paramsJson"/> (for example a retried call carrying <c>inputResponses</c>).</summary>
    public static InspectionContext AgentRequest(string method, string paramsJson)
        => Build($$"""{"jsonrpc":"2.0","id":3,"method":"{{method}}","params":{{paramsJson}}}""", null, null, Profile.Balanced, "default", Direction.AgentToServer, null);

    /// <summary>A <c>tools/call</c> result with one text content item.</summary>
    public static InspectionContext ToolText(string text, Profile profile = Profile.Balanced)
        => Response("tools/call", "{\"content\":[{\"type\":\"text\",\"text\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}]}", "read_file", profile);

    public static List<Finding> Run(IInspector inspector, InspectionContext context)
    {
        var findings = new List<Finding>();
        inspector.Inspect(context, findings);
        return findings;
    }

    private static InspectionContext Build(string json, string? requestMethod, string? tool, Profile profile, string serverId, Direction direction, ToolQuarantine? quarantine)
    {
        if (!McpMessageParser.TryParse(Encoding.UTF8.GetBytes(json), Limits.MaxDepth, out var message, out var violation))
        {
            throw new InvalidOperationException("Test message does not parse: " + violation?.Reason);
        }

        ArgumentWalker.TryWalk(message!.Params, Limits, out var strings, out _);
        var payload = PayloadStrings.Empty;
        if (message.IsResponse && message.Root.TryGetProperty("result", out var result))
        {
            PayloadWalker.TryWalk(result, "/result", Limits, out payload, out _);
        }
        else if (message.IsRequest && direction == Direction.ServerToAgent && message.Params is { } p)
        {
            PayloadWalker.TryWalk(p, "/params", Limits, out payload, out _);
        }

        return new InspectionContext
        {
            Message = message,
            Direction = direction,
            SessionId = "t",
            ServerId = serverId,
            Profile = profile,
            Strings = strings,
            Payload = payload,
            Quarantine = quarantine,
            RequestMethod = requestMethod,
            RequestTool = tool,
        };
    }
}

using System.Text;
using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Tests;

/// <summary>Builds an <see cref="InspectionContext"/> from JSON the way the relay does: parse, walk, canonicalise.</summary>
internal static class InspectionContextFactory
{
    private static readonly PreflightLimits Limits = new();

    /// <summary>A context for one raw JSON-RPC message.</summary>
    public static InspectionContext FromJson(string json, Direction direction = Direction.AgentToServer)
    {
        if (!McpMessageParser.TryParse(Encoding.UTF8.GetBytes(json), Limits.MaxDepth, out var message, out var violation))
        {
            throw new InvalidOperationException("Test message does not parse: " + violation?.Reason);
        }

        if (!ArgumentWalker.TryWalk(message!.Params, Limits, out var strings, out var reason))
        {
            throw new InvalidOperationException("Test message exceeds a limit: " + reason);
        }

        return new InspectionContext
        {
            Message = message,
            Direction = direction,
            SessionId = "t",
            ServerId = "default",
            Profile = Profile.Balanced,
            Strings = strings,
        };
    }

    /// <summary>A <c>tools/call</c> of <paramref name="tool"/> with <paramref name="arguments"/> (an anonymous object or dictionary).</summary>
    public static InspectionContext ToolCall(string tool, object arguments, Direction direction = Direction.AgentToServer)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = "tools/call",
            ["params"] = new Dictionary<string, object> { ["name"] = tool, ["arguments"] = arguments },
        });
        return FromJson(json, direction);
    }

    /// <summary>Runs <paramref name="inspector"/> over a context and returns what it found.</summary>
    public static List<Finding> Run(IInspector inspector, InspectionContext context)
    {
        var findings = new List<Finding>();
        inspector.Inspect(context, findings);
        return findings;
    }
}

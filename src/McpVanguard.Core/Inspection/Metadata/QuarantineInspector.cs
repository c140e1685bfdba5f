using System.Text.Json;
using McpVanguard.Integrity;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// Refuses a call to a tool this session quarantined for poisoned metadata (QUAR-001), and any use of a tool, prompt or
/// resource whose definition the pins hold for approval at this upstream (QUAR-002) — in every session, also one that
/// never listed it, since a client may call a name it remembers without listing again.
/// </summary>
public sealed class QuarantineInspector(PinStore? pins = null) : IInspector
{
    public const string RuleId = "QUAR-001";

    public const string HeldRuleId = "QUAR-002";

    public string Id => RuleId;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer || !context.Message.IsRequest)
        {
            return;
        }

        if (context.Message.ToolName is { } tool && context.Quarantine?.Contains(context.ServerId, tool) == true)
        {
            findings.Add(new Finding(RuleId, "L1", "MCP-19", Severity.High, FindingAction.Block, "Tool is quarantined for this session: its metadata carried instructions aimed at the model."));
            return;
        }

        if (pins is not null && Target(context.Message) is var (kind, name) && pins.IsHeld(ToolPinInspector.Key(context), kind, name))
        {
            findings.Add(new Finding(HeldRuleId, "integrity", "MCP-10", Severity.High, FindingAction.Block, $"This {PinStore.Label(kind)}'s definition changed or appeared after pinning and awaits approval (vanguard pins diff / approve)."));
        }
    }

    /// <summary>What a request uses by name: the tool of <c>tools/call</c>, the prompt of <c>prompts/get</c>, the resource of <c>resources/read</c>.</summary>
    private static (PinKind, string)? Target(McpMessage message)
    {
        if (message.ToolName is { } tool)
        {
            return (PinKind.Tool, tool);
        }

        var (kind, member) = message.Method switch
        {
            "prompts/get" => (PinKind.Prompt, "name"),
            "resources/read" => (PinKind.Resource, "uri"),
            _ => (PinKind.Tool, (string?)null),
        };
        return member is not null && message.Params is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? (kind, value.GetString()!)
            : null;
    }
}

using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Metadata;

/// <summary>Refuses <c>tools/call</c> of a tool this session quarantined for poisoned metadata (QUAR-001).</summary>
public sealed class QuarantineInspector : IInspector
{
    public const string RuleId = "QUAR-001";

    public string Id => RuleId;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction == Direction.AgentToServer && context.Message.IsRequest && context.Message.ToolName is { } tool
            && context.Quarantine?.Contains(context.ServerId, tool) == true)
        {
            findings.Add(new Finding(RuleId, "L1", "MCP-19", Severity.High, FindingAction.Block, "Tool is quarantined for this session: its metadata carried instructions aimed at the model."));
        }
    }
}

using System.Text.Json;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Access;

/// <summary>
/// Enforces the <c>access:</c> policy inside the pipeline, so it is the same for every transport and audited: a
/// <c>tools/call</c> of a tool the caller may not use is blocked, and such tools are removed from its <c>tools/list</c>
/// results. Sessions without a verified caller (local stdio) are not restricted.
/// </summary>
public sealed class ToolAccessInspector(AccessPolicy policy) : IInspector
{
    public const string RuleId = "AUTHZ-001";

    public string Id => RuleId;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Caller is not { } caller)
        {
            return;
        }

        if (context.Direction == Direction.AgentToServer)
        {
            if (context.Message.Method == "tools/call")
            {
                // A call without a string name reaches no tool the policy could allow; refuse rather than guess.
                var decision = context.Message.ToolName is { } tool
                    ? policy.Evaluate(caller, context.ServerId, tool)
                    : new AccessDecision(false, "A tools/call without a tool name cannot be authorised.");
                if (!decision.Allowed)
                {
                    findings.Add(new Finding(RuleId, "AUTH", "MCP-04", Severity.High, FindingAction.Block, decision.Reason));
                }
            }

            return;
        }

        if (context.RequestMethod == "tools/list" && context.Message.Kind == McpMessageKind.Response
            && context.Message.Root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            HideForbiddenTools(caller, context.ServerId, tools, findings);
        }
    }

    private void HideForbiddenTools(Sessions.CallerIdentity caller, string serverId, JsonElement tools, List<Finding> findings)
    {
        var index = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            // A listed tool without a readable name cannot be checked, so the caller does not get to see it.
            var name = tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null;
            var decision = name is null
                ? new AccessDecision(false, "A listed tool without a name cannot be authorised.")
                : policy.Evaluate(caller, serverId, name);
            if (!decision.Allowed)
            {
                findings.Add(new Finding(RuleId, "AUTH", "MCP-04", Severity.Medium, FindingAction.Redact, "Hidden from tools/list: " + decision.Reason)
                {
                    Edit = MessageEdit.Remove("/result/tools/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                });
            }

            index++;
        }
    }
}

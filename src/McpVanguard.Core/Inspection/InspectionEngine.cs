using McpVanguard.Inspection.Preflight;

namespace McpVanguard.Inspection;

/// <summary>The inspection pipelines for both directions and the preflight limits; shared by every session.</summary>
public sealed class InspectionEngine(PreflightLimits limits, InspectionPipeline agentToServer, InspectionPipeline serverToAgent)
{
    public PreflightLimits Limits { get; } = limits;

    public InspectionPipeline AgentToServer { get; } = agentToServer;

    public InspectionPipeline ServerToAgent { get; } = serverToAgent;
}

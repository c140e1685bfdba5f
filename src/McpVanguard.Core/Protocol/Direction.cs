namespace McpVanguard.Protocol;

/// <summary>Which way a message travels through the proxy.</summary>
public enum Direction
{
    AgentToServer,
    ServerToAgent,
}

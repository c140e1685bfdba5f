namespace McpVanguard.Inspection.Semantic;

/// <summary>What a scored text is; each direction of MCP traffic has its own kinds.</summary>
public enum SemanticSubject
{
    /// <summary>The arguments of an agent's <c>tools/call</c> (agent→server).</summary>
    ToolCall,

    /// <summary>A tool's description or parameter text in <c>tools/list</c> (server→agent).</summary>
    ToolDescription,

    /// <summary>The <c>instructions</c> of a server's <c>initialize</c> result (server→agent).</summary>
    ServerInstructions,

    /// <summary>The content of a <c>tools/call</c> result or a read resource (server→agent).</summary>
    ToolResult,

    /// <summary>A server's <c>sampling/createMessage</c> or <c>elicitation/create</c> request (server→agent).</summary>
    ServerRequest,
}

namespace McpVanguard.Inspection.Semantic;

/// <summary>One text to score and what it is (a call's arguments, a tool description, a tool result…).</summary>
/// <param name="Text">The canonical text, bounded by the stage before it is sent.</param>
/// <param name="Subject">What the text is, so the scorer can judge it in context.</param>
/// <param name="ToolName">The tool the text belongs to, when there is one.</param>
public sealed record SemanticRequest(string Text, SemanticSubject Subject, string? ToolName = null)
{
    /// <summary>
    /// Selected only because of its kind (server metadata or a server request with no instruction cue, no warning, not
    /// listed in <c>always</c>): scored once the scorer is ready, never waiting for its load, so the handshake does not wait.
    /// </summary>
    public bool ByKindOnly { get; init; }
}

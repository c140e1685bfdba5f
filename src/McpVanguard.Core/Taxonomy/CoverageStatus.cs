namespace McpVanguard.Taxonomy;

/// <summary>How far a proxy in front of MCP servers addresses one threat.</summary>
public enum CoverageStatus
{
    /// <summary>Detections or controls address the threat's usual forms.</summary>
    Covered,

    /// <summary>Some forms are addressed; others are not (the note says which).</summary>
    Partial,

    /// <summary>The threat lives where a proxy cannot see or act (the client's UI, the server's host); the note says why.</summary>
    NotApplicable,

    /// <summary>A proxy could address it and this one does not yet.</summary>
    Gap,
}

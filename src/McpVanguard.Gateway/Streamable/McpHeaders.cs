namespace McpVanguard.Gateway.Streamable;

/// <summary>HTTP header names and protocol versions of the MCP Streamable HTTP transport.</summary>
internal static class McpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";

    /// <summary>What a client that sends no version header is assumed to speak (the spec's rule for backwards compatibility).</summary>
    public const string AssumedVersion = "2025-03-26";

    public static readonly HashSet<string> SupportedVersions = new(StringComparer.Ordinal) { "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25" };
}

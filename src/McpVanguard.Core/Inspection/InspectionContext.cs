using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection;

/// <summary>What an inspector may read about one message: the message, its canonical strings, where it goes and under which profile.</summary>
public sealed class InspectionContext
{
    public required McpMessage Message { get; init; }

    public required Direction Direction { get; init; }

    public required string SessionId { get; init; }

    public required string ServerId { get; init; }

    public required Profile Profile { get; init; }

    /// <summary>Canonical copies of every string in <c>params</c>, made once by the preflight stage.</summary>
    public required ArgumentStrings Strings { get; init; }

    /// <summary>
    /// The strings of a response's <c>result</c> (or a server request's <c>params</c>) with their JSON Pointers, for
    /// detectors that redact or drop parts of what the server sent. Empty for agent requests.
    /// </summary>
    public PayloadStrings Payload { get; init; } = PayloadStrings.Empty;

    /// <summary>The session's quarantined tools (null outside a relay session).</summary>
    public Metadata.ToolQuarantine? Quarantine { get; init; }

    /// <summary>The verified caller of a gateway session (null in local stdio mode).</summary>
    public Sessions.CallerIdentity? Caller { get; init; }

    /// <summary>The upstream as configured: the server's command line (stdio) or URL (HTTP); null when unknown (replay).</summary>
    public string? Upstream { get; init; }

    /// <summary>The <c>serverInfo.name</c> the server gave in its <c>initialize</c> result, once seen.</summary>
    public string? ServerName { get; init; }

    /// <summary>For a response: the method of the request it answers.</summary>
    public string? RequestMethod { get; init; }

    /// <summary>For a response to a paginated list request: the request's <c>cursor</c> (null for a first page).</summary>
    public string? RequestCursor { get; init; }

    /// <summary>The session's paginated list walks (null outside a relay session: each page is then compared as a page).</summary>
    public Integrity.ListPageAccumulator? ListPages { get; init; }

    /// <summary>For a response: the tool of the <c>tools/call</c> it answers.</summary>
    public string? RequestTool { get; init; }

    /// <summary>The tool a request calls, or the tool a response answers for.</summary>
    public string? ToolName => Message.ToolName ?? RequestTool;

    /// <summary>The telemetry of this message through the relay, when something listens: the pipeline times its layers with it.</summary>
    public Telemetry.MessageTelemetry? Trace { get; init; }
}

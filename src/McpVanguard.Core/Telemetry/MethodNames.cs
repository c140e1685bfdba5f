namespace McpVanguard.Telemetry;

/// <summary>
/// The method attribute of a metric: a known MCP method as itself, anything else as <c>other</c>. The method is chosen by
/// the peer, so an unbounded set of names would let it grow the metric series without limit.
/// </summary>
public static class MethodNames
{
    public const string Other = "other";

    /// <summary>A response (or error) whose request is unknown.</summary>
    public const string Response = "response";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "initialize", "notifications/initialized", "server/discover", "ping",
        "tools/list", "tools/call", "resources/list", "resources/templates/list", "resources/read",
        "resources/subscribe", "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete",
        "logging/setLevel", "sampling/createMessage", "elicitation/create", "roots/list",
        "notifications/cancelled", "notifications/progress", "notifications/message",
        "notifications/resources/updated", "notifications/resources/list_changed", "notifications/tools/list_changed",
        "notifications/prompts/list_changed", "notifications/roots/list_changed", "notifications/elicitation/complete",
        "tasks/get", "tasks/result", "tasks/list", "tasks/cancel", "notifications/tasks/status",
    };

    /// <summary>The bounded attribute value for <paramref name="method"/>.</summary>
    public static string Bounded(string? method)
        => method is null ? Response : Known.TryGetValue(method, out var known) ? known : Other;
}

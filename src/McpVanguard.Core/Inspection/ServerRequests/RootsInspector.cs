using System.Text.Json;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.ServerRequests;

/// <summary>
/// Warns when the client's <c>roots/list</c> answer exposes the whole file system, a home directory or a credential
/// directory to the server (SRV-003). Warn only: the user chose the roots, vanguard makes the breadth visible.
/// </summary>
public sealed class RootsInspector : IInspector
{
    public const string RuleId = "SRV-003";

    public string Id => RuleId;

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.AgentToServer)
        {
            return;
        }

        if (context.Message.IsResponse && context.RequestMethod == "roots/list")
        {
            if (context.Payload.Items.Any(static s => s.Key == "uri" && IsOverBroad(s.Value)))
            {
                findings.Add(Finding());
            }

            return;
        }

        // Multi round-trip requests (2026-07-28 revision): the roots answer rides in the retried request's
        // params.inputResponses instead of a roots/list response.
        if (context.Message.IsRequest && context.Message.Params is { } p
            && p.TryGetProperty("inputResponses", out var responses) && responses.ValueKind == JsonValueKind.Object
            && responses.EnumerateObject().Any(static r => RootsOf(r.Value).Any(IsOverBroad)))
        {
            findings.Add(Finding());
        }
    }

    private static Finding Finding()
        => new(RuleId, "L1", "MCP-08", Severity.Medium, FindingAction.Warn, "A root given to the server is the file system root, a home directory or a credential directory.");

    private static IEnumerable<string> RootsOf(JsonElement answer)
    {
        // An input response is the result object itself, or (in some drafts) wrapped as {"result": {...}}.
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("result", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            answer = wrapped;
        }

        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("roots", out var roots) || roots.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var root in roots.EnumerateArray())
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String)
            {
                yield return uri.GetString()!;
            }
        }
    }

    /// <summary>True for <c>file:///</c>, a drive root, <c>/home/x</c>, <c>/Users/x</c>, <c>/root</c> or a path inside <c>.ssh</c>, <c>.aws</c>, <c>.gnupg</c>.</summary>
    public static bool IsOverBroad(string uri)
    {
        var path = uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? Uri.UnescapeDataString(uri[7..]) : uri;
        path = path.Replace('\\', '/').TrimEnd('/');
        if (path.Length == 0 || path == "~" || path == "/root" || (path.Length <= 3 && path.EndsWith(':')) || (path.Length == 3 && path[0] == '/' && path[2] == ':'))
        {
            return true;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0] is "home" or "Users" || parts.Length == 3 && parts[0].EndsWith(':') && parts[1] == "Users")
        {
            return true;
        }

        return parts.Any(static p => p is ".ssh" or ".aws" or ".gnupg" or ".kube");
    }
}

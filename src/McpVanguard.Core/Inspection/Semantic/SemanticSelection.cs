using McpVanguard.Configuration;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// The cascade's gate: which messages L2 scores, and the bounded text it scores. L1's clear verdicts stand (a message a
/// finding blocks, redacts or holds for review is not scored); with <c>scope: uncertain</c> L2 scores a message L1 warned
/// about, a tool or method listed in <c>semantic.always</c>, every server metadata text (tool, prompt and resource
/// descriptions, <c>initialize</c> instructions) and server request (sampling, elicitation), and tool results that pass
/// <see cref="InstructionCues"/>. Everything else returns at once: clean traffic never waits.
/// </summary>
internal static class SemanticSelection
{
    /// <summary>Characters of server text the pre-test reads per message at most, so that its cost is bounded by a constant.</summary>
    public const int MaxCueScanChars = 64 * 1024;

    /// <summary>Strings shorter than this carry no instruction worth a model's time (ids, enum values, short names).</summary>
    private const int MinTextChars = 16;

    /// <summary>Keys whose strings are addresses, types or encoded blobs, never prose for a model.</summary>
    private static readonly HashSet<string> NonProseKeys = new(StringComparer.Ordinal) { "uri", "mimeType", "type", "blob", "data", "jsonrpc", "cursor", "nextCursor", "protocolVersion" };

    /// <summary>The request to score, or null when L2 has nothing to add to what L1 decided.</summary>
    public static SemanticRequest? Select(InspectionContext context, List<Finding> findings, SemanticSettings settings)
    {
        var warned = false;
        foreach (var finding in findings)
        {
            switch (finding.Action)
            {
                case FindingAction.Block or FindingAction.Redact or FindingAction.Review:
                    return null;
                case FindingAction.Warn:
                    warned = true;
                    break;
            }
        }

        var always = settings.Always.Count > 0 && Listed(settings.Always, context);
        if (Subject(context, always) is not { } subject)
        {
            return null;
        }

        var everything = settings.Scope == SemanticScope.All;
        var serverText = context.Direction == Direction.ServerToAgent;

        // An agent's call is scored only when something makes it uncertain; reading its text for cues would cost every call.
        if (!warned && !always && !everything && !serverText)
        {
            return null;
        }

        var strings = new List<string>();
        if (context.Direction == Direction.AgentToServer)
        {
            foreach (var s in context.Strings.Items)
            {
                if (s.Decoded.Length > 0 && !NonProseKeys.Contains(s.Key))
                {
                    strings.Add(s.Decoded);
                }
            }
        }
        else
        {
            foreach (var s in context.Payload.Items)
            {
                if (s.Value.Length >= MinTextChars && !NonProseKeys.Contains(s.Key))
                {
                    strings.Add(s.Value);
                }
            }
        }

        var cued = new bool[strings.Count];
        var anyCue = false;
        if (serverText)
        {
            var budget = MaxCueScanChars;
            for (var i = 0; i < strings.Count && budget > 0; i++)
            {
                var s = strings[i];
                cued[i] = s.Length >= MinTextChars && InstructionCues.Present(s.Length <= budget ? s : s[..budget]);
                anyCue |= cued[i];
                budget -= s.Length;
            }
        }

        // Metadata and server requests are scored whatever the pre-test says: they are rare (a list or an initialize per
        // session, cached process-wide by text), and the pre-test let through under half of the paraphrased attacks of
        // these kinds in the head's own written data (none of 31 server requests; CascadeCoverageTests), while it passes
        // almost no benign result, where it stays.
        var rare = settings.Scope != SemanticScope.Cued
            && subject is SemanticSubject.ToolDescription or SemanticSubject.ServerInstructions or SemanticSubject.ServerRequest;
        var selected = warned || always || everything || anyCue;
        if (strings.Count == 0 || !(selected || rare))
        {
            return null;
        }

        return new SemanticRequest(SemanticText.Bound(strings, cued, settings.MaxChars), subject, context.ToolName) { ByKindOnly = !selected };
    }

    /// <summary>What the message is, or null for messages L2 never scores (notifications, pings, list requests…).</summary>
    /// <param name="always">The method is listed in <c>semantic.always</c>: an agent request of any method is then scored as a call.</param>
    private static SemanticSubject? Subject(InspectionContext context, bool always)
    {
        var message = context.Message;
        if (context.Direction == Direction.AgentToServer)
        {
            return message.IsRequest && (always || message.Method is "tools/call" or "prompts/get") ? SemanticSubject.ToolCall : null;
        }

        if (message.IsRequest)
        {
            return message.Method is "sampling/createMessage" or "elicitation/create" ? SemanticSubject.ServerRequest : null;
        }

        if (message.Kind != McpMessageKind.Response)
        {
            return null;
        }

        return context.RequestMethod switch
        {
            "initialize" => SemanticSubject.ServerInstructions,
            "tools/list" or "prompts/list" or "resources/list" or "resources/templates/list" => SemanticSubject.ToolDescription,
            "tools/call" or "resources/read" or "prompts/get" => SemanticSubject.ToolResult,
            _ => null,
        };
    }

    private static bool Listed(IReadOnlyList<string> always, InspectionContext context)
    {
        foreach (var name in always)
        {
            if (name == context.ToolName || name == context.Message.Method || name == context.RequestMethod)
            {
                return true;
            }
        }

        return false;
    }
}

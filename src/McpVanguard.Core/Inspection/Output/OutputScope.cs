using McpVanguard.Inspection.Preflight;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.Output;

/// <summary>Which server answers carry content for the model (tool results, resource contents, prompt messages) and which of their strings to read.</summary>
public static class OutputScope
{
    /// <summary>
    /// True for a server→agent response to <c>tools/call</c>, <c>resources/read</c>, <c>prompts/get</c> or <c>completion/complete</c>
    /// (its result or its error: completion values are shown to the user and filled into prompt arguments the model reads), and for the notifications whose text a client shows or hands to the model: log messages and progress messages.
    /// </summary>
    public static bool Applies(InspectionContext context)
        => context.Direction == Direction.ServerToAgent
            && (context.Message.IsResponse && context.RequestMethod is "tools/call" or "resources/read" or "prompts/get" or "completion/complete"
                || context.Message.Kind == McpMessageKind.Notification && context.Message.Method is "notifications/message" or "notifications/progress");

    /// <summary>
    /// True for strings that hold text: base64 payloads (<c>data</c>, <c>blob</c>) and protocol fields (<c>type</c>,
    /// <c>mimeType</c>) are skipped, so an image cannot be mistaken for a key nor cost a scan.
    /// </summary>
    public static bool IsText(PayloadString s)
        => s.Key is not ("blob" or "type" or "mimeType" or "role" or "annotations" or "audience" or "priority")
            // The data of a content item is base64; the data of a log message or of an error is text.
            && (s.Key != "data" || s.Pointer is "/params/data" or "/error/data");
}

using System.Text.Json;

namespace McpVanguard.Inspection.Rules;

/// <summary>One of a rule's own examples: a tool call that the rule must (or must not) match.</summary>
/// <param name="Tool">Tool name of the example call.</param>
/// <param name="Arguments">The call's arguments as JSON.</param>
/// <param name="Method">The JSON-RPC method (default <c>tools/call</c>).</param>
public sealed record RuleExample(string Tool, JsonElement Arguments, string Method = "tools/call")
{
    /// <summary>The example as a complete JSON-RPC request.</summary>
    public string ToRequestJson()
    {
        var args = Arguments.ValueKind == JsonValueKind.Undefined ? "{}" : Arguments.GetRawText();
        return Method == "tools/call"
            ? $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{{\"name\":{JsonSerializer.Serialize(Tool, Protocol.ProtocolJsonContext.Default.String)},\"arguments\":{args}}}}}"
            : $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{JsonSerializer.Serialize(Method, Protocol.ProtocolJsonContext.Default.String)},\"params\":{args}}}";
    }
}

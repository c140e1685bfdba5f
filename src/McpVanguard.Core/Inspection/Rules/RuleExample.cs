using System.Text.Json;

namespace McpVanguard.Inspection.Rules;

/// <summary>One of a rule's own examples: a tool call that the rule must (or must not) match.</summary>
/// <remarks>The arguments are converted from YAML on first use: only <c>rules test</c> and the test suite need them, not start-up.</remarks>
public sealed class RuleExample(string tool, Func<JsonElement> arguments, string method = "tools/call")
{
    private readonly Lazy<JsonElement> _arguments = new(arguments);

    /// <summary>Tool name of the example call.</summary>
    public string Tool { get; } = tool;

    /// <summary>The JSON-RPC method (default <c>tools/call</c>).</summary>
    public string Method { get; } = method;

    /// <summary>The call's arguments as JSON.</summary>
    public JsonElement Arguments => _arguments.Value;

    /// <summary>The example as a complete JSON-RPC request.</summary>
    public string ToRequestJson()
    {
        var args = Arguments.ValueKind == JsonValueKind.Undefined ? "{}" : Arguments.GetRawText();
        return Method == "tools/call"
            ? $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{{\"name\":{JsonSerializer.Serialize(Tool, Protocol.ProtocolJsonContext.Default.String)},\"arguments\":{args}}}}}"
            : $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{JsonSerializer.Serialize(Method, Protocol.ProtocolJsonContext.Default.String)},\"params\":{args}}}";
    }
}

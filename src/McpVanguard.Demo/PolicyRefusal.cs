using System.Text.Json;
using McpVanguard.Protocol;
using ModelContextProtocol;

namespace McpVanguard.Demo;

/// <summary>
/// McpVanguard's policy error as an MCP client sees it. The proxy answers a blocked request with
/// code -32001, message <c>Blocked by McpVanguard: REASON [RULE-ID, ...]</c> and
/// <c>data {source, verdict, rule_ids, reason}</c>; the official C# SDK (2.4.0) raises that as an
/// <see cref="McpProtocolException"/> whose message is prefixed with "Request failed (remote): "
/// and whose <see cref="Exception.Data"/> holds the top-level members of <c>data</c>.
/// </summary>
public sealed record PolicyRefusal(IReadOnlyList<string> RuleIds, string Reason)
{
    private const string MessagePrefix = "Blocked by McpVanguard: ";

    /// <summary>Reads a refusal from an SDK exception; null when the exception is anything else.</summary>
    public static PolicyRefusal? From(Exception exception)
    {
        if (exception is not McpProtocolException protocol || (int)protocol.ErrorCode != JsonRpcErrorCodes.PolicyBlocked)
        {
            return null;
        }

        var (messageReason, messageRules) = ParseMessage(protocol.Message);
        var rules = RuleIdsFromData(protocol) ?? messageRules;
        var reason = protocol.Data["reason"] as string ?? messageReason;
        return new PolicyRefusal(rules, reason);
    }

    private static List<string>? RuleIdsFromData(McpProtocolException exception)
    {
        // The SDK keeps object and array members of error.data as JsonElement on .NET.
        if (exception.Data["rule_ids"] is not JsonElement { ValueKind: JsonValueKind.Array } array)
        {
            return null;
        }

        return array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToList();
    }

    // Fallback for a client that drops error.data: the rule ids are also the bracketed tail of the message.
    private static (string Reason, List<string> RuleIds) ParseMessage(string message)
    {
        var start = message.IndexOf(MessagePrefix, StringComparison.Ordinal);
        var text = start >= 0 ? message[(start + MessagePrefix.Length)..] : message;
        var open = text.LastIndexOf(" [", StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(']'))
        {
            return (text, []);
        }

        var rules = text[(open + 2)..^1]
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        return (text[..open], rules);
    }
}

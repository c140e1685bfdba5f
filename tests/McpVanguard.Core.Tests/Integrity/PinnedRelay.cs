using System.Text;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Integrity;
using McpVanguard.Policy;
using McpVanguard.Relay;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Integrity;

/// <summary>One session of the real relay with a pin store: handshake, then <c>tools/list</c> calls answered with given tools.</summary>
internal sealed class PinnedRelay
{
    private int _nextId = 1;

    public PinnedRelay(PinStore store, Profile profile = Profile.Balanced, string upstream = "node server.js", string serverName = "test-server")
    {
        var engine = McpVanguard.Inspection.InspectionEngine.Create(TestEngine.Options(profile), [], pins: store);
        Relay = new McpRelay(engine, new RelaySession(RelaySession.NewId(), "default", 64, TimeSpan.FromMinutes(5)) { Upstream = upstream }, Agent, Server, NullAuditSink.Instance);
        ServerName = serverName;
    }

    public McpRelay Relay { get; }

    public string ServerName { get; }

    public CollectingSink Agent { get; } = new();

    public CollectingSink Server { get; } = new();

    public async Task HandshakeAsync()
    {
        var id = _nextId++;
        await Relay.FromAgentAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"), CancellationToken.None);
        await Relay.FromServerAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"tools\":{\"listChanged\":true}},\"serverInfo\":{\"name\":\"" + ServerName + "\",\"version\":\"1\"}}}"), CancellationToken.None);
    }

    /// <summary>Lists tools; the server answers with <paramref name="toolsJson"/> (a JSON array). Returns the verdict and the tools the agent got.</summary>
    public async Task<(StepOutcome Outcome, string[] AgentTools)> ListAsync(string toolsJson, string? nextCursor = null)
    {
        var id = _nextId++;
        await Relay.FromAgentAsync(Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"tools/list","params":{}}"""), CancellationToken.None);
        var cursor = nextCursor is null ? string.Empty : $",\"nextCursor\":\"{nextCursor}\"";
        var outcome = await Relay.FromServerAsync(Encoding.UTF8.GetBytes($$$"""{"jsonrpc":"2.0","id":{{{id}}},"result":{"tools":{{{toolsJson}}}{{{cursor}}}}}"""), CancellationToken.None);
        var tools = outcome.Forwarded
            ? JsonDocument.Parse(Agent.Messages[^1]).RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray()
            : [];
        return (outcome, tools);
    }

    /// <summary>
    /// Lists <paramref name="method"/> (a page after <paramref name="requestCursor"/> when given); the server answers with
    /// <paramref name="itemsJson"/> under <paramref name="arrayName"/>. Returns the verdict and the keys of what the agent got.
    /// </summary>
    public async Task<(StepOutcome Outcome, string[] AgentItems)> ListPageAsync(string method, string arrayName, string keyMember, string itemsJson, string? requestCursor = null, string? nextCursor = null)
    {
        var id = _nextId++;
        var parameters = requestCursor is null ? "{}" : "{\"cursor\":\"" + requestCursor + "\"}";
        await Relay.FromAgentAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + parameters + "}"), CancellationToken.None);
        var cursor = nextCursor is null ? string.Empty : ",\"nextCursor\":\"" + nextCursor + "\"";
        var outcome = await Relay.FromServerAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"" + arrayName + "\":" + itemsJson + cursor + "}}"), CancellationToken.None);
        var items = outcome.Forwarded
            ? JsonDocument.Parse(Agent.Messages[^1]).RootElement.GetProperty("result").GetProperty(arrayName).EnumerateArray().Select(t => t.GetProperty(keyMember).GetString()!).ToArray()
            : [];
        return (outcome, items);
    }

    /// <summary>Sends one agent request (<c>tools/call</c>, <c>prompts/get</c> …) and returns what the relay decided.</summary>
    public async Task<StepOutcome> RequestAsync(string method, string paramsJson)
    {
        var id = _nextId++;
        return await Relay.FromAgentAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}"), CancellationToken.None);
    }

    public static string Tool(string name, string description, string? extraProperty = null)
    {
        var props = extraProperty is null ? "\"a\":{\"type\":\"number\"}" : $"\"a\":{{\"type\":\"number\"}},\"{extraProperty}\":{{\"type\":\"string\"}}";
        return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\",\"inputSchema\":{\"type\":\"object\",\"properties\":{" + props + "}}}";
    }

    public static string Tools(params string[] tools) => "[" + string.Join(",", tools) + "]";
}

using System.Text;
using System.Text.Json;
using McpVanguard.Audit;
using McpVanguard.Policy;
using McpVanguard.Relay;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Relay;

/// <summary>A relay wired to in-memory sinks, with helpers to send text and read what each side received.</summary>
internal sealed class RelayHarness
{
    public RelayHarness(Profile profile = Profile.Balanced, int maxPending = 64, IAuditSink? audit = null)
    {
        Relay = new McpRelay(TestEngine.Create(profile), new RelaySession("s", "default", maxPending, TimeSpan.FromMinutes(5)), Agent, Server, audit ?? NullAuditSink.Instance);
    }

    public McpRelay Relay { get; }

    public CollectingSink Agent { get; } = new();

    public CollectingSink Server { get; } = new();

    public Task<StepOutcome> FromAgent(string json) => Relay.FromAgentAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None).AsTask();

    public Task<StepOutcome> FromAgent(byte[] bytes) => Relay.FromAgentAsync(bytes, CancellationToken.None).AsTask();

    public Task<StepOutcome> FromServer(string json) => Relay.FromServerAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None).AsTask();

    public static JsonElement Parse(byte[] bytes) => JsonDocument.Parse(bytes).RootElement;
}

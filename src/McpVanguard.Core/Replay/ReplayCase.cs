using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Replay;

/// <summary>One step of a replay case: a message from the agent or a server, optionally at a time after the case start.</summary>
/// <param name="AtMs">Milliseconds after the case start (<c>"at_ms"</c>); null keeps the previous step's time (L3 windows see it).</param>
/// <param name="ExpectBlock">The step's own <c>"expect"</c>: whether this step must be the one stopped (true) or must pass (false); null when the case's alone decides.</param>
public sealed record ReplayStep(bool FromAgent, string ServerId, JsonElement Message, long? AtMs = null, bool? ExpectBlock = null);

/// <summary>One replay case as REPLAY-FORMAT.md defines it; <see cref="Extra"/> holds the fields the format ignores.</summary>
public sealed record ReplayCase(string Id, string Category, bool ExpectBlock, IReadOnlyList<ReplayStep> Steps, IReadOnlyDictionary<string, JsonNode?> Extra, int Line);

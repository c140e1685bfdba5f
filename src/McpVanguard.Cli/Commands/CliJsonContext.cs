using System.Text.Json.Serialization;
using McpVanguard.Cli.Commands.Bench;

namespace McpVanguard.Cli.Commands;

/// <summary>Source-generated JSON for what the CLI serializes itself: no reflection, so the Native AOT binary writes it too.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<EndToEndLatency.Run>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

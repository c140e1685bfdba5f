using System.Text.Json.Serialization;

namespace McpVanguard.Protocol;

[JsonSerializable(typeof(string))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

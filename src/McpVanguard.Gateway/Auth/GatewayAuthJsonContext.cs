using System.Text.Json.Serialization;

namespace McpVanguard.Gateway.Auth;

/// <summary>Source-generated serialisation for the authentication answers (metadata and error bodies).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProtectedResourceMetadata))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class GatewayAuthJsonContext : JsonSerializerContext;

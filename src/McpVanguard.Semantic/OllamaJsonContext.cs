using System.Text.Json.Serialization;
using OllamaSharp.Models.Chat;

namespace McpVanguard.Semantic;

/// <summary>
/// The Ollama chat types, source-generated: OllamaSharp serializes by reflection unless given a context, which a Native AOT
/// build cannot do (the judge call would fail before reaching the provider).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponseStream))]
[JsonSerializable(typeof(ChatDoneResponseStream))]

// ChatRequest.Format is an object: "json" (what the judge asks for) or a schema.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;

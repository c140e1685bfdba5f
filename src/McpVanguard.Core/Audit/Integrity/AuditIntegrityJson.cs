using System.Text.Json.Serialization;

namespace McpVanguard.Audit.Integrity;

/// <summary>Source-generated serialisation of checkpoints and receipts.</summary>
[JsonSerializable(typeof(AuditCheckpoint))]
[JsonSerializable(typeof(AuditReceipt))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class AuditIntegrityJson : JsonSerializerContext;

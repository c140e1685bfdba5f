using System.Text.Json;

namespace McpVanguard.Dashboard.Audit;

/// <summary>
/// What the dashboard shows of one audit record: who, what, the verdict and its rules, the inspection time and the argument
/// hash. The record holds no arguments; this view keeps none of the record's other fields either.
/// </summary>
/// <param name="Sequence">The record's position in the indexed log (0 = the oldest record indexed); links a row to its detail.</param>
/// <param name="Verdict">The record's verdict; for a summary record, the verdict of the records it counts.</param>
internal sealed record AuditSummary(
    long Sequence,
    DateTimeOffset? Time,
    string Verdict,
    string? Direction,
    string? Server,
    string? Method,
    string? Tool,
    string? Session,
    IReadOnlyList<string> RuleIds,
    string? Reason,
    string? ArgumentsSha256,
    double InspectMicroseconds,
    int? Suppressed)
{
    /// <summary>Parses one line of the log; null for a line that is not a JSON object (a torn last line, a foreign file).</summary>
    public static AuditSummary? Parse(long sequence, ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var verdict = Text(root, "verdict") ?? "?";
            var suppressed = root.TryGetProperty("suppressed", out var count) && count.TryGetInt32(out var n) ? n : (int?)null;
            if (verdict == McpVanguard.Audit.AuditRecord.SummaryVerdict && Text(root, "suppressed_verdict") is { } counted)
            {
                verdict = counted;
            }

            DateTimeOffset? time = root.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var parsed) ? parsed : null;
            var rules = root.TryGetProperty("rule_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
                ? ids.EnumerateArray().Where(static i => i.ValueKind == JsonValueKind.String).Select(static i => i.GetString()!).ToArray()
                : [];
            var inspect = root.TryGetProperty("inspect_us", out var us) && us.TryGetDouble(out var micro) ? micro : 0;
            return new AuditSummary(
                sequence, time, verdict, Text(root, "direction"), Text(root, "server_id"), Text(root, "method"), Text(root, "tool"),
                Text(root, "session"), rules, Text(root, "reason"), Text(root, "args_sha256"), inspect, suppressed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

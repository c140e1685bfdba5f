using System.Text;
using System.Text.Json;
using McpVanguard.Dashboard.Audit;
using McpVanguard.Dashboard.Pages;

namespace McpVanguard.Dashboard.Live;

/// <summary>One record as the <c>data:</c> of a server-sent event: the fields of a Live row, written directly (no reflection).</summary>
internal static class LiveRecordJson
{
    public static string Write(AuditSummary record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", record.Sequence);
            json.WriteString("time", HtmlPage.Time(record.Time));
            json.WriteString("verdict", record.Verdict);
            json.WriteString("server", record.Server);
            json.WriteString("method", record.Method);
            json.WriteString("tool", record.Tool);
            json.WriteString("session", record.Session);
            json.WriteStartArray("rules");
            foreach (var rule in record.RuleIds)
            {
                json.WriteStringValue(rule);
            }

            json.WriteEndArray();
            json.WriteString("inspect", HtmlPage.Duration(record.InspectMicroseconds));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

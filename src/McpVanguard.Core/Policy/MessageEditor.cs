using System.Text;
using System.Text.Json;

namespace McpVanguard.Policy;

/// <summary>
/// Applies policy edits to a message, writing everything else exactly as parsed. Text edits of one string compose: their
/// spans are applied from the end, and overlapping spans are merged into one replacement so no redaction is lost.
/// </summary>
public static class MessageEditor
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep non-ASCII text readable and byte-compatible with what the server sent; the output is JSON, not HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>Writes <paramref name="root"/> with <paramref name="edits"/> applied, as UTF-8 JSON.</summary>
    public static byte[] Apply(JsonElement root, IReadOnlyList<MessageEdit> edits)
    {
        var byPointer = new Dictionary<string, List<MessageEdit>>(StringComparer.Ordinal);
        var ancestors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            if (!byPointer.TryGetValue(edit.Pointer, out var list))
            {
                byPointer[edit.Pointer] = list = [];
            }

            list.Add(edit);
            for (var slash = edit.Pointer.LastIndexOf('/'); slash > 0; slash = edit.Pointer.LastIndexOf('/', slash - 1))
            {
                ancestors.Add(edit.Pointer[..slash]);
            }
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, root, string.Empty, byPointer, ancestors);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string pointer, Dictionary<string, List<MessageEdit>> edits, HashSet<string> ancestors)
    {
        if (pointer.Length > 0 && !ancestors.Contains(pointer) && !edits.ContainsKey(pointer))
        {
            // Nothing below this node changes: copy it as it came.
            element.WriteTo(writer);
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    var child = pointer + "/" + MessageEdit.Escape(property.Name);
                    if (IsRemoved(child, edits))
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, child, edits, ancestors);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var child = pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    index++;
                    if (!IsRemoved(child, edits))
                    {
                        Write(writer, item, child, edits, ancestors);
                    }
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when edits.TryGetValue(pointer, out var textEdits):
                writer.WriteStringValue(ApplyText(element.GetString()!, textEdits));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool IsRemoved(string pointer, Dictionary<string, List<MessageEdit>> edits)
        => edits.TryGetValue(pointer, out var list) && list.Exists(static e => e.Removes);

    /// <summary>Applies the text edits of one string; overlapping or out-of-range spans are merged and clamped.</summary>
    internal static string ApplyText(string value, List<MessageEdit> edits)
    {
        var spans = edits.Where(static e => !e.Removes)
            .Select(e => (Start: Math.Min(e.Start, value.Length), End: Math.Min(e.Start + e.Length, value.Length), Text: e.Replacement ?? string.Empty))
            .OrderBy(static s => s.Start)
            .ThenByDescending(static s => s.End)
            .ToList();
        var merged = new List<(int Start, int End, string Text)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                // Overlap: one replacement covers both spans, naming both kinds once.
                var last = merged[^1];
                var text = last.Text.Contains(span.Text, StringComparison.Ordinal) ? last.Text : last.Text + span.Text;
                merged[^1] = (last.Start, Math.Max(last.End, span.End), text);
            }
            else
            {
                merged.Add(span);
            }
        }

        var builder = new StringBuilder(value.Length);
        var position = 0;
        foreach (var (start, end, text) in merged)
        {
            builder.Append(value, position, start - position).Append(text);
            position = end;
        }

        return builder.Append(value, position, value.Length - position).ToString();
    }
}

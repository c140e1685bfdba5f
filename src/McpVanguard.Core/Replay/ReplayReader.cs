using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpVanguard.Replay;

/// <summary>Reads a JSON Lines replay file and validates each case against the replay format.</summary>
public static class ReplayReader
{
    private static readonly HashSet<string> KnownFields = ["id", "category", "expect", "steps"];

    public static IReadOnlyList<ReplayCase> Read(TextReader reader)
    {
        var cases = new List<ReplayCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parsed = Parse(line, number);
            if (!ids.Add(parsed.Id))
            {
                throw new ReplayFormatException(number, $"duplicate case id '{parsed.Id}'.");
            }

            cases.Add(parsed);
        }

        return cases;
    }

    private static ReplayCase Parse(string line, int number)
    {
        JsonElement root;
        try
        {
            // Cases may carry deliberately over-deep messages; the pipeline, not the reader, must judge them.
            using var doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 4096 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ReplayFormatException(number, $"not valid JSON ({ex.Message}).");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ReplayFormatException(number, "a case must be a JSON object.");
        }

        var id = RequiredString(root, "id", number);
        var category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "uncategorised";
        var expect = RequiredString(root, "expect", number);
        if (expect is not ("block" or "allow"))
        {
            throw new ReplayFormatException(number, $"case '{id}': \"expect\" must be \"block\" or \"allow\", got '{expect}'.");
        }

        if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array || stepsElement.GetArrayLength() == 0)
        {
            throw new ReplayFormatException(number, $"case '{id}': \"steps\" must be a non-empty array.");
        }

        var steps = new List<ReplayStep>();
        var index = 0;
        long lastAt = 0;
        foreach (var step in stepsElement.EnumerateArray())
        {
            index++;
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new ReplayFormatException(number, $"case '{id}': step {index} must be an object.");
            }

            var from = step.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (from is not ("agent" or "server"))
            {
                throw new ReplayFormatException(number, $"case '{id}': step {index}: \"from\" must be \"agent\" or \"server\".");
            }

            var server = "default";
            if (step.TryGetProperty("server", out var s))
            {
                server = s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } sv
                    ? sv
                    : throw new ReplayFormatException(number, $"case '{id}': step {index}: \"server\" must be a non-empty string.");
            }

            if (!step.TryGetProperty("message", out var message))
            {
                throw new ReplayFormatException(number, $"case '{id}': step {index}: \"message\" is missing.");
            }

            long? at = null;
            if (step.TryGetProperty("at_ms", out var atElement))
            {
                // Time only moves forward inside a case: L3 windows are measured with it.
                at = atElement.ValueKind == JsonValueKind.Number && atElement.TryGetInt64(out var ms) && ms >= 0 && ms >= lastAt
                    ? ms
                    : throw new ReplayFormatException(number, $"case '{id}': step {index}: \"at_ms\" must be a whole number of milliseconds, not below an earlier step's.");
                lastAt = ms;
            }

            bool? stepExpect = null;
            if (step.TryGetProperty("expect", out var stepExpectElement))
            {
                stepExpect = stepExpectElement.ValueKind == JsonValueKind.String ? stepExpectElement.GetString() switch
                {
                    "block" => true,
                    "allow" => false,
                    _ => null,
                } : null;
                if (stepExpect is null)
                {
                    throw new ReplayFormatException(number, $"case '{id}': step {index}: \"expect\" must be \"block\" or \"allow\".");
                }

                // A stopped step makes the whole case a block: an everyday case cannot expect one.
                if (stepExpect == true && expect == "allow")
                {
                    throw new ReplayFormatException(number, $"case '{id}': step {index} expects \"block\" in a case that expects \"allow\".");
                }
            }

            steps.Add(new ReplayStep(from == "agent", server, message, at, stepExpect));
        }

        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name))
            {
                extra[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return new ReplayCase(id, category, expect == "block", steps, extra, number);
    }

    private static string RequiredString(JsonElement root, string name, int number)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s
            ? s
            : throw new ReplayFormatException(number, $"\"{name}\" must be a non-empty string.");
}

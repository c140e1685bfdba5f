using System.Text.Json;
using McpVanguard.Inspection.Semantic;

namespace McpVanguard.SemanticTrainer;

/// <summary>
/// Reads the head's own data files (<c>semantic/data/*.jsonl</c>): one object a line with <c>id</c>, <c>label</c>
/// (<c>attack</c> or <c>benign</c>), <c>lang</c>, <c>subject</c> and <c>text</c>; anything else is an error naming the line.
/// </summary>
internal static class LabelledTextFile
{
    private static readonly HashSet<string> Fields = ["id", "label", "lang", "subject", "text"];
    internal static readonly HashSet<string> Languages = ["en", "es", "fr", "de", "pt", "ru", "zh", "ja", "it", "nl", "ko", "pl", "tr", "ar", "hi"];

    public static List<LabelledText> Read(string path)
    {
        var result = new List<LabelledText>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var where = $"{Path.GetFileName(path)}:{lineNumber}";
            JsonElement row;
            try
            {
                row = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{where}: not JSON ({e.Message})", e);
            }

            if (row.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{where}: a line must be a JSON object");
            foreach (var property in row.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                    throw new InvalidDataException($"{where}: unknown field '{property.Name}'");
                if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString()!.Trim().Length == 0)
                    throw new InvalidDataException($"{where}: '{property.Name}' must be a non-empty string");
            }

            foreach (var field in Fields)
            {
                if (!row.TryGetProperty(field, out _))
                    throw new InvalidDataException($"{where}: missing '{field}'");
            }

            var id = row.GetProperty("id").GetString()!;
            if (!ids.Add(id))
                throw new InvalidDataException($"{where}: duplicate id '{id}'");
            var label = row.GetProperty("label").GetString() switch
            {
                "attack" => true,
                "benign" => false,
                var other => throw new InvalidDataException($"{where}: label must be 'attack' or 'benign', not '{other}'"),
            };
            var language = row.GetProperty("lang").GetString()!;
            if (!Languages.Contains(language))
                throw new InvalidDataException($"{where}: unknown language '{language}'");
            var subject = row.GetProperty("subject").GetString()!;
            if (!Enum.TryParse<SemanticSubject>(subject, ignoreCase: false, out _))
                throw new InvalidDataException($"{where}: subject '{subject}' is not one of {string.Join(", ", Enum.GetNames<SemanticSubject>())}");
            result.Add(new LabelledText(id, label, language, subject, row.GetProperty("text").GetString()!, GroupOf(id), Path.GetFileName(path)));
        }

        return result;
    }

    /// <summary>
    /// Ids are <c>PREFIX-LANG-KINDNNN</c>; the same KINDNNN in several languages is one sentence translated, so those
    /// share a group (and a split): a translation never leaks a held-out sentence into training.
    /// </summary>
    private static string GroupOf(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && Languages.Contains(parts[1]) ? $"{parts[0]}-{parts[2]}" : id;
    }
}

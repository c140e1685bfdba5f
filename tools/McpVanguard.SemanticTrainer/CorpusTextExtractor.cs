using System.Text;
using System.Text.Json;

namespace McpVanguard.SemanticTrainer;

/// <summary>
/// Turns the project's replay corpus (<c>corpus/*.jsonl</c>) into texts the L2 stage would score: a call's string
/// arguments, each listed tool's descriptions, a result's text, a server's instructions or request. Attack cases are
/// read only from the injection classes (MCP-19 direct, MCP-20 indirect, MCP-10 tool metadata, MCP-12 resources): secrets and escape sequences are L1's job, not a semantic one.
/// </summary>
internal static class CorpusTextExtractor
{
    /// <summary>Attack files whose injection cases (MCP-19/20/10/12) carry instructions said in words.</summary>
    public static readonly string[] AttackFiles = ["injection.jsonl", "server-to-agent.jsonl", "server-to-agent-depth.jsonl", "server-to-agent-depth2.jsonl"];

    /// <summary>Kept out of training: the corpus's own held-out pair, scored as a second held-out set.</summary>
    public static readonly string[] HoldoutFiles = ["server-to-agent-holdout.jsonl", "benign-server-to-agent-holdout.jsonl"];

    private static readonly HashSet<string> SkippedKeys =
        ["jsonrpc", "method", "type", "mimeType", "uri", "uriTemplate", "role", "id", "name", "$schema", "format", "pattern"];

    /// <summary>Every benign text of the corpus (the benign files, except the held-out one).</summary>
    public static List<LabelledText> ReadBenign(string corpusDirectory, bool holdout = false)
    {
        var files = Directory.GetFiles(corpusDirectory, "benign-*.jsonl")
            .Where(f => HoldoutFiles.Contains(Path.GetFileName(f)) == holdout)
            .Order(StringComparer.Ordinal);
        var result = new List<LabelledText>();
        foreach (var file in files)
            result.AddRange(ReadFile(file, label: false, attackOnly: false));
        return result;
    }

    /// <summary>The attack texts: units of injection cases that no benign case also contains.</summary>
    public static List<LabelledText> ReadAttacks(string corpusDirectory, IReadOnlySet<string> benignTexts, bool holdout = false)
    {
        var files = holdout ? HoldoutFiles.Where(f => !f.StartsWith("benign", StringComparison.Ordinal)) : AttackFiles;
        // A poisoned list carries honest tools too (the reference servers' own): a unit whose text, or whose first line
        // (the description, before parameter texts), is also on the benign side is not the attack and is left out.
        var benignLines = benignTexts.SelectMany(t => t.Split('\n')).ToHashSet(StringComparer.Ordinal);
        var result = new List<LabelledText>();
        foreach (var file in files)
        {
            foreach (var unit in ReadFile(Path.Combine(corpusDirectory, file), label: true, attackOnly: true))
            {
                if (!benignTexts.Contains(unit.Text) && !benignLines.Contains(unit.Text.Split('\n')[0]) && CarriesWords(unit.Text))
                    result.Add(unit);
            }
        }

        return result;
    }

    /// <summary>
    /// Attack cases also carry the parts that are not said in words (a bare URL, an escape sequence, invisible
    /// characters): those are L1's, and as "attacks" they would teach the head noise. Six words or a CJK sentence.
    /// </summary>
    private static bool CarriesWords(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
        var ideographs = text.Count(c => c is >= '\u3040' and <= '\u9fff');
        return words >= 6 || ideographs >= 8;
    }

    private static IEnumerable<LabelledText> ReadFile(string path, bool label, bool attackOnly)
    {
        var source = Path.GetFileName(path);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
                continue;
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString()!;
            if (attackOnly && root.TryGetProperty("category", out var category) && category.GetString() is not ("MCP-19" or "MCP-20" or "MCP-10" or "MCP-12"))
                continue;
            var index = 0;
            foreach (var step in root.GetProperty("steps").EnumerateArray())
            {
                if (!step.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
                    continue;
                var fromAgent = step.GetProperty("from").GetString() == "agent";
                foreach (var (subject, text) in Units(message, fromAgent))
                {
                    if (text.Length < 12)
                        continue;
                    yield return new LabelledText($"{id}#{index++}", label, "xx", subject, text, id, source);
                }
            }
        }
    }

    private static IEnumerable<(string Subject, string Text)> Units(JsonElement message, bool fromAgent)
    {
        var method = message.TryGetProperty("method", out var m) ? m.GetString() : null;
        if (fromAgent)
        {
            if (method == "tools/call" && message.TryGetProperty("params", out var p) && p.TryGetProperty("arguments", out var args))
                yield return ("ToolCall", Join(args));
            yield break;
        }

        if (method is not null)
        {
            if (message.TryGetProperty("params", out var requestParams))
                yield return ("ServerRequest", Join(requestParams));
            yield break;
        }

        if (!message.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var listName in new[] { "tools", "prompts", "resources", "resourceTemplates" })
        {
            if (result.TryGetProperty(listName, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                    yield return ("ToolDescription", Join(item));
                yield break;
            }
        }

        if (result.TryGetProperty("instructions", out var instructions) && instructions.ValueKind == JsonValueKind.String)
        {
            yield return ("ServerInstructions", instructions.GetString()!);
            yield break;
        }

        yield return ("ToolResult", Join(result));
    }

    /// <summary>The string leaves of an element, one per line, without protocol keys (names, types, URIs).</summary>
    private static string Join(JsonElement element)
    {
        var builder = new StringBuilder();
        Collect(element, null, builder);
        return builder.ToString().Trim();
    }

    private static void Collect(JsonElement element, string? key, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when key is null || !SkippedKeys.Contains(key):
                builder.Append(element.GetString()).Append('\n');
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, property.Name, builder);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, key, builder);
                break;
        }
    }
}

using System.Text.Json;
using McpVanguard.Replay;
using McpVanguard.SemanticTrainer;

namespace McpVanguard.Semantic.Tests;

/// <summary>
/// eval/paraphrase is L2's held-out measurement set: well formed, as large and as varied as documented, and kept apart
/// from the head's training data (no run of eight words, or twelve characters in scripts without spaces, shared with any text in semantic/data).
/// </summary>
public sealed class ParaphraseSetTests
{
    private static string File(string name) => Path.Combine(RepositoryPaths.Root, "eval", "paraphrase", name);

    private static IReadOnlyList<ReplayCase> Read(string name)
    {
        using var reader = new StreamReader(File(name));
        return ReplayReader.Read(reader);
    }

    [Theory]
    [InlineData("attacks.jsonl", true)]
    [InlineData("benign.jsonl", false)]
    public void Each_file_has_at_least_150_cases_in_every_form_and_eight_languages(string name, bool attacks)
    {
        var cases = Read(name);

        Assert.True(cases.Count >= 150, $"{name} has {cases.Count} cases");
        Assert.All(cases, c => Assert.Equal(attacks, c.ExpectBlock));
        Assert.Equal(["call", "desc", "elicit", "instr", "result", "sampling"], cases.Select(c => c.Extra["form"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal));
        Assert.True(cases.Select(c => c.Extra["lang"]!.GetValue<string>()).Distinct().Count() >= 8);
    }

    [Fact]
    public void No_paraphrase_text_shares_eight_words_with_the_training_data()
    {
        var training = Directory.GetFiles(RepositoryPaths.SemanticData, "*.jsonl").SelectMany(LabelledTextFile.Read)
            .SelectMany(t => Shingles(t.Text)).ToHashSet(StringComparer.Ordinal);
        var shared = new[] { "attacks.jsonl", "benign.jsonl" }
            .SelectMany(name => System.IO.File.ReadLines(File(name)))
            .SelectMany(line => Strings(JsonDocument.Parse(line).RootElement.GetProperty("steps")))
            .Where(text => text.Length >= 40)
            .SelectMany(Shingles)
            .Where(training.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(shared);
    }

    /// <summary>Runs of eight words (lower-cased); texts in scripts without spaces give runs of twelve characters.</summary>
    private static IEnumerable<string> Shingles(string text)
    {
        var words = text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4)
        {
            for (var i = 0; i + 12 <= text.Length; i++)
                yield return text.Substring(i, 12);
            yield break;
        }

        for (var i = 0; i + 8 <= words.Length; i++)
            yield return string.Join(' ', words, i, 8);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}

using McpVanguard.SemanticTrainer;

namespace McpVanguard.Semantic.Tests;

/// <summary>The head's data files (semantic/data/*.jsonl) are well formed and cover what the head must know.</summary>
public sealed class TrainingDataFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"vanguard-semantic-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    private static List<LabelledText> All() =>
        Directory.GetFiles(RepositoryPaths.SemanticData, "*.jsonl").SelectMany(LabelledTextFile.Read).ToList();

    [Fact]
    public void Every_data_file_parses_with_unique_ids()
    {
        var all = All();
        Assert.NotEmpty(all);
        Assert.Equal(all.Count, all.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("zh")]
    [InlineData("ja")]
    [InlineData("ru")]
    [InlineData("pt")]
    public void Each_language_has_attacks_and_benign_texts(string language)
    {
        var texts = All().Where(t => t.Language == language).ToList();
        Assert.Contains(texts, t => t.Label);
        Assert.Contains(texts, t => !t.Label);
    }

    [Theory]
    [InlineData("""{"id":"a","label":"attack","lang":"en","subject":"ToolResult"}""", "missing 'text'")]
    [InlineData("""{"id":"a","label":"bad","lang":"en","subject":"ToolResult","text":"x"}""", "label must be")]
    [InlineData("""{"id":"a","label":"attack","lang":"xx","subject":"ToolResult","text":"x"}""", "unknown language")]
    [InlineData("""{"id":"a","label":"attack","lang":"en","subject":"Email","text":"x"}""", "subject 'Email'")]
    [InlineData("""{"id":"a","label":"attack","lang":"en","subject":"ToolResult","text":"x","note":"y"}""", "unknown field 'note'")]
    [InlineData("""{"id":"a","label":"attack","lang":"en","subject":"ToolResult","text":"   "}""", "non-empty string")]
    [InlineData("[1]", "JSON object")]
    [InlineData("{oops", "not JSON")]
    public void A_bad_line_is_refused_with_its_line_number(string line, string expected)
    {
        File.WriteAllLines(_file, ["""{"id":"ok","label":"benign","lang":"en","subject":"ToolResult","text":"fine"}""", line]);
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(_file));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(":2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_refused()
    {
        const string line = """{"id":"same","label":"benign","lang":"en","subject":"ToolResult","text":"fine"}""";
        File.WriteAllLines(_file, [line, line]);
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(_file));
        Assert.Contains("duplicate id", error.Message, StringComparison.Ordinal);
    }
}

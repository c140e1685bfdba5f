using System.Text;
using McpVanguard.Inspection.Semantic.Embedded;

namespace McpVanguard.Semantic.Tests;

/// <summary>The head file's format: the shipped one is valid, and every malformed one is refused with the reason.</summary>
public sealed class ClassifierHeadTests
{
    private static string Head(string weights = "null", string model = "all-MiniLM-L6-v2", string threshold = "0.5", string extra = "") =>
        $$"""{"format":"mcpvanguard-semantic-head/1","model":"{{model}}","weights":{{(weights == "null" ? "[" + string.Join(',', Enumerable.Repeat("0.01", 384)) + "]" : weights)}},"bias":-1.5,"threshold":{{threshold}}{{extra}}}""";

    private static ClassifierHead Parse(string json) => ClassifierHead.Parse(Encoding.UTF8.GetBytes(json), "test.json");

    [Fact]
    public void The_shipped_head_is_valid_and_carries_its_held_out_figures()
    {
        var head = ClassifierHead.LoadShipped();
        Assert.Equal(384, head.Weights.Length);
        Assert.InRange(head.Threshold, 0.01, 0.99);
        Assert.True(head.Training.HasValue);
        Assert.True(head.Training.Value.TryGetProperty("heldOut", out var heldOut));
        Assert.True(heldOut.TryGetProperty("falsePositiveRate", out _));
    }

    [Fact]
    public void A_well_formed_head_gives_the_logistic_probability()
    {
        var head = Parse(Head());
        var embedding = Enumerable.Repeat(1f, 384).ToArray();
        var expected = 1 / (1 + Math.Exp(-((384 * 0.01) - 1.5)));
        Assert.Equal(expected, head.Probability(embedding), 5);
    }

    [Theory]
    [InlineData("[1,2,3]", "all-MiniLM-L6-v2", "0.5", "", "3 weights")]
    [InlineData("null", "bge-small", "0.5", "", "bge-small")]
    [InlineData("null", "all-MiniLM-L6-v2", "1.5", "", "threshold")]
    [InlineData("null", "all-MiniLM-L6-v2", "0.5", ",\"extra\":1", "extra")]
    public void A_malformed_head_is_refused_naming_the_problem(string weights, string model, string threshold, string extra, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse(Head(weights, model, threshold, extra)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Parse("{not json"));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}

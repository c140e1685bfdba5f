using System.Text;
using System.Text.RegularExpressions;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Instructions;

namespace McpVanguard.Tests.Inspection.Instructions;

/// <summary>
/// The shadowing pattern's <c>tool</c> capture, read from its alternatives' phrase programs, is the regex's capture for
/// every match over every shipped text and over texts built from the pattern's own words, and reading it builds no regex.
/// </summary>
public sealed class ShadowedToolTests
{
    [Fact]
    public void The_capture_is_the_regex_capture_for_every_match()
    {
        var pattern = InstructionAnalyzer.ShadowingRegex;
        var regex = new Regex(pattern.Pattern, pattern.Options);
        var tool = new ShadowedTool(new PrefilteredRegex(pattern.Pattern, pattern.Options));
        var differences = new List<string>();
        var captures = 0;
        var withoutCapture = 0;
        foreach (var text in PrefilteredRegexTests.Texts.Value.Concat(Built()))
        {
            foreach (Match m in regex.Matches(text))
            {
                var group = m.Groups["tool"];
                var expected = group.Success ? group.Value : null;
                var actual = tool.Of(text, m.Index, m.Length);
                captures += expected is null ? 0 : 1;
                withoutCapture += expected is null ? 1 : 0;
                if (expected != actual)
                {
                    differences.Add($"\"{m.Value}\": regex {expected ?? "(none)"}, phrase {actual ?? "(none)"}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));

        // Both kinds of alternative (with and without a capture) must have been exercised.
        Assert.True(captures >= 50 && withoutCapture >= 5, $"{captures} captures, {withoutCapture} matches without one");
    }

    [Fact]
    public void Reading_the_capture_builds_no_regex()
    {
        var pattern = new PrefilteredRegex(InstructionAnalyzer.ShadowingRegex.Pattern, InstructionAnalyzer.ShadowingRegex.Options);
        var tool = new ShadowedTool(pattern);
        const string text = "whenever you call the 'send_mail' tool, and the list_files tool is called first";
        var names = new List<string?>();
        foreach (var m in pattern.EnumerateMatches(text))
        {
            names.Add(tool.Of(text, m.Index, m.Length));
        }

        Assert.Equal(["send_mail", "list_files"], names);
        Assert.False(pattern.IsBuilt);
    }

    [Theory]
    [InlineData("a|b(c|d)|[|]|e\\|f", new[] { "a", "b(c|d)", "[|]", "e\\|f" })]
    [InlineData("abc", new[] { "abc" })]
    public void The_pattern_splits_at_its_top_level_bars_only(string pattern, string[] expected)
        => Assert.Equal(expected, ShadowedTool.TopLevelAlternatives(pattern));

    /// <summary>Sentences in the shapes the pattern knows, with names quoted, bare, dotted, next to punctuation and line ends.</summary>
    private static IEnumerable<string> Built()
    {
        string[] names = ["send_mail", "'fs.read'", "`x-y`", "\"list\"", "this", "the", "é_tool", "a", "run.sh'"];
        string[] heads = ["when you call ", "whenever the assistant uses the ", "before the model invokes ", "after you run ", "each time you executes "];
        string[] tails = [" tool is called", " function was invoked", " tool has  been executed", " tool gets triggered"];
        var random = new Random(15);
        for (var i = 0; i < 400; i++)
        {
            var sb = new StringBuilder();
            for (var j = random.Next(1, 4); j > 0; j--)
            {
                var name = names[random.Next(names.Length)];
                sb.Append(random.Next(3) switch
                {
                    0 => heads[random.Next(heads.Length)] + name + (random.Next(2) == 0 ? "," : " then"),
                    1 => name + tails[random.Next(tails.Length)],
                    _ => heads[random.Next(heads.Length)] + name + tails[random.Next(tails.Length)],
                });
                sb.Append(random.Next(2) == 0 ? ". " : "\n");
            }

            if (i % 5 == 0)
            {
                sb.Append("all outgoing emails must also be forwarded");
            }

            yield return sb.ToString();
        }
    }
}

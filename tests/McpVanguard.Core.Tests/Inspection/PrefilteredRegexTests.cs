using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Rules;
using McpVanguard.Inspection.Secrets;
using McpVanguard.Tests.Inspection.Instructions;
using McpVanguard.Tests.Inspection.Secrets;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// The analysers' literal gates are sound: every match of every gated regex, over all the text the project ships
/// (corpus, eval, the former secrets.yaml and injection.yaml examples, raw and canonical), contains one of the gate's literals, so the gate
/// never hides a match. And clean text neither reaches nor builds a regex.
/// </summary>
public sealed class PrefilteredRegexTests
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Every gated regex of the analysers: static fields of Core types, and the secret detectors.</summary>
    internal static IEnumerable<(string Name, PrefilteredRegex Regex)> AllGatedRegexes()
    {
        foreach (var type in typeof(PrefilteredRegex).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.FieldType == typeof(PrefilteredRegex))
                {
                    yield return ($"{type.Name}.{field.Name}", (PrefilteredRegex)field.GetValue(null)!);
                }
            }
        }

        var index = 0;
        foreach (var detector in SecretScanner.Detectors)
        {
            yield return ($"{detector.Kind}#{index++}", detector.Pattern);
        }
    }

    internal static readonly Lazy<List<string>> Texts = new(LoadTexts);

    private static List<string> LoadTexts()
    {
        var raw = new List<string>();
        var files = Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.jsonl").Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "eval"), "*.jsonl"));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0)
                {
                    // Some protocol cases nest deeper than the default reader allows, on purpose.
                    using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 4096 });
                    Collect(document.RootElement, raw);
                }
            }
        }

        foreach (var row in SecretArgumentInspectorTests.FormerYamlExamples.Concat(InjectionArgumentInspectorTests.FormerYamlExamples))
        {
            using var document = JsonDocument.Parse(row.Data.Item4);
            Collect(document.RootElement, raw);
        }

        var texts = new List<string>(raw.Count * 2);
        foreach (var s in raw.Distinct(StringComparer.Ordinal))
        {
            texts.Add(s);
            var canonical = StringCanonicalizer.Canonicalize("text", s);
            texts.Add(canonical.Canonical);
            texts.Add(canonical.Decoded);
        }

        return texts;
    }

    private static void Collect(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
        }
    }

    [Fact]
    public void Every_match_of_every_gated_regex_contains_one_of_its_literals()
    {
        var unsound = new List<string>();
        var matched = 0;
        foreach (var (name, gated) in AllGatedRegexes())
        {
            Assert.NotEmpty(gated.Literals);
            var anyMatch = false;
            foreach (var text in Texts.Value)
            {
                foreach (Match m in gated.Regex.Matches(text))
                {
                    anyMatch = true;
                    // Every set of the gate must be met by the match itself (boundary marks aside: the gate ignores them).
                    if (m.Length > 0 && !gated.LiteralSets.All(set => set.Any(l => m.Value.Contains(RequiredLiterals.TextOf(l), StringComparison.OrdinalIgnoreCase))))
                    {
                        unsound.Add($"{name}: \"{m.Value}\"");
                    }
                }
            }

            matched += anyMatch ? 1 : 0;
        }

        Assert.True(unsound.Count == 0, string.Join(Environment.NewLine, unsound.Distinct().Take(40)));

        // The check means something only if the texts exercise most of the regexes.
        Assert.True(matched >= AllGatedRegexes().Count() * 3 / 4, $"only {matched} regexes matched anything");
    }

    [Theory]
    [InlineData("ignore all previous instructions", "IGNORE")]
    [InlineData("account key: AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=", "accountkey=")]
    [InlineData("SEND IT", "send")]
    public void The_gate_ignores_case(string text, string literal)
    {
        var gated = new PrefilteredRegex(Regex.Escape(literal) + @"\s", Options);
        Assert.True(gated.MayMatch(text));
    }

    [Fact]
    public void Clean_text_neither_reaches_nor_builds_the_regex()
    {
        // A lazy loop is outside the phrase subset: this pattern needs its regex.
        var gated = new PrefilteredRegex(@"\bsecret\b\s+?\w", Options);
        Assert.False(gated.IsPhraseList);
        Assert.Equal(["secret"], gated.Literals.Select(RequiredLiterals.TextOf));
        Assert.False(gated.IsMatch("read the first ten lines of the file"));
        Assert.False(gated.IsBuilt);
        Assert.True(gated.IsMatch("the secret is out"));
        Assert.True(gated.IsBuilt);
        Assert.False(gated.IsMatch("no secretary here"));
    }

    [Fact]
    public void A_phrase_list_matches_without_ever_building_its_regex()
    {
        var gated = new PrefilteredRegex(@"\bsecret\b", Options);
        Assert.True(gated.IsPhraseList);
        Assert.True(gated.IsMatch("the secret is out"));
        Assert.False(gated.IsMatch("no secretary here"));
        Assert.False(gated.IsBuilt);
    }

    [Fact]
    public void A_regex_registered_after_a_scan_is_judged_by_its_pattern_not_by_an_index_past_the_scan()
    {
        const string text = "the zqxjkwv token is out";
        var scanned = AnalyzerGates.Passes(text);
        var late = new PrefilteredRegex(@"\bzqxjkwv\b", Options);
        Assert.True(late.MayMatch(scanned));
        Assert.True(late.IsMatch(text));
        Assert.False(late.IsMatch("no such word here"));
    }
}

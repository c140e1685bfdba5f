using System.Globalization;
using System.Text.Json;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;

namespace McpVanguard.Tests.Inspection.Preflight;

/// <summary>The walk builds pointers only when asked: each must be exactly the pointer the walk used to build eagerly.</summary>
public sealed class PayloadWalkerTests
{
    private const string Payload = """
        {"tools":[{"name":"a","description":"d","inputSchema":{"properties":{"p/q":{"description":"x"},"t~u":{"enum":["1","2"]},"é":{"title":"é"}}}},
                  {"name":"b","annotations":{"title":"t"},"matrix":[["m00","m01"],[{"deep":"m10"}]]}],
         "nextCursor":"c","":{"empty":"e"}}
        """;

    /// <summary>The reference: every string with its pointer, built by concatenation as the walk did before it was lazy.</summary>
    private static List<(string Pointer, string Key, string Value)> Eager(JsonElement element, string pointer, string key)
    {
        var found = new List<(string, string, string)>();
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    found.AddRange(Eager(p.Value, pointer + "/" + MessageEdit.Escape(p.Name), p.Name));
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    found.AddRange(Eager(item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), key));
                    i++;
                }

                break;
            case JsonValueKind.String:
                found.Add((pointer, key, element.GetString()!));
                break;
        }

        return found;
    }

    private static PayloadStrings Walk(JsonDocument document)
    {
        Assert.True(PayloadWalker.TryWalk(document.RootElement, "/result", new PreflightLimits(), out var strings, out var reason), reason);
        return strings;
    }

    [Fact]
    public void Every_string_has_exactly_the_pointer_key_and_depth_of_the_eager_walk()
    {
        using var document = JsonDocument.Parse(Payload);
        var expected = Eager(document.RootElement, "/result", string.Empty);
        var strings = Walk(document);

        Assert.Equal(expected, strings.Items.Select(s => (s.Pointer, s.Key, s.Value)).ToList());
        Assert.All(strings.Items, s => Assert.Equal(s.Pointer.Count('/'), s.Segments));
        Assert.Contains(strings.Items, s => s.Pointer == "/result/tools/0/inputSchema/properties/p~1q/description");
        Assert.Contains(strings.Items, s => s.Pointer == "/result/tools/0/inputSchema/properties/t~0u/enum/1" && s.Key == "enum");
        Assert.Contains(strings.Items, s => s.Pointer == "/result/tools/1/matrix/1/0/deep");
        Assert.Contains(strings.Items, s => s.Pointer == "/result//empty");
    }

    [Theory]
    [InlineData("/result/tools/0")]
    [InlineData("/result/tools/1")]
    [InlineData("/result/tools/1/matrix")]
    [InlineData("/result/tools/0/inputSchema/properties/p~1q")]
    [InlineData("/result/tools")]
    [InlineData("/result/tools/2")]
    [InlineData("/result/tools/0/name")]
    [InlineData("/result/")]
    public void Strings_under_a_node_are_those_whose_eager_pointer_lies_under_it(string prefix)
    {
        using var document = JsonDocument.Parse(Payload);
        var expected = Eager(document.RootElement, "/result", string.Empty)
            .Where(s => s.Pointer.Length > prefix.Length && s.Pointer[prefix.Length] == '/' && s.Pointer.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Pointer).ToList();

        // Asked in a fresh walk (no pointer built yet) and again once every pointer exists.
        var strings = Walk(document);
        Assert.Equal(expected, strings.Under(prefix).Select(s => s.Pointer).ToList());
        Assert.Equal(expected, strings.Under(prefix).Select(s => s.Pointer).ToList());
    }

    [Fact]
    public void A_payload_string_made_with_its_pointer_keeps_it()
    {
        var s = new PayloadString("/result/content/0/text", "text", "hello");

        Assert.Equal("/result/content/0/text", s.Pointer);
        Assert.Equal(4, s.Segments);
        Assert.Single(new PayloadStrings([s]).Under("/result/content/0"));
    }
}

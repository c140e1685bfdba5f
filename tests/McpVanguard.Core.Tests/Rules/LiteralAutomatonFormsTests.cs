using McpVanguard.Inspection.Rules;

namespace McpVanguard.Core.Tests.Rules;

/// <summary>
/// A large automaton (the multilingual lexicon) is kept packed instead of as a dense table: both forms must find exactly
/// the same literals at the same places.
/// </summary>
public sealed class LiteralAutomatonFormsTests
{
    private static readonly string[] Literals =
    [
        "he", "she", "his", "hers", "/etc/", "etc", "c/p", "a", "aaa", @"\bignore\b", @"\bvorherig", "игнор", "предыдущ",
        "忽略", "之前的指示", "指示", "이전", "무시", "αγνόησε", "é", "ée",
    ];

    private const string Alphabet = "hesirac/tpégnovдщпр忽略之前的指示이전무시αγνόησε ";

    [Fact]
    public void Packed_and_dense_forms_find_the_same_occurrences()
    {
        var dense = new LiteralAutomaton(Literals, ignoreCase: true, denseLimit: int.MaxValue);
        var packed = new LiteralAutomaton(Literals, ignoreCase: true, denseLimit: 0);
        Assert.True(packed.TransitionEntries < dense.TransitionEntries);

        var random = new Random(11);
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random, random.Next(0, 60));
            var (fromDense, fromPacked) = (new List<(int, int)>(), new List<(int, int)>());
            dense.ScanOccurrences(text, fromDense, int.MaxValue);
            packed.ScanOccurrences(text, fromPacked, int.MaxValue);
            Assert.Equal(fromDense, fromPacked);
            Assert.Equal(dense.ContainsAny(text), packed.ContainsAny(text));
        }
    }

    [Fact]
    public void Packed_form_finds_every_literal_a_naive_search_finds()
    {
        string[] plain = ["he", "she", "his", "hers", "/etc/", "etc", "c/p", "a", "aaa", "忽略", "指示", "之前的指示"];
        var packed = new LiteralAutomaton(plain, ignoreCase: false, denseLimit: 0);
        var random = new Random(5);
        var seen = new int[plain.Length];
        var stamp = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = RandomText(random, random.Next(0, 50));
            var found = new List<int>();
            packed.Scan(text, seen, ++stamp, found);
            var expected = Enumerable.Range(0, plain.Length).Where(k => text.Contains(plain[k], StringComparison.Ordinal));
            Assert.Equal(expected, found.Order());
        }
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var j = 0; j < chars.Length; j++)
        {
            var c = Alphabet[random.Next(Alphabet.Length)];
            chars[j] = random.Next(8) == 0 ? char.ToUpperInvariant(c) : c;
        }

        return new string(chars);
    }
}

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

    [Fact]
    public void Long_texts_walked_as_two_interleaved_halves_give_the_literals_of_one_walk()
    {
        // The analysers' and secret detectors' gate literals (boundary-marked, found in any case), kept dense.
        var literals = McpVanguard.Tests.Inspection.PrefilteredRegexTests.AllGatedRegexes()
            .SelectMany(g => g.Regex.LiteralSets).SelectMany(set => set).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var automaton = new LiteralAutomaton(literals, ignoreCase: true, denseLimit: int.MaxValue);
        Assert.True(automaton.TransitionEntries > 0 && literals.Length > 100);
        var plain = literals.Select(RequiredLiterals.TextOf).ToArray();
        var seen = new int[literals.Length];
        var stamp = 0;
        var compared = 0;

        void Compare(string text)
        {
            var (interleaved, single) = (new List<int>(), new List<int>());
            automaton.Scan(text, seen, ++stamp, interleaved);
            automaton.ScanDenseSingle(text, seen, ++stamp, single);
            Assert.Equal(single.Order(), interleaved.Order());
            compared += single.Count > 0 ? 1 : 0;
        }

        // Every shipped text, joined into long texts.
        var texts = McpVanguard.Tests.Inspection.PrefilteredRegexTests.Texts.Value;
        for (var from = 0; from < texts.Count; from += 200)
        {
            Compare(string.Join(" ", texts.Skip(from).Take(200)));
        }

        // A literal placed at every offset around the middle, where the second walk takes over, in long filler.
        var random = new Random(811);
        for (var round = 0; round < 300; round++)
        {
            var literal = plain[random.Next(plain.Length)];
            var length = AutomatonLength(random);
            var filler = new string('x', length);
            var at = Math.Clamp((length / 2) - literal.Length + random.Next(-2, literal.Length + 3), 0, length - literal.Length);
            var text = filler[..at] + (random.Next(2) == 0 ? literal.ToUpperInvariant() : literal) + filler[(at + literal.Length)..];
            Compare(" " + text[1..]);
            Compare(text.Replace('x', ' '));
        }

        Assert.True(compared > 300, $"{compared} texts held a literal");
    }

    private static int AutomatonLength(Random random) => LiteralAutomaton.InterleaveFrom + random.Next(0, 2000);

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

using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Tests.Rules;

public sealed class RequiredLiteralsTests
{
    [Theory]
    [InlineData(@"/etc/(?:passwd|shadow)", new[] { "/etc/passwd", "/etc/shadow" })]
    [InlineData(@"\bbash\s+-i\b", new[] { @"\bbash" })]
    [InlineData(@"169\.254\.169\.254", new[] { "169.254.169.254" })]
    [InlineData(@"(?i:UNION)\s+(?:ALL\s+)?SELECT", new[] { "select" })]
    [InlineData(@"\bnc(?:at)?\s+-[a-z]*e", new[] { @"\bnc" })]
    [InlineData(@"\bsort\b", new[] { @"\bsort\b" })]
    [InlineData(@"(?:curl|wget)\s[^|]*\|\s*(?:ba)?sh", new[] { "curl", "wget" })]
    [InlineData(@"id_(?:rsa|dsa|ed25519)", new[] { "id_rsa", "id_dsa", "id_ed25519" })]
    [InlineData(@"\.ssh/(?:id_\w+|authorized_keys)", new[] { ".ssh/" })]
    [InlineData(@"\w+@\w+", new[] { "@" })]
    [InlineData(@"foo(?=bar)", new[] { "foo" })]
    [InlineData(@"x{3}", new[] { "xxx" })]
    [InlineData(@"(?:--registry\b|--index-url)\s*http://[a-z-[l]]", new[] { @"--registry\b", "--index-url" })]
    [InlineData(@"[Ss]udo", new[] { "sudo" })]
    public void Extracts_literals_every_match_needs(string pattern, string[] expected)
    {
        Assert.Equal(expected.Order(), RequiredLiterals.Extract(pattern)!.Select(RequiredLiterals.Display).Order());
    }

    [Theory]
    [InlineData(@"\w+\d+")]          // no fixed text
    [InlineData(@"(?:abc)?\d+")]      // the literal is optional
    [InlineData(@"abc|\d+")]          // one branch needs nothing
    [InlineData(@"[^/]+")]
    [InlineData(@"[a-z-[aeiou]]+")]  // class subtraction
    [InlineData(@".*")]
    public void Requires_nothing_when_a_match_can_avoid_every_literal(string pattern)
    {
        Assert.Null(RequiredLiterals.Extract(pattern));
    }

    [Fact]
    public void Every_literal_set_is_sound_on_generated_matches()
    {
        // For each pattern, texts the regex matches must contain one of the extracted literals.
        var cases = new (string Pattern, string[] Matching)[]
        {
            (@"(?:rm|del)\s+-(?:rf|fr)\s+/", ["rm -rf /", "del -fr /tmp", "sudo rm  -rf /"]),
            (@"a(?:b|c)?d", ["ad", "abd", "acd"]),
            (@"(?:x|y){2}z", ["xxz", "xyz", "yyz"]),
            (@"\x41\u0042c", ["abc"]),
            (@"(?:ab|cd)+x", ["abx", "cdabx", "ababcdx"]),
            (@"(?<n>ev(?:a|i)l)\(", ["eval(", "evil("]),
        };
        foreach (var (pattern, matching) in cases)
        {
            var literals = RequiredLiterals.Extract(pattern);
            Assert.NotNull(literals);
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);
            foreach (var text in matching)
            {
                Assert.Matches(regex, text);
                Assert.True(new LiteralAutomaton(literals).ContainsAny(text.ToLowerInvariant()), $"{pattern}: [{string.Join(", ", literals.Select(RequiredLiterals.Display))}] not in '{text}'");
            }
        }
    }

    [Fact]
    public void Automaton_finds_every_literal_a_naive_search_finds()
    {
        var literals = new[] { "he", "she", "his", "hers", "/etc/", "etc", "c/p", "a", "aaa" };
        var automaton = new LiteralAutomaton(literals);
        var random = new Random(7);
        var seen = new int[literals.Length];
        var stamp = 0;
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = "hesirac/tpé"[random.Next(11)];
            }

            var text = new string(chars);
            var found = new List<int>();
            automaton.Scan(text, seen, ++stamp, found);
            var expected = Enumerable.Range(0, literals.Length).Where(k => text.Contains(literals[k], StringComparison.Ordinal));
            Assert.Equal(expected, found.Order());
            Assert.Equal(expected.Any(), automaton.ContainsAny(text));
        }
    }

    [Theory]
    [InlineData("nc -lvp 4444", true)]
    [InlineData("grep --include=*.cs", false)]   // "nc" inside a word
    [InlineData("x;nc 1.2.3.4 80", true)]
    [InlineData("énc", true)]                    // a non-ASCII neighbour never rejects
    public void Word_boundary_marks_reject_only_certain_violations(string text, bool expected)
    {
        var automaton = new LiteralAutomaton([RequiredLiterals.Extract(@"\bnc\s")![0]]);
        Assert.Equal(expected, automaton.ContainsAny(text));
    }

    /// <summary>A match at the very end of a megabyte of text is found (a match timeout once made the engine miss it silently).</summary>
    [Fact]
    public void A_match_after_a_megabyte_of_text_is_found()
    {
        var text = string.Concat(Enumerable.Repeat("2025-11-20 10:00:01 INFO request_id=7f9c2ba4e88f user=ada status=200 took 12ms\n", 13_000)) + "aws_access_key_id = AKIAZ7Q3B4XK2LMN5PQR\n";
        var regex = new LazyRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.CultureInvariant, new RegexCache(2));

        Assert.True(text.Length > 1_000_000);
        Assert.Single(regex.Value.Matches(text));
    }

    [Fact]
    public void Regex_cache_holds_at_most_its_capacity_and_rebuilds_what_it_let_go()
    {
        var cache = new RegexCache(2);
        var regexes = new[] { "alpha", "beta", "gamma" }.Select(p => new LazyRegex(p, RegexOptions.None, cache)).ToArray();

        foreach (var regex in regexes)
        {
            Assert.Matches(regex.Value, regex.Source);
        }

        Assert.Equal(2, cache.Count);
        Assert.False(regexes[0].IsBuilt); // least recently used
        Assert.Matches(regexes[0].Value, "alpha");
        Assert.Equal(2, cache.Count);
    }
}

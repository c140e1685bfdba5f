using System.Text;
using System.Text.RegularExpressions;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Tests.Inspection;

/// <summary>
/// A phrase program finds exactly what the NonBacktracking regex it replaces finds, at the same places: every analyser
/// pattern and every case-folded rule pattern in the subset, over all the text the project ships (raw and canonical)
/// and over texts made of each pattern's own words, compared match by match with the regex.
/// </summary>
public sealed class PhrasePatternTests
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    private static IEnumerable<(string Name, string Source, RegexOptions Options)> PhrasePatterns()
    {
        foreach (var (name, gated) in PrefilteredRegexTests.AllGatedRegexes())
        {
            if (gated.IsPhraseList)
            {
                yield return (name, gated.Pattern, gated.Options);
            }
        }

        foreach (var (name, pattern) in AllLinearPatterns())
        {
            if (pattern.IsPhraseList)
            {
                yield return (name, pattern.Pattern, pattern.Options);
            }
        }

        foreach (var rule in RuleLoader.Load(null))
        {
            if (rule.Pattern is { IsPhraseList: true } pattern)
            {
                var regex = pattern.Regex;
                yield return (rule.Id, regex.ToString(), regex.Options);
            }
        }
    }

    /// <summary>Every ungated analyser pattern: static <see cref="LinearPattern"/> fields of Core types.</summary>
    internal static IEnumerable<(string Name, LinearPattern Pattern)> AllLinearPatterns()
    {
        foreach (var type in typeof(LinearPattern).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            {
                if (field.FieldType == typeof(LinearPattern))
                {
                    yield return ($"{type.Name}.{field.Name}", (LinearPattern)field.GetValue(null)!);
                }
            }
        }
    }

    [Fact]
    public void The_ungated_analyser_patterns_are_phrase_programs_where_ordinary_metadata_reaches_them()
    {
        // The tool-metadata patterns every tools/list reaches; the ones left as regexes are asked only on a rare path
        // (a placeholder in a markdown link's URL, words in other scripts in text beyond ASCII).
        var regexes = AllLinearPatterns().Where(p => !p.Pattern.IsPhraseList).Select(p => p.Name).Order().ToList();
        Assert.Equal(["MarkdownExfiltration.Placeholder", "ToolPurpose.ConversationWorkBeyondAscii"], regexes);
    }

    [Fact]
    public void Every_phrase_pattern_finds_what_its_regex_finds_at_the_same_places()
    {
        var differences = new List<string>();
        var patterns = 0;
        var matches = 0;
        foreach (var (name, source, options) in PhrasePatterns())
        {
            patterns++;
            var phrase = PhrasePattern.TryCreate(source, options)!;
            var regex = new Regex(source, options);
            foreach (var text in PrefilteredRegexTests.Texts.Value.Concat(TextsFromWordsOf(source)))
            {
                var expected = new List<PatternMatch>();
                foreach (var m in regex.EnumerateMatches(text))
                {
                    expected.Add(new PatternMatch(m.Index, m.Length));
                }

                var actual = new List<PatternMatch>();
                foreach (var m in phrase.EnumerateMatches(text))
                {
                    actual.Add(m);
                }

                matches += expected.Count;
                if (!expected.SequenceEqual(actual) || phrase.IsMatch(text) != (expected.Count > 0))
                {
                    differences.Add($"{name}: {Quote(text)} regex [{string.Join(", ", expected)}] phrase [{string.Join(", ", actual)}]");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));

        // The comparison means something only if most analyser and rule patterns are phrase programs and they match often.
        Assert.True(patterns >= 30, $"only {patterns} phrase patterns");
        Assert.True(matches >= patterns * 20, $"only {matches} matches over {patterns} patterns");
    }

    [Fact]
    public void Every_phrase_pattern_finds_what_its_regex_finds_in_long_texts()
    {
        // Texts far over the length where the phrase programs used to hand over to the regex (4,096 characters): shipped
        // texts joined in a shuffled order, so matches sit anywhere, across joins and after long clean stretches.
        var random = new Random(8);
        var shipped = PrefilteredRegexTests.Texts.Value;
        var longTexts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var sb = new StringBuilder();
            while (sb.Length < 24_000 + (i * 6_000))
            {
                sb.Append(shipped[random.Next(shipped.Count)]).Append(i % 2 == 0 ? "\n" : " ");
            }

            longTexts.Add(sb.ToString());
        }

        var differences = new List<string>();
        var matches = 0;
        foreach (var (name, source, options) in PhrasePatterns())
        {
            var phrase = PhrasePattern.TryCreate(source, options)!;
            var regex = new Regex(source, options);
            foreach (var text in longTexts)
            {
                var expected = new List<PatternMatch>();
                foreach (var m in regex.EnumerateMatches(text))
                {
                    expected.Add(new PatternMatch(m.Index, m.Length));
                }

                var actual = new List<PatternMatch>();
                foreach (var m in phrase.EnumerateMatches(text))
                {
                    actual.Add(m);
                }

                matches += expected.Count;
                if (!expected.SequenceEqual(actual) || phrase.IsMatch(text) != (expected.Count > 0) || phrase.IsMatchByVm(text) != (expected.Count > 0))
                {
                    differences.Add($"{name}: text of {text.Length} regex [{string.Join(", ", expected.Take(5))}…] phrase [{string.Join(", ", actual.Take(5))}…]");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
        Assert.True(matches >= 1_000, $"only {matches} matches");
    }

    [Fact]
    public void Matching_a_long_text_builds_no_regex_for_a_phrase_pattern()
    {
        // Ordinary prose full of the words the instruction gates look for ("system", "tool", "before", "after", "<"),
        // long enough that the old guard (4,096 characters) would have built each regex it reached. Fresh copies of every
        // analyser phrase pattern: the shared ones are built on purpose by other tests that read captures.
        var text = string.Concat(Enumerable.Repeat(
            "Before you run the build, read the system notes: the tool list is in <docs>, and after the tests pass the report is sent to the team. ",
            1_000));
        var built = new List<string>();
        var reached = 0;
        foreach (var (name, shared) in PrefilteredRegexTests.AllGatedRegexes().Where(r => r.Regex.IsPhraseList))
        {
            var gated = new PrefilteredRegex(shared.Pattern, shared.Options & ~RegexOptions.NonBacktracking);
            if (!gated.MayMatch(text))
            {
                continue;
            }

            reached++;
            _ = gated.IsMatchUngated(text);
            foreach (var m in gated.EnumerateMatches(text))
            {
                _ = m;
            }

            if (gated.IsBuilt)
            {
                built.Add(name);
            }
        }

        Assert.True(built.Count == 0, "built: " + string.Join(", ", built));
        Assert.True(reached >= 10, $"only {reached} patterns reached");
    }

    [Fact]
    public void The_automaton_stays_within_its_state_budget_on_adversarial_text()
    {
        // Every suffix of a long word list alive at once: more distinct state sets than the table keeps. Past the budget
        // the states are computed afresh; the answer must still be the regex's.
        const string pattern = @"\b(?:a\s*){1,8}b\b|(?:ab|ba|aab|abb|bba)+c";
        var phrase = PhrasePattern.TryCreate(pattern, Options)!;
        var random = new Random(3);
        var regex = new Regex(pattern, Options);
        for (var i = 0; i < 20; i++)
        {
            var text = string.Concat(Enumerable.Range(0, 20_000).Select(_ => "ab c"[random.Next(i % 2 == 0 ? 2 : 4)]));
            Assert.Equal(regex.IsMatch(text), phrase.IsMatch(text));
            Assert.True(phrase.TryMatch(text, 0, out var index, out var length) == regex.IsMatch(text));
            if (regex.Match(text) is { Success: true } m)
            {
                Assert.Equal((m.Index, m.Length), (index, length));
            }
        }

        Assert.InRange(phrase.DfaStates, 2, 256);
    }

    [Fact]
    public void A_word_character_for_the_boundary_and_white_space_are_what_the_regex_engine_says()
    {
        var boundary = new Regex(@"^\b", Options);
        var space = new Regex(@"^\s$", Options);
        var word = new Regex(@"^\w$", Options);
        var digit = new Regex(@"^\d$", Options);
        var dot = new Regex(@"^.$", Options);
        var wordClass = new PhraseClass(string.Empty, Space: false, Word: true, Digit: false, Negated: false);
        var digitClass = new PhraseClass(string.Empty, Space: false, Word: false, Digit: true, Negated: false);
        var dotClass = new PhraseClass("\n\n", Space: false, Word: false, Digit: false, Negated: true);
        var wrong = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            if (boundary.IsMatch(text) != PhrasePattern.IsBoundaryWordChar((char)c))
            {
                wrong.Add($"\\b U+{c:X4}");
            }

            if (space.IsMatch(text) != char.IsWhiteSpace((char)c))
            {
                wrong.Add($"\\s U+{c:X4}");
            }

            if (word.IsMatch(text) != wordClass.Contains((char)c) || digit.IsMatch(text) != digitClass.Contains((char)c) || dot.IsMatch(text) != dotClass.Contains((char)c))
            {
                wrong.Add($"\\w/\\d/. U+{c:X4}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(40)));
    }

    [Theory]
    [InlineData(@"\b(?:ignore|disregard)\s+(?:all\s+)?previous\b", "please ignore   all previous rules; disregard previous", 2)]
    [InlineData(@"\bcc\b|\bbcc\b", "bcc: x, cc y, accent", 2)]
    [InlineData(@"^(?:a|ab)c?$", "abc\n", 1)]
    [InlineData(@"api[\s_-]?keys?", "api key, api_keys, apikey, api--key", 3)]
    [InlineData(@"/home/[\w.-]+/\.ssh\b", "cat /home/bob.smith/.ssh/id /home//.ssh /home/é/.sshx", 1)]
    [InlineData(@"(?:ab)+c|[^a-c\n]{2,3}\d", "ababc xyz9 q1 ab", 3)]
    [InlineData(@"a.b|x\S+\W", "a\nb axb xyz! x ", 2)]
    [InlineData(@"['""`]?(?<tool>[\w.-]+)['""`]?\s+tool\s+is\s+called", "when the 'send_mail' tool is called, bcc", 1)]
    [InlineData(@"x(|b)b", "xbb xb", 2)]
    [InlineData(@"x(b|a*)b", "xbb xab", 2)]
    [InlineData(@"(^|[;&]\s*|\s)(ag|ack)\s", "ag ag ; ack ag ", 2)]
    [InlineData(@"x(\b|a)a", "xaa x aa", 1)]
    [InlineData(@"(a(|b))?b", "abb", 2)]
    public void Hand_picked_patterns_agree_with_the_regex(string pattern, string text, int count)
    {
        var phrase = PhrasePattern.TryCreate(pattern, Options);
        Assert.NotNull(phrase);
        var expected = new Regex(pattern, Options).Matches(text).Select(m => new PatternMatch(m.Index, m.Length)).ToList();
        var actual = new List<PatternMatch>();
        foreach (var m in phrase.EnumerateMatches(text))
        {
            actual.Add(m);
        }

        Assert.Equal(count, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(@"(?<=a)b")]
    [InlineData(@"a+?")]
    [InlineData(@"(?=a)")]
    [InlineData(@"(a?)*")]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?i)a")]
    [InlineData(@"\p{L}")]
    [InlineData(@"a{2,100}")]
    [InlineData(@"x(a*|b)b")]
    [InlineData(@"x(a?|b)b")]
    [InlineData(@"x(c||b)b")]
    [InlineData(@"x(c(a*|b))b")]
    [InlineData(@"x((|c)|b)b")]
    [InlineData(@"(a(|b))*b")]
    [InlineData(@"(xa(\b|b)){1,2}b")]
    public void Patterns_outside_the_subset_keep_their_regex(string pattern)
        => Assert.Null(PhrasePattern.TryCreate(pattern, Options));

    [Theory]
    [InlineData(@"x([^|]*|[^""]*"")\s/(\||$)", "x /|\" /", 7, 4)]
    [InlineData(@"x(a*|b)b", "xbb", 3, 2)]
    [InlineData(@"x(c||b)b", "xbb", 3, 2)]
    [InlineData(@"(a(|b)){0,2}b", "abb", 3, 2)]
    [InlineData(@"(a(|b))+b", "abb", 3, 2)]
    public void A_branch_that_can_match_empty_ahead_of_another_keeps_the_regex(string pattern, string text, int nonBacktracking, int backtracking)
    {
        // Cut down from CMD-023 on a shuffled corpus text: NonBacktracking ranks going on inside the group above leaving
        // it empty, backtracking the other way round, so the same start ends at different places. A program in
        // backtracking order would report the shorter span for a regex that reports the longer one.
        var options = Options & ~RegexOptions.NonBacktracking;
        Assert.Equal(nonBacktracking, new Regex(pattern, Options).Match(text).Length);
        Assert.Equal(backtracking, new Regex(pattern, options).Match(text).Length);
        Assert.Null(PhrasePattern.TryCreate(pattern, Options));
    }

    [Fact]
    public void The_secret_grep_rule_reports_the_span_its_regex_reports()
    {
        var rule = RuleLoader.Load(null).Single(r => r.Id == "CMD-023");
        var pattern = rule.Pattern!;
        Assert.False(pattern.IsPhraseList);
        var match = pattern.Regex.Match("rg token /|\" /");
        Assert.Equal((0, 14), (match.Index, match.Length));
        Assert.True(pattern.IsMatch("rg token /|\" /"));
    }

    [Fact]
    public void Ignore_case_keeps_the_regex_for_letters_beyond_ascii()
        => Assert.Null(PhrasePattern.TryCreate("secreté", Options | RegexOptions.IgnoreCase));

    [Fact]
    public void Ignore_case_folds_each_ascii_letter_onto_what_the_regex_engine_folds_it_onto()
    {
        var wrong = new List<string>();
        for (var letter = 'A'; letter <= 'z'; letter++)
        {
            if (!char.IsAsciiLetter(letter))
            {
                continue;
            }

            var pattern = "^" + letter + "$";
            var regex = new Regex(pattern, Options | RegexOptions.IgnoreCase);
            var phrase = PhrasePattern.TryCreate(pattern, Options | RegexOptions.IgnoreCase)!;
            var inClass = PhrasePattern.TryCreate("^[" + letter + "]$", Options | RegexOptions.IgnoreCase)!;
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var text = ((char)c).ToString();
                var expected = regex.IsMatch(text);
                if (phrase.IsMatch(text) != expected || inClass.IsMatch(text) != expected)
                {
                    wrong.Add($"{letter} U+{c:X4}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(40)));
    }

    [Fact]
    public void Long_runs_of_what_a_pattern_loops_on_are_answered_correctly()
    {
        // Adversarial input for a phrase program: a start word followed by a huge white-space run, repeated starts,
        // and a match only at the very end. The result is asserted, not the time.
        const string pattern = @"\b(?:prior\s+to|before)\s*,?\s+(?:using|calling)\b";
        var phrase = PhrasePattern.TryCreate(pattern, Options)!;
        var text = string.Concat(Enumerable.Repeat("prior ", 50_000)) + new string(' ', 200_000) + "prior to\n\n , calling";
        var regex = new Regex(pattern, Options);
        Assert.True(phrase.TryMatch(text, 0, out var index, out var length));
        var m = regex.Match(text);
        Assert.Equal((m.Index, m.Length), (index, length));
        Assert.False(phrase.IsMatch(string.Concat(Enumerable.Repeat("before ", 100_000))));
    }

    /// <summary>Texts made of the pattern's own words, joined by separators that sit on and off its boundaries.</summary>
    private static IEnumerable<string> TextsFromWordsOf(string pattern)
    {
        var words = Regex.Matches(pattern, @"[\p{L}0-9_'’.:/@<>|-]+").Select(m => m.Value.Replace("\\", string.Empty, StringComparison.Ordinal)).Distinct().ToArray();
        string[] separators = [" ", "  ", "\n", ", ", ": ", "-", "_", "", "'", ".", "\t", "\u00a0", "é", " the ", "s ", ","];
        var random = new Random(pattern.Length);
        for (var i = 0; i < 300; i++)
        {
            var sb = new StringBuilder();
            var tokens = random.Next(2, 12);
            for (var t = 0; t < tokens; t++)
            {
                sb.Append(words[random.Next(words.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            yield return sb.ToString();
        }
    }

    private static string Quote(string text) => text.Length > 120 ? text[..120] + "…" : text;
}

using McpVanguard.Inspection;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Tests.Inspection;

namespace McpVanguard.Tests.Rules;

/// <summary>
/// A long canonical copy is scanned once for the rules' literals and the analysers' gates together
/// (<see cref="FusedLiteralScan"/>): each must name exactly the candidates its own pass names, on every text.
/// </summary>
public sealed class FusedLiteralScanTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vanguard-fused-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static IEnumerable<TheoryDataRow<Profile>> Profiles() => [new(Profile.Monitor), new(Profile.Balanced), new(Profile.Strict)];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Fused_pass_names_the_candidates_and_gates_of_the_separate_passes(Profile profile)
    {
        EnginePrimer.BuildTables();
        var inspector = new RuleInspector(RuleLoader.Load(null), profile);
        var texts = PrefilteredRegexTests.Texts.Value;
        var compared = 0;
        var withRules = 0;
        var withGates = 0;

        void Compare(string text)
        {
            // Other tests register gated regexes meanwhile (each recompiles the gates): compare results of one compilation.
            var (separate, fused) = (inspector.SeparateCandidates(text), inspector.FusedCandidates(text));
            for (var retry = 0; retry < 5 && separate.Gates.Length != fused.Gates.Length; retry++)
            {
                (separate, fused) = (inspector.SeparateCandidates(text), inspector.FusedCandidates(text));
            }

            Assert.Equal(separate.Rules.Order(), fused.Rules.Order());
            Assert.Equal(separate.Gates, fused.Gates);
            compared++;
            withRules += separate.Rules.Count > 0 ? 1 : 0;
            withGates += separate.Gates.Any(static g => g) ? 1 : 0;
        }

        // Every shipped text alone, as it is and lower-cased (the canonical copy is), then long joins of them.
        foreach (var text in texts)
        {
            Compare(text);
            Compare(text.ToLowerInvariant());
        }

        for (var from = 0; from < texts.Count; from += 150)
        {
            Compare(string.Join(" ", texts.Skip(from).Take(150)).ToLowerInvariant());
        }

        // Adversarial: the literals of both sides glued to each other and to words, in mixed case, with and without the
        // boundaries their marks ask for, long enough for the interleaved walk.
        var literals = inspector.FusedLiteralTexts();
        var random = new Random(1212);
        string[] glue = ["", " ", "_", "x", "/", ".", "\n", "é", "\u0430"];
        for (var round = 0; round < 400; round++)
        {
            var builder = new System.Text.StringBuilder();
            while (builder.Length < LiteralAutomaton.InterleaveFrom + random.Next(0, 1500))
            {
                var literal = literals[random.Next(literals.Count)];
                builder.Append(random.Next(3) == 0 ? literal.ToUpperInvariant() : literal);
                builder.Append(glue[random.Next(glue.Length)]);
                if (random.Next(4) == 0)
                {
                    builder.Append(new string((char)('a' + random.Next(26)), random.Next(1, 40)));
                }
            }

            Compare(builder.ToString());
        }

        output.WriteLine($"{compared} texts, {withRules} with rule candidates, {withGates} passing gates; fused automaton {inspector.FusedSize}");
        Assert.True(withRules > 1000 && withGates > 1000, $"{withRules} / {withGates}");
        Assert.True(inspector.FusedSize.Dense, "the fused automaton of the built-in set must stay a dense table");
    }

    [Fact]
    public void A_new_yaml_rule_literal_reaches_the_fused_pass()
    {
        File.WriteAllText(Path.Combine(_dir, "marker.yaml"), """
            rules:
              - id: T-FUSED
                title: Marker word in a long text
                category: MCP-06
                severity: high
                action: block
                pattern: '\bzqxfusedmarker\b'
            """);
        var inspector = new RuleInspector(RuleLoader.Load(_dir), Profile.Balanced);
        Assert.Contains(inspector.FusedLiteralTexts(), l => RequiredLiterals.TextOf(l) == "zqxfusedmarker");

        var filler = string.Concat(Enumerable.Repeat("ordinary source text, nothing to see here; ", 40));
        Assert.True(filler.Length >= RuleInspector.FuseFrom);
        var attack = InspectionContextFactory.ToolCall("write_file", new { path = "notes.md", content = filler + " ZQXFUSEDMARKER " + filler });
        var benign = InspectionContextFactory.ToolCall("write_file", new { path = "notes.md", content = filler + " zqxfusedmarkers " + filler });

        Assert.Contains(InspectionContextFactory.Run(inspector, attack), f => f.RuleId == "T-FUSED");
        Assert.DoesNotContain(InspectionContextFactory.Run(inspector, benign), f => f.RuleId == "T-FUSED");
    }

    [Fact]
    public void The_engines_of_every_profile_share_one_fused_automaton()
    {
        EnginePrimer.BuildTables();
        var rules = RuleLoader.Load(null);
        for (var attempt = 0; ; attempt++)
        {
            // Other tests may register a gate between two builds (a new gate literal): compare builds of one compilation.
            var lists = Profiles().Select(p => new RuleInspector(rules, p.Data).FusedLiteralTexts()).ToList();
            if (attempt < 5 && lists.Any(l => l.Count != lists[0].Count))
            {
                continue;
            }

            Assert.Equal(lists[0], lists[1]);
            Assert.Equal(lists[0], lists[2]);
            return;
        }
    }

    [Fact]
    public void Gates_registered_after_the_fusion_are_fused_again()
    {
        EnginePrimer.BuildTables();
        var inspector = new RuleInspector(RuleLoader.Load(null), Profile.Balanced);
        var text = string.Concat(Enumerable.Repeat("please send the zqxlategate value along ", 30));
        _ = inspector.FusedCandidates(text);

        // A gated regex registered now (an analyser type first touched later) recompiles the gates: the fused pass must follow.
        var late = new PrefilteredRegex(@"\bzqxlategate\b", System.Text.RegularExpressions.RegexOptions.None);
        var (fused, separate) = (inspector.FusedCandidates(text), inspector.SeparateCandidates(text));
        for (var retry = 0; retry < 5 && separate.Gates.Length != fused.Gates.Length; retry++)
        {
            (fused, separate) = (inspector.FusedCandidates(text), inspector.SeparateCandidates(text));
        }

        Assert.Equal(separate.Gates, fused.Gates);
        Assert.True(late.MayMatch(fused.Gates));
        Assert.False(late.MayMatch(inspector.FusedCandidates(text.Replace("zqxlategate", "other", StringComparison.Ordinal)).Gates));
    }
}

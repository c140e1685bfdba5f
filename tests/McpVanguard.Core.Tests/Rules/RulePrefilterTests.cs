using System.Text;
using System.Text.Json;
using McpVanguard.Inspection;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Tests.Rules;

/// <summary>
/// The compiled rule set must find exactly what running every rule on every string finds: the literal prefilter may only
/// skip rules that cannot match.
/// </summary>
public sealed class RulePrefilterTests
{
    private static readonly IReadOnlyList<Rule> Rules = RuleLoader.Load(null);

    public static IEnumerable<TheoryDataRow<Profile>> Profiles() => [new(Profile.Monitor), new(Profile.Balanced), new(Profile.Strict)];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Prefiltered_findings_equal_brute_force_on_every_example_and_corpus_message(Profile profile)
    {
        var inspector = new RuleInspector(Rules, profile);
        var active = Rules.Where(r => r.Profiles.Contains(profile)).ToList();
        var messages = ExampleMessages().Concat(CorpusMessages()).ToList();
        Assert.True(messages.Count > 1000, $"only {messages.Count} messages");

        var mismatches = new List<string>();
        foreach (var json in messages)
        {
            if (!McpMessageParser.TryParse(Encoding.UTF8.GetBytes(json), 64, out var message, out _) || message!.Method is null)
            {
                continue;
            }

            using (message)
            {
                if (!ArgumentWalker.TryWalk(message.Params, new PreflightLimits(), out var strings, out _))
                {
                    continue;
                }

                var expected = active.Where(r => r.AppliesTo(message.Method, message.ToolName) && RuleInspector.Matches(r, strings.Items, message.ToolName)).Select(r => r.Id).ToList();
                var findings = new List<Finding>();
                inspector.Inspect(Context(message, strings, profile), findings);
                var actual = findings.Select(f => f.RuleId).ToList();
                if (!expected.SequenceEqual(actual))
                {
                    mismatches.Add($"{json}\n  expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual)}]");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(10)));
    }

    [Fact]
    public void Nearly_every_embedded_rule_has_required_literals()
    {
        var signatures = Rules.Where(r => r.Pattern is not null).ToList();
        var always = signatures.Where(r => r.Pattern!.RequiredLiterals is null).Select(r => r.Id).ToList();

        // A rule without a literal runs its regex on every string it applies to: rare by design.
        Assert.True(always.Count <= signatures.Count / 20, "rules without literals: " + string.Join(", ", always));
    }

    [Fact]
    public void Every_match_example_contains_one_of_its_rules_literals()
    {
        foreach (var rule in Rules)
        {
            if (rule.Pattern?.RequiredLiterals is not { } literals)
            {
                continue;
            }

            foreach (var example in rule.Matches)
            {
                var text = example.Arguments.ValueKind == JsonValueKind.Undefined ? string.Empty : example.Arguments.GetRawText();
                var lowered = JsonSerializer.Deserialize<JsonElement>(text.Length == 0 ? "{}" : text).ToString().ToLowerInvariant();

                // Raw JSON escapes (\u002f, \") could hide a literal from this check; the canonical copies are compared in the equivalence test.
                if (!lowered.Contains('\\'))
                {
                    var automaton = new LiteralAutomaton([.. literals]);
                    Assert.True(automaton.ContainsAny(lowered) || automaton.ContainsAny(Unescaped(lowered)),
                        $"{rule.Id}: none of [{string.Join(", ", literals.Select(RequiredLiterals.Display))}] in {text}");
                }
            }
        }
    }

    /// <summary>
    /// Long runs of the characters patterns loop on (letters, spaces, slashes, dots, digits, quotes), after a literal of
    /// every rule: the linear-time engine must give the same answer as the reference, and the pipeline must not fail closed.
    /// </summary>
    [Fact]
    public void Adversarial_runs_are_inspected_to_the_same_result()
    {
        var engine = TestEngine.Create();
        var inspector = new RuleInspector(Rules, Profile.Balanced);
        var literals = Rules.SelectMany(r => r.Pattern?.RequiredLiterals ?? []).Distinct().Take(400).ToList();
        foreach (var run in new[] { "a", " ", "/", "./", "0", "'", "\\", "-", "%2e", "a ", "=" })
        {
            var text = string.Concat(literals) + string.Concat(Enumerable.Repeat(run, 20_000)) + string.Concat(literals.AsEnumerable().Reverse());
            var json = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = "run_command", arguments = new { command = text, path = text } } });
            Assert.True(McpMessageParser.TryParse(Encoding.UTF8.GetBytes(json), 64, out var message, out _));
            using (message)
            {
                Assert.True(ArgumentWalker.TryWalk(message!.Params, new PreflightLimits(), out var strings, out _));
                var expected = Rules.Where(r => r.Profiles.Contains(Profile.Balanced) && r.AppliesTo("tools/call", "run_command") && RuleInspector.Matches(r, strings.Items)).Select(r => r.Id);
                var findings = new List<Finding>();
                inspector.Inspect(Context(message, strings, Profile.Balanced), findings);
                Assert.Equal(expected, findings.Select(f => f.RuleId));

                var verdict = engine.AgentToServer.Inspect(Context(message, strings, Profile.Balanced));
                Assert.DoesNotContain(verdict.RuleIds, id => id.StartsWith("VG-", StringComparison.Ordinal));
            }
        }
    }

    private static InspectionContext Context(McpMessage message, ArgumentStrings strings, Profile profile) => new()
    {
        Message = message,
        Direction = Direction.AgentToServer,
        SessionId = "t",
        ServerId = "default",
        Profile = profile,
        Strings = strings,
    };

    private static string Unescaped(string s) => s.Replace("\\\\", "\\", StringComparison.Ordinal);

    private static IEnumerable<string> ExampleMessages()
        => Rules.SelectMany(r => r.Matches.Concat(r.NonMatches)).Select(e => e.ToRequestJson());

    /// <summary>Every agent message of the shipped corpora and the evaluation sets.</summary>
    private static IEnumerable<string> CorpusMessages()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.jsonl")
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "eval"), "*.jsonl"));
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 1024 });
                if (!doc.RootElement.TryGetProperty("steps", out var steps))
                {
                    continue;
                }

                foreach (var step in steps.EnumerateArray())
                {
                    if (step.TryGetProperty("from", out var from) && from.GetString() == "agent" && step.TryGetProperty("message", out var message))
                    {
                        yield return message.GetRawText();
                    }
                }
            }
        }
    }
}

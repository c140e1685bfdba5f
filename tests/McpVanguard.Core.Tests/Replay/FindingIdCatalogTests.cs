using System.Text.RegularExpressions;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;
using McpVanguard.Replay;

namespace McpVanguard.Tests.Replay;

/// <summary>
/// Every finding id the engine reports on the project's corpora is a rule in the catalog, so that `rules show` knows it
/// and a rules directory can turn it off: a new analyser id without a catalog entry fails here.
/// </summary>
public sealed class FindingIdCatalogTests
{
    [Theory]
    [InlineData(Profile.Balanced)]
    [InlineData(Profile.Strict)]
    public async Task Every_finding_id_on_the_corpora_is_a_catalog_rule(Profile profile)
    {
        var catalog = RuleLoader.Load(null).Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var files = Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.jsonl").Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "eval"), "*.jsonl"));
        using var runner = TestEngine.Replay(profile);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        foreach (var file in files.Order())
        {
            using var reader = File.OpenText(file);
            foreach (var c in ReplayReader.Read(reader))
            {
                foreach (var id in (await runner.RunAsync(c, TestContext.Current.CancellationToken)).Rules)
                {
                    if (seen.Add(id) && !catalog.Contains(id))
                    {
                        unknown.Add($"{id} (first in {Path.GetFileName(file)}: {c.Id})");
                    }
                }
            }
        }

        Assert.True(unknown.Count == 0, "finding ids with no rule in the catalog (add them to src/McpVanguard.Core/Rules/analyzers.yaml):" + Environment.NewLine + string.Join(Environment.NewLine, unknown));

        // The corpora exercise the analysers, not only the signatures: otherwise this test would prove little.
        var analysers = RuleLoader.Load(null).Where(r => r.Analyzer is not null).Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(seen.Count(analysers.Contains) >= 20, $"only {seen.Count(analysers.Contains)} analyser ids seen: {string.Join(", ", seen.Where(analysers.Contains))}");
    }

    /// <summary>Finds ids the corpora never trigger: every quoted rule id in the engine's source is in the catalog.</summary>
    [Fact]
    public void Every_rule_id_literal_in_the_source_is_a_catalog_rule()
    {
        var catalog = RuleLoader.Load(null).Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var literal = new Regex("\"(?<id>[A-Z]+-[0-9]{3})\"", RegexOptions.NonBacktracking);
        var unknown = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match m in literal.Matches(File.ReadAllText(file)))
            {
                // "XXX-000" is an inspector's own id (IInspector.Id, the `analyzer:` of its rules), never a finding.
                var id = m.Groups["id"].Value;
                if (!id.EndsWith("-000", StringComparison.Ordinal) && !catalog.Contains(id))
                {
                    unknown.Add($"{id} ({Path.GetRelativePath(RepositoryPaths.Root, file)})");
                }
            }
        }

        Assert.True(unknown.Count == 0, "rule ids in src/ with no rule in the catalog (add them to src/McpVanguard.Core/Rules/analyzers.yaml):" + Environment.NewLine + string.Join(Environment.NewLine, unknown));
    }

    /// <summary>
    /// The secret and injection rules are defined in C# next to their detectors; the catalog must say the same, except the
    /// category: the catalog's MCP-38 id is what findings report (FindingPolicy), the C# one is the detector's internal class.
    /// </summary>
    [Fact]
    public void Secret_and_injection_rules_match_their_catalog_entries()
    {
        var catalog = RuleLoader.Load(null).ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var defined = McpVanguard.Inspection.Secrets.SecretRules.All.Select(r => (r.Id, r.Title, r.Severity, r.Action, Analyzer: "SEC-000"))
            .Concat(McpVanguard.Inspection.Instructions.InjectionRules.All.Select(r => (r.Id, r.Title, r.Severity, r.Action, Analyzer: "INJ-000")));
        foreach (var rule in defined)
        {
            Assert.True(catalog.TryGetValue(rule.Id, out var entry), $"{rule.Id} is not in analyzers.yaml");
            Assert.Equal((rule.Title, rule.Severity, rule.Action, rule.Analyzer), (entry.Title, entry.Severity, entry.Action, entry.Analyzer));
        }
    }
}

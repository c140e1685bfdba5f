using McpVanguard.Inspection.Rules;
using McpVanguard.Replay;

namespace McpVanguard.Taxonomy;

/// <summary>Joins the 38 threats with the rule catalog (by category and secondary), the controls and, when given, replay results (by case category).</summary>
public static class TaxonomyReport
{
    /// <summary>One row per threat, in id order.</summary>
    /// <param name="results">Replayed corpus cases; attack cases count towards the recall of their primary category.</param>
    public static IReadOnlyList<TaxonomyRow> Build(IReadOnlyList<Rule> rules, IReadOnlyList<ReplayResult>? results = null)
    {
        var attacks = results?.Where(r => r.Case.ExpectBlock).GroupBy(r => r.Case.Category).ToDictionary(g => g.Key, g => new MeasuredRecall(g.Count(), g.Count(r => r.Blocked)));
        return Mcp38.Threats.Select(t =>
        {
            var coverage = ThreatCoverageCatalog.Of(t.Id);
            var primary = rules.Where(r => r.Category == t.Id).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            var secondary = rules.Where(r => r.Secondary == t.Id).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            return new TaxonomyRow(t, coverage.Status, primary, secondary, coverage.Controls, coverage.Note, attacks?.GetValueOrDefault(t.Id));
        }).ToList();
    }

    /// <summary>The status as written in reports.</summary>
    public static string Label(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "covered",
        CoverageStatus.Partial => "partial",
        CoverageStatus.NotApplicable => "not applicable to a proxy",
        _ => "gap",
    };
}

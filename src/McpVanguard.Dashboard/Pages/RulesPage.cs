using System.Text;
using McpVanguard.Dashboard.Audit;
using static McpVanguard.Dashboard.Pages.HtmlPage;

namespace McpVanguard.Dashboard.Pages;

/// <summary>The Rules page: every loaded rule (signatures and analyser finding ids) with its hit count in the log; each row is the anchor findings link to.</summary>
internal static class RulesPage
{
    public static string Render(IReadOnlyList<RuleInfo> rules, AuditAggregates aggregates, string csrf)
        => HtmlPage.Render("Rules", "/rules", csrf, $"<div data-live-fragment=\"/rules?fragment=1\">{Fragment(rules, aggregates)}</div>");

    public static string Fragment(IReadOnlyList<RuleInfo> rules, AuditAggregates aggregates)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">").Append(rules.Count).Append(" rules loaded (").Append(rules.Count(static r => !r.Enabled)).Append(" disabled). Hits count the records of the indexed log that name the rule.</p>");
        html.Append("<table id=\"rules\" class=\"rules\"><thead><tr><th>rule</th><th>hits</th><th>category</th><th>severity</th><th>action</th><th>kind</th><th>title</th></tr></thead><tbody>");
        foreach (var rule in rules.OrderByDescending(r => aggregates.Hits(r.Id)).ThenBy(static r => r.Id, StringComparer.Ordinal))
        {
            var hits = aggregates.Hits(rule.Id);
            html.Append("<tr id=\"").Append(E(rule.Id)).Append('"').Append(rule.Enabled ? string.Empty : " class=\"disabled\"").Append("><td><a href=\"/?rule=").Append(Uri.EscapeDataString(rule.Id)).Append("\">").Append(E(rule.Id)).Append("</a></td><td class=\"num hits\">")
                .Append(hits).Append("</td><td>").Append(E(rule.Category)).Append("</td><td>").Append(E(rule.Severity)).Append("</td><td>").Append(E(rule.Action))
                .Append("</td><td>").Append(E(rule.Kind)).Append("</td><td>").Append(E(rule.Title)).Append(rule.Enabled ? string.Empty : " <em>(disabled)</em>").Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}

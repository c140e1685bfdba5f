using System.Text;
using McpVanguard.Dashboard.Audit;
using static McpVanguard.Dashboard.Pages.HtmlPage;

namespace McpVanguard.Dashboard.Pages;

/// <summary>One record's detail: its rules (linked, with title and MCP-38 category), reason, inspection time and argument hash — never the arguments.</summary>
internal static class RecordDetail
{
    public static string Render(AuditSummary record, IReadOnlyDictionary<string, RuleInfo> rules)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"record-detail\" data-seq=\"").Append(record.Sequence).Append("\"><h2>").Append(Verdict(record.Verdict)).Append(' ')
            .Append(E(record.Method)).Append(' ').Append(E(record.Tool)).Append("</h2><dl>");
        Item(html, "time", Time(record.Time));
        Item(html, "server", record.Server);
        Item(html, "direction", record.Direction);
        Item(html, "session", record.Session);
        Item(html, "reason", record.Reason);
        Item(html, "inspection time", Duration(record.InspectMicroseconds));
        Item(html, "argument hash (SHA-256)", record.ArgumentsSha256 ?? "–");
        if (record.Suppressed is { } n)
        {
            Item(html, "records summarised", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        html.Append("</dl><h3>Rules</h3>");
        if (record.RuleIds.Count == 0)
        {
            html.Append("<p class=\"muted\">none</p>");
        }
        else
        {
            html.Append("<table class=\"rules\"><thead><tr><th>rule</th><th>category</th><th>severity</th><th>title</th></tr></thead><tbody>");
            foreach (var id in record.RuleIds)
            {
                var rule = rules.GetValueOrDefault(id);
                html.Append("<tr><td><a class=\"rule\" href=\"/rules#").Append(E(id)).Append("\">").Append(E(id)).Append("</a></td><td class=\"category\">")
                    .Append(E(rule?.Category ?? "?")).Append("</td><td>").Append(E(rule?.Severity ?? "?")).Append("</td><td>")
                    .Append(E(rule?.Title ?? "(not a loaded rule)")).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</div>").ToString();
    }

    private static void Item(StringBuilder html, string name, string? value)
        => html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value ?? "–")).Append("</dd>");
}

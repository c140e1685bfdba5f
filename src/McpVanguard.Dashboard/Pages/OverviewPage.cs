using System.Globalization;
using System.Text;
using McpVanguard.Dashboard.Audit;
using static McpVanguard.Dashboard.Pages.HtmlPage;

namespace McpVanguard.Dashboard.Pages;

/// <summary>
/// The Overview page: totals per verdict, a stacked chart of the last hour per minute (SVG drawn here, no chart library),
/// the top rules, servers and tools, sessions now and p50/p99 inspection time; and, with <c>--gateway</c>, the gateway's
/// live state. The script swaps in a fresh fragment when records arrive.
/// </summary>
internal static class OverviewPage
{
    /// <summary>Chart colours per verdict, in <see cref="AuditAggregates.Verdicts"/> order.</summary>
    private static readonly string[] Colours = ["#3a9d5d", "#c9a227", "#d9822b", "#8e6cc0", "#4f7fb8", "#c0392b", "#888888"];

    public static string Render(AuditOverview overview, string? gatewayHtml, string csrf)
        => HtmlPage.Render("Overview", "/overview", csrf, $"<div data-live-fragment=\"/overview?fragment=1\">{Fragment(overview, gatewayHtml)}</div>");

    public static string Fragment(AuditOverview overview, string? gatewayHtml)
    {
        var html = new StringBuilder();
        html.Append("<section class=\"cards\">");
        Card(html, "records", overview.Records.ToString(CultureInfo.InvariantCulture), "records");
        foreach (var (verdict, count) in overview.ByVerdict.Where(static kv => kv.Value > 0))
        {
            Card(html, verdict, count.ToString(CultureInfo.InvariantCulture), "verdict-" + verdict);
        }

        Card(html, "sessions now", overview.SessionsNow.ToString(CultureInfo.InvariantCulture), "sessions-now");
        Card(html, "p50 inspection", Duration(overview.P50Microseconds), "p50");
        Card(html, "p99 inspection", Duration(overview.P99Microseconds), "p99");
        html.Append("</section>");

        html.Append("<h2>Decisions per minute (last hour of the log)</h2>");
        Chart(html, overview.Timeline);
        html.Append("<div class=\"tops\">");
        Top(html, "Top rules", overview.TopRules, static key => $"<a class=\"rule\" href=\"/rules#{E(key)}\">{E(key)}</a>");
        Top(html, "Top servers", overview.TopServers, static key => $"<a href=\"/?server={Uri.EscapeDataString(key)}\">{E(key)}</a>");
        Top(html, "Top tools", overview.TopTools, static key => $"<a href=\"/?tool={Uri.EscapeDataString(key)}\">{E(key)}</a>");
        html.Append("</div>");
        if (gatewayHtml is not null)
        {
            html.Append(gatewayHtml);
        }

        return html.ToString();
    }

    private static void Card(StringBuilder html, string label, string value, string id)
        => html.Append("<div class=\"card\" id=\"card-").Append(E(id)).Append("\"><div class=\"value\">").Append(E(value)).Append("</div><div class=\"label\">").Append(E(label)).Append("</div></div>");

    private static void Top(StringBuilder html, string title, IReadOnlyList<KeyValuePair<string, long>> rows, Func<string, string> link)
    {
        html.Append("<section><h2>").Append(E(title)).Append("</h2><table><tbody>");
        foreach (var (key, count) in rows)
        {
            html.Append("<tr><td>").Append(key == BoundedCounter.Other ? E(key) : link(key)).Append("</td><td class=\"num\">").Append(count).Append("</td></tr>");
        }

        html.Append(rows.Count == 0 ? "<tr><td class=\"muted\">none yet</td></tr>" : string.Empty).Append("</tbody></table></section>");
    }

    private static void Chart(StringBuilder html, IReadOnlyList<(DateTimeOffset Minute, long[] Counts)> timeline)
    {
        const int width = 720, height = 160, left = 40;
        if (timeline.Count == 0)
        {
            html.Append("<p class=\"muted\">No records yet.</p>");
            return;
        }

        var max = Math.Max(1, timeline.Max(static t => t.Counts.Sum()));
        var bar = (double)(width - left) / timeline.Count;
        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart\" class=\"chart\" viewBox=\"0 0 {width} {height + 20}\" role=\"img\" aria-label=\"decisions per minute by verdict\">")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"12\" class=\"axis\">{max}</text><text x=\"0\" y=\"{height}\" class=\"axis\">0</text>");
        for (var i = 0; i < timeline.Count; i++)
        {
            var (minute, counts) = timeline[i];
            double y = height;
            for (var v = 0; v < counts.Length; v++)
            {
                if (counts[v] == 0)
                {
                    continue;
                }

                var h = counts[v] * (double)height / max;
                y -= h;
                html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + (i * bar):0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, bar - 1):0.#}\" height=\"{h:0.#}\" fill=\"{Colours[v]}\"><title>{minute:HH:mm} {AuditAggregates.Verdicts[v]}: {counts[v]}</title></rect>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height + 16}\" class=\"axis\">{timeline[0].Minute:HH:mm}Z</text><text x=\"{width - 40}\" y=\"{height + 16}\" class=\"axis\">{timeline[^1].Minute:HH:mm}Z</text></svg>");
        html.Append("<p class=\"legend\">");
        for (var v = 0; v < AuditAggregates.Verdicts.Length; v++)
        {
            html.Append("<span class=\"verdict v-").Append(AuditAggregates.Verdicts[v]).Append("\">").Append(AuditAggregates.Verdicts[v]).Append("</span> ");
        }

        html.Append("</p>");
    }
}

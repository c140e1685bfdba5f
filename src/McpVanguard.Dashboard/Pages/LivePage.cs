using System.Text;
using McpVanguard.Dashboard.Audit;
using static McpVanguard.Dashboard.Pages.HtmlPage;

namespace McpVanguard.Dashboard.Pages;

/// <summary>
/// The Live page: the newest decisions (one page read from disk), filters, older pages by link, and a detail pane. New
/// records arrive by server-sent events; the script adds those that match the filters at the top.
/// </summary>
internal static class LivePage
{
    public const int PageSize = 50;

    public static string Render(AuditIndex index, AuditQuery query, long? before, string csrf)
    {
        var (records, next) = index.Page(query, before, PageSize);
        var body = new StringBuilder();
        body.Append("<form id=\"filters\" class=\"filters\" method=\"get\" action=\"/\">")
            .Append("<label>verdict <select name=\"verdict\"><option value=\"\">any</option>");
        foreach (var verdict in AuditAggregates.Verdicts[..^1])
        {
            body.Append("<option").Append(string.Equals(query.Verdict, verdict, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty).Append('>').Append(E(verdict)).Append("</option>");
        }

        body.Append("</select></label>");
        Field(body, "server", query.Server);
        Field(body, "rule", query.Rule);
        Field(body, "tool", query.Tool);
        Field(body, "session", query.Session);
        body.Append("<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>");

        var (count, _) = index.Size;
        body.Append("<p class=\"muted\">").Append(count).Append(" records indexed").Append(before is null ? "; new ones appear at the top as they are written." : "; an older page.").Append("</p>");
        body.Append("<div class=\"split\"><table id=\"records\" class=\"records\"><thead><tr><th>time</th><th>verdict</th><th>server</th><th>method</th><th>tool</th><th>rules</th><th>session</th><th>inspect</th></tr></thead><tbody")
            .Append(before is null ? " data-live=\"1\"" : string.Empty).Append('>');
        foreach (var record in records)
        {
            Row(body, record);
        }

        body.Append("</tbody></table><aside id=\"detail\" class=\"detail\"><p class=\"muted\">Click a record for its detail.</p></aside></div>");
        if (records.Count == 0)
        {
            body.Append("<p id=\"empty\" class=\"muted\">No records match.</p>");
        }

        if (next is { } older)
        {
            body.Append("<p><a id=\"older\" href=\"/?").Append(QueryString(query)).Append("before=").Append(older).Append("\">Older records →</a></p>");
        }

        return HtmlPage.Render("Live", "/", csrf, body.ToString());
    }

    /// <summary>One record as a table row; the script builds the same row for records that arrive live.</summary>
    public static void Row(StringBuilder body, AuditSummary record)
    {
        body.Append("<tr class=\"record v-").Append(E(record.Verdict)).Append("\" data-seq=\"").Append(record.Sequence).Append("\"><td>").Append(E(Time(record.Time)))
            .Append("</td><td>").Append(Verdict(record.Verdict)).Append(record.Suppressed is { } n ? $" ×{n}" : string.Empty)
            .Append("</td><td>").Append(E(record.Server)).Append("</td><td>").Append(E(record.Method)).Append("</td><td>").Append(E(record.Tool)).Append("</td><td>");
        foreach (var rule in record.RuleIds)
        {
            body.Append("<a class=\"rule\" href=\"/rules#").Append(E(rule)).Append("\">").Append(E(rule)).Append("</a> ");
        }

        body.Append("</td><td class=\"session\">").Append(E(record.Session)).Append("</td><td>").Append(E(Duration(record.InspectMicroseconds))).Append("</td></tr>");
    }

    private static void Field(StringBuilder body, string name, string? value)
        => body.Append("<label>").Append(name).Append(" <input name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\" size=\"12\"></label>");

    private static string QueryString(AuditQuery query)
    {
        var parts = new StringBuilder();
        foreach (var (name, value) in new[] { ("verdict", query.Verdict), ("server", query.Server), ("rule", query.Rule), ("tool", query.Tool), ("session", query.Session) })
        {
            if (value is not null)
            {
                parts.Append(name).Append('=').Append(Uri.EscapeDataString(value)).Append("&amp;");
            }
        }

        return parts.ToString();
    }
}

using System.Text;
using McpVanguard.Integrity;
using static McpVanguard.Dashboard.Pages.HtmlPage;

namespace McpVanguard.Dashboard.Pages;

/// <summary>
/// The Servers and tools page, from the pin file: each server's pinned items with their status, the quarantined ones
/// (changed or new definitions refused until approved), and each pending change as a side-by-side diff with an Approve
/// button (the same operation as <c>vanguard pins approve</c>).
/// </summary>
internal static class ServersPage
{
    public static string Render(PinFile pins, string? pinsPath, string csrf, string? notice)
        => HtmlPage.Render("Servers and tools", "/servers", csrf, (notice is null ? string.Empty : $"<p id=\"notice\" class=\"notice\">{E(notice)}</p>") + $"<div data-live-fragment=\"/servers?fragment=1\">{Fragment(pins, pinsPath, csrf)}</div>");

    public static string Fragment(PinFile pins, string? pinsPath, string csrf)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">Pin file: ").Append(E(pinsPath)).Append(". ").Append(pins.Servers.Count).Append(" servers.</p>");
        var quarantined = pins.Servers.SelectMany(s => Items(s.Value).Where(static i => i.Pending is { Change: PinChange.Changed or PinChange.Added }).Select(i => (Server: s.Key, Item: i))).ToList();
        html.Append("<h2>Quarantined</h2>");
        if (quarantined.Count == 0)
        {
            html.Append("<p class=\"muted\">Nothing is quarantined.</p>");
        }
        else
        {
            html.Append("<ul id=\"quarantined\">");
            foreach (var (server, item) in quarantined)
            {
                html.Append("<li>").Append(E(PinStore.Label(item.Kind))).Append(" <strong>").Append(E(item.Name)).Append("</strong> of ").Append(E(Short(server)))
                    .Append(" — ").Append(E(item.Pending!.Change == PinChange.Added ? "new, not approved" : "changed since pinned")).Append(": every call is refused until approved</li>");
            }

            html.Append("</ul>");
        }

        foreach (var (identity, server) in pins.Servers.OrderBy(static s => s.Key, StringComparer.Ordinal))
        {
            html.Append("<section class=\"server\"><h2>").Append(E(server.ServerName ?? Short(identity))).Append(" <span class=\"muted\">server id ").Append(E(server.ServerId ?? "-"))
                .Append(", last seen ").Append(E(Time(server.LastSeen))).Append("</span></h2><p class=\"muted identity\">").Append(E(identity)).Append("</p>");
            html.Append("<table class=\"pins\"><thead><tr><th>kind</th><th>name</th><th>status</th><th>sha256</th><th>pinned</th></tr></thead><tbody>");
            foreach (var item in Items(server))
            {
                var status = item.Pending?.Change switch
                {
                    PinChange.Changed => "quarantined: changed",
                    PinChange.Added => "quarantined: new",
                    PinChange.Removed => "removed (pending)",
                    _ => "pinned",
                };
                html.Append("<tr class=\"pin\" data-name=\"").Append(E(item.Name)).Append("\" data-status=\"").Append(E(status)).Append("\"><td>").Append(E(PinStore.Label(item.Kind))).Append("</td><td>").Append(E(item.Name))
                    .Append("</td><td class=\"status\">").Append(E(status)).Append("</td><td><code>").Append(E(item.Pin?.Sha256[..12] ?? "-")).Append("</code></td><td>")
                    .Append(E(item.Pin is null ? "-" : Time(item.Pin.Pinned))).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            foreach (var item in Items(server).Where(static i => i.Pending is not null))
            {
                Drift(html, identity, item, csrf);
            }

            html.Append("</section>");
        }

        return html.ToString();
    }

    private static void Drift(StringBuilder html, string identity, PinItem item, string csrf)
    {
        var change = item.Pending!;
        html.Append("<div class=\"drift\" data-name=\"").Append(E(item.Name)).Append("\"><h3>").Append(E(PinStore.Label(item.Kind))).Append(' ').Append(E(item.Name)).Append(": ")
            .Append(E(change.Change.ToString().ToLowerInvariant())).Append(" <span class=\"muted\">first seen ").Append(E(Time(change.FirstSeen))).Append("</span></h3>");
        if (change.Change == PinChange.Changed && (item.Pin?.Definition is null || change.Definition is null))
        {
            html.Append("<p class=\"muted\">The definition is too large to keep: only the fingerprints differ.</p>");
        }

        // Side by side: the pinned definition on the left, the observed one on the right, aligned by the line diff.
        html.Append("<table class=\"diff\"><thead><tr><th>pinned</th><th>observed</th></tr></thead><tbody>");
        foreach (var line in DefinitionDiff.Compare(item.Pin?.Definition, change.Definition))
        {
            var (left, right, kind) = line.Kind switch
            {
                '-' => (line.Text, string.Empty, "del"),
                '+' => (string.Empty, line.Text, "add"),
                _ => (line.Text, line.Text, "same"),
            };
            html.Append("<tr class=\"").Append(kind).Append("\"><td><pre>").Append(E(left)).Append("</pre></td><td><pre>").Append(E(right)).Append("</pre></td></tr>");
        }

        html.Append("</tbody></table><form method=\"post\" action=\"/servers/approve\" class=\"approve\">")
            .Append("<input type=\"hidden\" name=\"csrf\" value=\"").Append(E(csrf)).Append("\">")
            .Append("<input type=\"hidden\" name=\"server\" value=\"").Append(E(identity)).Append("\">")
            .Append("<input type=\"hidden\" name=\"kind\" value=\"").Append(E(PinStore.Label(item.Kind))).Append("\">")
            .Append("<input type=\"hidden\" name=\"name\" value=\"").Append(E(item.Name)).Append("\">")
            .Append("<button type=\"submit\" class=\"approve-button\">Approve ").Append(E(item.Name)).Append("</button></form></div>");
    }

    /// <summary>A server identity (a command line or URL) shortened for a heading.</summary>
    private static string Short(string identity) => identity.Length > 80 ? identity[..77] + "…" : identity;

    private static IEnumerable<PinItem> Items(PinnedServer server)
    {
        foreach (var list in PinnedList.All)
        {
            if (server.Of(list.Kind) is not var (pins, pending))
            {
                continue;
            }

            foreach (var name in pins.Keys.Union(pending.Keys).Order(StringComparer.Ordinal))
            {
                yield return new PinItem(list.Kind, name, pins.GetValueOrDefault(name), pending.GetValueOrDefault(name));
            }
        }
    }

    private sealed record PinItem(PinKind Kind, string Name, PinnedTool? Pin, PendingChange? Pending);
}

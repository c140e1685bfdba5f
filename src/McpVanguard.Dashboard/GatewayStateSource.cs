using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpVanguard.Dashboard.Pages;

namespace McpVanguard.Dashboard;

/// <summary>
/// Reads a running gateway's <c>/admin/state</c> (sessions now, upstream children, pending approvals) with its admin key,
/// for the Overview. A gateway that does not answer is shown as such; it never breaks the page.
/// </summary>
internal sealed class GatewayStateSource(GatewayConnection connection)
{

    /// <summary>A slow gateway must not hold the Overview: its state is shown as unavailable after this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    private readonly HttpClient _http = new() { BaseAddress = connection.BaseAddress, Timeout = Patience };

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var html = new StringBuilder("<section id=\"gateway\"><h2>Gateway ").Append(HtmlPage.E(connection.BaseAddress.ToString())).Append("</h2>");
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "admin/state");
            request.Headers.Add(McpVanguard.Gateway.Auth.GatewayAuthOptionsReader.AdminKeyHeader, connection.AdminKey);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return html.Append("<p class=\"notice\">The gateway refused the state request (HTTP ").Append((int)response.StatusCode).Append("): check the admin key.</p></section>").ToString();
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            html.Append("<table class=\"gateway-state\"><tbody>");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                html.Append("<tr><th>").Append(HtmlPage.E(property.Name.Replace('_', ' '))).Append("</th><td data-key=\"").Append(HtmlPage.E(property.Name)).Append("\">").Append(Value(property.Value)).Append("</td></tr>");
            }

            return html.Append("</tbody></table></section>").ToString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return html.Append("<p class=\"notice\">The gateway is not answering (").Append(HtmlPage.E(ex.GetType().Name)).Append(").</p></section>").ToString();
        }
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "<ul>" + string.Concat(value.EnumerateArray().Select(static item => "<li>" + Value(item) + "</li>")) + "</ul>",
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(static p => HtmlPage.E(p.Name.Replace('_', ' ')) + ": " + Value(p.Value))),
        JsonValueKind.String => HtmlPage.E(value.GetString()),
        _ => HtmlPage.E(value.GetRawText()),
    };
}

using System.Text;
using System.Text.Encodings.Web;

namespace McpVanguard.Dashboard.Pages;

/// <summary>The frame every page shares (navigation, style sheet, script, CSRF token) and the one HTML encoder all text goes through.</summary>
internal static class HtmlPage
{
    private static readonly (string Path, string Label)[] Navigation = [("/", "Live"), ("/overview", "Overview"), ("/servers", "Servers and tools"), ("/rules", "Rules")];

    /// <summary>Encodes text from the log, the pins or the rules (all of it chosen by agents, servers or users) for HTML.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string Render(string title, string path, string csrf, string body)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<meta name=\"csrf\" content=\"").Append(E(csrf)).Append("\">")
            .Append("<title>").Append(E(title)).Append(" · vanguard</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"><script src=\"/assets/dashboard.js\" defer></script></head><body>")
            .Append("<header><span class=\"brand\">McpVanguard</span><nav>");
        foreach (var (href, label) in Navigation)
        {
            html.Append("<a href=\"").Append(href).Append('"').Append(href == path ? " class=\"active\" aria-current=\"page\"" : string.Empty).Append('>').Append(E(label)).Append("</a>");
        }

        html.Append("</nav><span id=\"live-status\" class=\"status\" title=\"live updates\">connecting…</span></header><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>A verdict as a coloured badge.</summary>
    public static string Verdict(string verdict) => $"<span class=\"verdict v-{E(verdict)}\">{E(verdict)}</span>";

    /// <summary>Microseconds as people read them (µs below a millisecond, ms above).</summary>
    public static string Duration(double? microseconds) => microseconds switch
    {
        null => "–",
        < 1000 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{microseconds:0.#} µs"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{microseconds / 1000:0.##} ms"),
    };

    public static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "–";
}

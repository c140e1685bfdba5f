using McpVanguard.Integrity;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using OpenQA.Selenium;
using static McpVanguard.EndToEnd.Dashboard.HeadlessChromium;

namespace McpVanguard.EndToEnd.Dashboard;

/// <summary>
/// <c>vanguard ui</c> in a real browser (Debian's headless Chromium through Selenium) over the audit log and pins of a real
/// <c>vanguard start</c> session (the official C# SDK client, the malicious test server): a block appears live, filters
/// and the detail work, a drifted tool is approved and its pin changes.
/// </summary>
[Trait("needs", "browser")]
public sealed class DashboardBrowserTests : IDisposable
{
    private readonly TemporaryFolder _state = new("vanguard-e2e-ui-");

    public void Dispose() => _state.Dispose();

    private string AuditLog => _state.File("audit.jsonl");

    private string PinsFile => _state.File("pins.json");

    [Fact(Timeout = 150_000)]
    public async Task ALiveBlockFiltersTheDetailAndApprovingDriftInARealBrowser()
    {
        Require();
        var token = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync(token);
        var listChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            listChanged.TrySetResult();
            return ValueTask.CompletedTask;
        });
        await client.ListToolsAsync(cancellationToken: token);

        await using var ui = await DashboardProcess.StartAsync(AuditLog, PinsFile, token);
        using var driver = Start();
        driver.Navigate().GoToUrl(ui.SignInUrl);

        // The token became a cookie and left the address bar; the Live page is connected to its event stream.
        Assert.DoesNotContain("token=", driver.Url, StringComparison.Ordinal);
        Assert.Equal("Live", driver.FindElement(By.TagName("h1")).Text);
        await UntilAsync(() => driver.FindElement(By.Id("live-status")).Text == "live" ? "live" : null, "the live status", token);
        var js = (IJavaScriptExecutor)driver;
        js.ExecuteScript("window.vanguardTestMarker = 'same page';");

        // A blocked call through the real vanguard start shows up at the top, without a reload.
        var refusal = await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("fetch_weather", FilesystemServerTests.Args(("city", "Paris-secret-argument")), cancellationToken: token));
        var row = await UntilAsync(() => driver.FindElements(By.CssSelector("tbody[data-live] tr.record.v-block")).FirstOrDefault(r => r.Text.Contains("fetch_weather", StringComparison.Ordinal)), "a live block row", token);
        Assert.Equal("same page", js.ExecuteScript("return window.vanguardTestMarker;"));
        Screenshot(driver, "dashboard-live");

        // Its detail: the rules (linked), the reason, the argument hash; never the arguments.
        row.FindElement(By.CssSelector("td")).Click();
        var detail = await UntilAsync(() => driver.FindElements(By.CssSelector("#detail .record-detail")).FirstOrDefault(), "the record detail", token);
        Assert.Contains("argument hash", detail.Text, StringComparison.Ordinal);
        Assert.Matches("[0-9a-f]{64}", detail.Text);
        Assert.DoesNotContain("Paris-secret-argument", driver.PageSource, StringComparison.Ordinal);
        var ruleId = refusal.RuleIds[0];
        Assert.Contains(ruleId, detail.FindElements(By.CssSelector("a.rule")).Select(static a => a.Text));
        Assert.Matches("MCP-[0-9]{2}", detail.FindElement(By.CssSelector("td.category")).Text);
        Screenshot(driver, "dashboard-detail");

        // Every finding links to its rule, which shows its hits.
        detail.FindElements(By.CssSelector("a.rule")).First(a => a.Text == ruleId).Click();
        var ruleRow = await UntilAsync(() => driver.FindElements(By.Id(ruleId)).FirstOrDefault(), "the rule's row", token);
        Assert.EndsWith("/rules#" + ruleId, driver.Url, StringComparison.Ordinal);
        Assert.True(long.Parse(ruleRow.FindElement(By.CssSelector("td.hits")).Text, System.Globalization.CultureInfo.InvariantCulture) >= 1, ruleRow.Text);

        // Filters: verdict block keeps only blocks; a tool that was never blocked leaves none.
        driver.Navigate().GoToUrl(ui.BaseAddress);
        driver.FindElement(By.XPath("//select[@name='verdict']/option[.='block']")).Click();
        driver.FindElement(By.CssSelector("#filters button")).Click();
        await UntilAsync(() => driver.Url.Contains("verdict=block", StringComparison.Ordinal) ? driver.Url : null, "the filtered page", token);
        var rows = driver.FindElements(By.CssSelector("#records tr.record"));
        Assert.NotEmpty(rows);
        Assert.All(rows, static r => Assert.Contains("v-block", r.GetAttribute("class"), StringComparison.Ordinal));
        driver.Navigate().GoToUrl(new Uri(ui.BaseAddress, "/?verdict=block&tool=add"));
        Assert.Empty(driver.FindElements(By.CssSelector("#records tr.record")));

        // A rug pull: daily_fact changes after its first call; the drift waits on the Servers page with its diff.
        await client.CallToolAsync("daily_fact", cancellationToken: token);
        await listChanged.Task.WaitAsync(TestEnvironment.Patience, token);
        await client.ListToolsAsync(cancellationToken: token);

        // The pin file is written in the background (PinStore): the page shows the file, so load it once the change is there.
        await UntilAsync(() => PinStore.ReadFile(PinsFile).Servers.Values.FirstOrDefault(static s => s.Pending.ContainsKey("daily_fact")), "the pending change in the pin file", token);
        driver.Navigate().GoToUrl(new Uri(ui.BaseAddress, "/servers"));
        var drift = await UntilAsync(() => driver.FindElements(By.CssSelector("div.drift[data-name='daily_fact']")).FirstOrDefault(), "the daily_fact drift", token);
        Assert.Contains("attacker@example.com", drift.FindElement(By.CssSelector("table.diff")).Text, StringComparison.Ordinal);
        Assert.Equal("quarantined: changed", driver.FindElement(By.CssSelector("tr.pin[data-name='daily_fact']")).GetAttribute("data-status"));
        // The status cell is read on white: the header's pale live-status style must not reach it.
        var cell = driver.FindElement(By.CssSelector("tr.pin[data-name='daily_fact'] td.status"));
        Assert.Equal("quarantined: changed", cell.Text);
        Assert.NotEqual(driver.FindElement(By.Id("live-status")).GetCssValue("color"), cell.GetCssValue("color"));
        Screenshot(driver, "dashboard-servers");

        // Approve: the same operation as `vanguard pins approve`; the pin changes on disk and the approval is audited.
        drift.FindElement(By.CssSelector("button.approve-button")).Click();
        var notice = await UntilAsync(() => driver.FindElements(By.Id("notice")).FirstOrDefault(), "the approval notice", token);
        Assert.Contains("daily_fact", notice.Text, StringComparison.Ordinal);
        Assert.Equal("pinned", driver.FindElement(By.CssSelector("tr.pin[data-name='daily_fact']")).GetAttribute("data-status"));
        Assert.Empty(driver.FindElements(By.CssSelector("div.drift[data-name='daily_fact']")));
        var server = Assert.Single(PinStore.ReadFile(PinsFile).Servers.Values, static s => s.Tools.ContainsKey("daily_fact"));
        Assert.False(server.Pending.ContainsKey("daily_fact"));
        await UntilAsync(() => File.ReadLines(AuditLog).FirstOrDefault(static l => l.Contains("\"pins/approve\"", StringComparison.Ordinal) && l.Contains("daily_fact", StringComparison.Ordinal)), "the audited approval", token);

        // The Overview counts what happened and keeps up with new records.
        driver.Navigate().GoToUrl(new Uri(ui.BaseAddress, "/overview"));
        Assert.Equal("Overview", driver.FindElement(By.TagName("h1")).Text);
        var blocks = long.Parse(driver.FindElement(By.CssSelector("#card-verdict-block .value")).Text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(blocks >= 1);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#chart rect")));
        await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("fetch_weather", FilesystemServerTests.Args(("city", "Rome")), cancellationToken: token));
        await UntilAsync(() => long.Parse(driver.FindElement(By.CssSelector("#card-verdict-block .value")).Text, System.Globalization.CultureInfo.InvariantCulture) > blocks ? "more" : null, "the block count to grow without a reload", token, () => driver.PageSource[..Math.Min(2500, driver.PageSource.Length)] + "\nlog:\n" + string.Join("\n", File.ReadLines(AuditLog).TakeLast(5)));
        Screenshot(driver, "dashboard-overview");
        driver.Navigate().GoToUrl(new Uri(ui.BaseAddress, "/rules"));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("#rules tbody tr")));
        Screenshot(driver, "dashboard-rules");
    }

    [Fact(Timeout = 90_000)]
    public async Task RequestsWithoutTheTokenFromAForeignOriginOrHostOrWithoutCsrfAreRefused()
    {
        var token = TestContext.Current.CancellationToken;
        await using var ui = await DashboardProcess.StartAsync(AuditLog, PinsFile, token);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = ui.BaseAddress };

        // No token, no cookie: refused.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/", token)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/events", token)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync("/?token=wrong", token)).StatusCode);

        // The token is exchanged for an HttpOnly, SameSite=Strict cookie.
        using var signIn = await http.GetAsync(ui.SignInUrl.PathAndQuery, token);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var cookieHeader = cookie.Split(';')[0];

        async Task<System.Net.HttpStatusCode> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? adjust = null, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Add("Cookie", cookieHeader);
            adjust?.Invoke(request);
            using var response = await http.SendAsync(request, token);
            return response.StatusCode;
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/"));

        // DNS rebinding: a foreign Host (even with the cookie) is refused; so is a foreign Origin.
        Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, await SendAsync(HttpMethod.Get, "/", r => r.Headers.Host = "attacker.example:" + ui.BaseAddress.Port));
        Assert.Equal(System.Net.HttpStatusCode.MisdirectedRequest, await SendAsync(HttpMethod.Get, "/", r => r.Headers.Host = "127.0.0.1:1"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/overview", r => r.Headers.Add("Origin", "http://attacker.example")));

        // A POST needs the page's CSRF token and its own Origin.
        var form = () => new FormUrlEncodedContent(new Dictionary<string, string> { ["server"] = "x", ["kind"] = "tool", ["name"] = "y" });
        var own = ui.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Post, "/servers/approve", r => r.Headers.Add("Origin", own), form()));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Post, "/servers/approve", r => r.Headers.Add("X-Vanguard-Csrf", "wrong"), form()));

        // In the browser too: without the token the page says how to sign in and shows nothing else.
        Require();
        using var driver = Start();
        driver.Navigate().GoToUrl(ui.BaseAddress);
        Assert.Contains("Not signed in", driver.PageSource, StringComparison.Ordinal);
        Assert.Empty(driver.FindElements(By.Id("records")));
    }

    private async Task<McpClient> ConnectAsync(CancellationToken token)
    {
        var transport = TestEnvironment.VanguardTransport(["--profile", "balanced", "--pins-file", PinsFile, "--audit-log", AuditLog], MaliciousServerTests.MaliciousServer);
        return await McpClient.CreateAsync(transport, cancellationToken: token);
    }
}

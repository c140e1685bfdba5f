using System.Diagnostics;
using System.Net;
using System.Text.Json;
using McpVanguard.Testing;

namespace McpVanguard.EndToEnd.Dashboard;

/// <summary>
/// The real <c>vanguard serve</c> with <c>VANGUARD_ADMIN_KEY</c>: <c>/admin/state</c> answers only to that key (not to a
/// client's API key, not without one), and the real <c>vanguard ui --gateway</c> shows the state on its Overview.
/// </summary>
[Trait("needs", "relay")]
public sealed class GatewayAdminStateTests : IDisposable
{
    private const string AdminKey = "admin-key-for-the-e2e-test-0123456789";
    private const string ClientKey = "client-key-for-the-e2e-test-0123456789";
    private readonly TemporaryFolder _state = new("vanguard-e2e-admin-");

    public void Dispose() => _state.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task AdminStateAnswersOnlyToTheAdminKeyAndTheDashboardShowsIt()
    {
        var token = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in TestEnvironment.VanguardArguments("serve", "--port", "0", "--audit-log", _state.File("audit.jsonl"), "--pins-file", _state.File("pins.json"), "--server", string.Join(' ', MaliciousServerTests.MaliciousServer)))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["VANGUARD_ADMIN_KEY"] = AdminKey;
        info.Environment["VANGUARD_API_KEY"] = ClientKey;
        using var serve = Process.Start(info)!;
        try
        {
            var mcp = new Uri(await ServeListeningUrl.ReadAsync(serve, token));
            var gateway = new Uri(mcp.GetLeftPart(UriPartial.Authority) + "/");
            using var http = new HttpClient { BaseAddress = gateway };

            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/admin/state", token)).StatusCode);
            using var asClient = new HttpRequestMessage(HttpMethod.Get, "/admin/state");
            asClient.Headers.Add("X-Vanguard-Admin-Key", ClientKey);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(asClient, token)).StatusCode);
            using var asAdmin = new HttpRequestMessage(HttpMethod.Get, "/admin/state");
            asAdmin.Headers.Add("X-Vanguard-Admin-Key", AdminKey);
            using var answer = await http.SendAsync(asAdmin, token);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var state = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(token)).RootElement;
            Assert.Equal(0, state.GetProperty("sessions").GetInt32());
            var upstream = Assert.Single(state.GetProperty("upstreams").EnumerateArray());
            Assert.Equal("stdio", upstream.GetProperty("kind").GetString());
            Assert.Equal(0, state.GetProperty("pending_approvals").GetInt32());

            // The dashboard pointed at it shows the same state on its Overview.
            await using var ui = await DashboardProcess.StartAsync(_state.File("audit.jsonl"), _state.File("pins.json"), token, new Dictionary<string, string> { ["VANGUARD_ADMIN_KEY"] = AdminKey }, "--gateway", gateway.ToString());
            using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
            using var browser = new HttpClient(handler) { BaseAddress = ui.BaseAddress };
            var overview = await browser.GetStringAsync(ui.SignInUrl.PathAndQuery.Replace("/?", "/overview?", StringComparison.Ordinal), token);
            Assert.Contains("class=\"gateway-state\"", overview, StringComparison.Ordinal);
            Assert.Contains("data-key=\"pending_approvals\">0<", overview, StringComparison.Ordinal);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task TheDashboardRefusesAGatewayWithoutTheAdminKey()
    {
        var run = await VanguardRun.RunAsync(["ui", "--port", "0", "--no-browser", "--audit-log", _state.File("audit.jsonl"), "--gateway", "http://127.0.0.1:9"], TestContext.Current.CancellationToken, new Dictionary<string, string?> { ["VANGUARD_ADMIN_KEY"] = null });
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("VANGUARD_ADMIN_KEY", run.Stderr, StringComparison.Ordinal);
    }
}

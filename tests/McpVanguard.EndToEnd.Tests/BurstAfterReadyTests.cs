using System.Diagnostics;
using System.Text;
using McpVanguard.Testing;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The first minute of a gateway: as soon as <c>/readyz</c> answers 200, twenty agents connect at once to the real
/// <c>vanguard serve</c> (a server-everything child each) and send a large ordinary message. Every session must
/// initialize and every call must be answered: start-up, JIT, regex construction and CPU contention are not the
/// inspector's cost, so none of them may fail a message closed (VG-002).
/// </summary>
public sealed class BurstAfterReadyTests : IDisposable
{
    private const int Agents = 20;

    private readonly TemporaryFolder _state = new("vanguard-e2e-burst-");

    public void Dispose() => _state.Dispose();

    [Fact(Timeout = 300_000)]
    public async Task TwentyAgentsRightAfterReadyAllInitializeAndGetAnswers()
    {
        TestEnvironment.RequireNodePackages();
        var token = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        IReadOnlyList<string> arguments = TestEnvironment.VanguardArguments(
        [
            "serve", "--port", "0", "--profile", "balanced",
            "--pins-file", _state.File("pins.json"), "--audit-log", _state.File("audit.jsonl"),
            "--server", $"node \"{TestEnvironment.EverythingServer}\" stdio",
        ]);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var vanguard = Process.Start(info)!;
        try
        {
            var url = await ServeListeningUrl.ReadAsync(vanguard, token);
            using var http = new HttpClient();
            var ready = new Uri(new Uri(url), "/readyz");
            while ((await http.GetAsync(ready, token)).StatusCode != System.Net.HttpStatusCode.OK)
            {
                await Task.Delay(50, token);
            }

            // About 800 KB of everyday source text per call, in one string.
            var message = Text(800 * 1024);
            var sessions = Enumerable.Range(0, Agents).Select(async i =>
            {
                await using var client = await McpClient.CreateAsync(
                    new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }),
                    cancellationToken: token);
                var answer = FilesystemServerTests.Text(await client.CallToolAsync("echo", FilesystemServerTests.Args(("message", message)), cancellationToken: token));
                return answer.Length >= message.Length;
            });

            var results = await Task.WhenAll(sessions);

            Assert.All(results, Assert.True);
            // Allowed calls are not audited by default: a log, if any, holds only refusals, and none may be a budget refusal.
            var audit = _state.File("audit.jsonl");
            Assert.DoesNotContain("VG-002", File.Exists(audit) ? File.ReadAllText(audit) : string.Empty, StringComparison.Ordinal);
        }
        finally
        {
            if (!vanguard.HasExited)
            {
                vanguard.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Text(int length)
    {
        string[] lines =
        [
            "export function renderInvoice(invoice: Invoice, locale = 'en-GB'): string {",
            "  // Totals are computed in minor units to avoid rounding drift.",
            "  const total = invoice.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);",
            "  return templates.get('invoice').render({ invoice, total, locale });",
            "}",
        ];
        var sb = new StringBuilder(length + 128);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(lines[i % lines.Length]).Append('\n');
        }

        return sb.ToString(0, length);
    }
}

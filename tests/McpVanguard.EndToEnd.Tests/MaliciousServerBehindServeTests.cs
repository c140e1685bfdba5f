using System.Diagnostics;
using McpVanguard.Testing;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The malicious C# SDK server behind the real <c>vanguard serve</c> process (a stdio child per session), reached by the
/// official C# client over Streamable HTTP: the server→agent checks are the same as behind <c>vanguard start</c>.
/// </summary>
public sealed class MaliciousServerBehindServeTests : IDisposable
{
    private readonly TemporaryFolder _state = new("vanguard-e2e-serve-");

    public void Dispose() => _state.Dispose();

    [Fact(Timeout = 120_000)]
    public async Task PoisonedToolIsHiddenAndTheSecretArrivesMaskedOverHttp()
    {
        var token = TestContext.Current.CancellationToken;
        var info = new ProcessStartInfo(TestEnvironment.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        IReadOnlyList<string> arguments = TestEnvironment.VanguardArguments(
        [
            "serve", "--port", "0", "--profile", "balanced",
            "--pins-file", _state.File("pins.json"), "--audit-log", _state.File("audit.jsonl"),
            "--server", string.Join(' ', MaliciousServerTests.MaliciousServer.Select(static a => '"' + a + '"')),
        ]);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var vanguard = Process.Start(info)!;
        try
        {
            var url = await ServeListeningUrl.ReadAsync(vanguard, token);
            await using var client = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), TransportMode = HttpTransportMode.StreamableHttp }),
                cancellationToken: token);

            var tools = (await client.ListToolsAsync(cancellationToken: token)).Select(static t => t.Name).ToList();
            Assert.DoesNotContain("fetch_weather", tools);
            Assert.Contains("add", tools);
            await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("fetch_weather", FilesystemServerTests.Args(("city", "Paris")), cancellationToken: token));

            var notes = FilesystemServerTests.Text(await client.CallToolAsync("read_notes", cancellationToken: token));
            Assert.Contains("buy milk", notes, StringComparison.Ordinal);
            Assert.DoesNotContain("AKIAQ3EGRH7ZKXW5NL2P", notes, StringComparison.Ordinal);
            Assert.Contains("[REDACTED:", notes, StringComparison.Ordinal);
        }
        finally
        {
            if (!vanguard.HasExited)
            {
                vanguard.Kill(entireProcessTree: true);
            }
        }
    }
}

using System.Text.Json;

namespace McpVanguard.EndToEnd;

/// <summary>
/// <c>vanguard start</c> spawns the server first and loads its rules and builds its engine while the server starts up
/// (docs/BENCHMARKS.md). What a server writes in that window waits in the pipe: it must be inspected like any later
/// message, never forwarded unseen because the engine was not there yet.
/// </summary>
[Trait("needs", "relay")]
public sealed class StartOrderTests : IDisposable
{
    private readonly TemporaryFolder _state = new("vanguard-e2e-start-order-");

    public void Dispose() => _state.Dispose();

    [Fact(Timeout = 90_000)]
    public async Task What_the_server_writes_before_the_engine_is_built_is_still_inspected()
    {
        var token = TestContext.Current.CancellationToken;
        var audit = _state.File("audit.jsonl");
        await using var vanguard = PipedProcess.StartVanguard(["--audit-log", audit, "--pins-file", _state.File("pins.json")], ["node", TestEnvironment.NodeFixture("early-requests.js")]);
        await vanguard.InitializeAsync(token);

        // The ordinary request reaches the agent (forwarded, not dropped)...
        var clean = await ReadRequestAsync(vanguard, "early-clean", token);
        Assert.Equal("sampling/createMessage", clean.GetProperty("method").GetString());

        // ...and the one that orders the model to leak keys was blocked and audited, never forwarded. Both were written
        // before vanguard read the agent's first line, so once the handshake is answered the block is on record.
        var deadline = DateTime.UtcNow + TestEnvironment.Patience;
        while (!Blocked(audit) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, token);
        }

        Assert.True(Blocked(audit), "no block of early-attack in the audit log:\n" + (File.Exists(audit) ? File.ReadAllText(audit) : "(none)") + "\nstderr:\n" + vanguard.Stderr);

        // The server answers this after everything it wrote earlier, and one thread relays its output in order: once the
        // answer is read, the attack would have been read too had it been forwarded.
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"after","method":"ping"}""", token);
        await vanguard.ReadResponseAsync("after", token);
        Assert.DoesNotContain(vanguard.Received, m => m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == "early-attack");
        Assert.DoesNotContain(vanguard.Received, m => m.GetRawText().Contains("API key", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> ReadRequestAsync(PipedProcess vanguard, string id, CancellationToken cancellationToken)
    {
        foreach (var seen in vanguard.Received)
        {
            if (IsRequest(seen, id))
            {
                return seen;
            }
        }

        while (true)
        {
            var message = await vanguard.ReadAsync(cancellationToken);
            if (IsRequest(message, id))
            {
                return message;
            }
        }

        static bool IsRequest(JsonElement message, string id)
            => message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == id;
    }

    private static bool Blocked(string audit)
        => File.Exists(audit) && File.ReadLines(audit).Select(static line => JsonDocument.Parse(line).RootElement).Any(static r =>
            r.GetProperty("method").GetString() == "sampling/createMessage"
            // The audit log records a request id as its JSON text (a string id keeps its quotes).
            && r.TryGetProperty("id", out var id) && id.GetString() == "\"early-attack\""
            && r.GetProperty("verdict").GetString() == "block");
}

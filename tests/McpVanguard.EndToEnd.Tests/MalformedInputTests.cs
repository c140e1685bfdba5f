using System.Text;
using System.Text.Json;
using McpVanguard.Protocol;

namespace McpVanguard.EndToEnd;

/// <summary>
/// Bad input over raw pipes: each gets a clear JSON-RPC error from vanguard itself, and the relay
/// keeps serving the same session afterwards. The demo server sits behind it, so no npm package is needed.
/// </summary>
[Trait("needs", "relay")]
public sealed class MalformedInputTests : IDisposable
{
    // Small on purpose, so an over-long line is cheap to produce; vanguard's default is a few MiB.
    private const int MaxMessageBytes = 4096;

    private readonly TemporaryFolder _root = new();

    public void Dispose() => _root.Dispose();

    public sealed record BadInput(string Name, byte[] Line, int ExpectedCode, bool ExpectNullId);

    private static IEnumerable<BadInput> BadInputs()
    {
        yield return new("invalid JSON", Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"x1","method":"tools/list" """), JsonRpcErrorCodes.ParseError, ExpectNullId: true);
        yield return new("a JSON array (batch)", Encoding.UTF8.GetBytes("""[{"jsonrpc":"2.0","id":"x2","method":"tools/list"}]"""), JsonRpcErrorCodes.InvalidRequest, ExpectNullId: false);
        yield return new("a JSON number", Encoding.UTF8.GetBytes("42"), JsonRpcErrorCodes.InvalidRequest, ExpectNullId: false);
        yield return new("a request without method", Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"x3","params":{}}"""), JsonRpcErrorCodes.InvalidRequest, ExpectNullId: false);

        // 0xFF and 0xFE never occur in UTF-8.
        byte[] invalidUtf8 = [.. Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"x4","method":"tools/call","params":{"name":"read_file","arguments":{"path":" """), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}}}")];
        yield return new("invalid UTF-8", invalidUtf8, JsonRpcErrorCodes.ParseError, ExpectNullId: false);

        var overLong = """{"jsonrpc":"2.0","id":"x5","method":"tools/call","params":{"name":"write_file","arguments":{"path":"big.txt","content":" """.TrimEnd()
            + new string('a', 2 * MaxMessageBytes) + "\"}}}";
        yield return new("an over-long line", Encoding.UTF8.GetBytes(overLong), JsonRpcErrorCodes.LimitExceeded, ExpectNullId: false);
    }

    [Fact(Timeout = 90_000)]
    public async Task EachBadInputGetsAnErrorAndTheRelayKeepsRunning()
    {
        var token = TestContext.Current.CancellationToken;
        await using var vanguard = PipedProcess.StartVanguard(
            ["--max-message-bytes", MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TestEnvironment.DemoServer(_root.Path));
        await vanguard.InitializeAsync(token);

        // Every case runs even when an earlier one fails, so one run shows the whole picture.
        var failures = new List<string>();
        var probe = 0;
        foreach (var bad in BadInputs())
        {
            var seenBefore = vanguard.Received.Count;
            await vanguard.SendAsync(bad.Line, token);
            var probeId = $"probe-{++probe}";
            await vanguard.SendAsync($$"""{"jsonrpc":"2.0","id":"{{probeId}}","method":"tools/list"}""", token);

            var answer = await vanguard.ReadResponseAsync(probeId, token);
            if (!answer.TryGetProperty("result", out _))
            {
                failures.Add($"after {bad.Name}: tools/list was not answered normally: {answer}");
            }

            var errors = vanguard.Received.Skip(seenBefore)
                .Where(message => message.TryGetProperty("error", out _) && !IsId(message, probeId))
                .ToList();
            var matching = errors.Where(message => message.GetProperty("error").GetProperty("code").GetInt32() == bad.ExpectedCode).ToList();
            if (matching.Count != 1)
            {
                failures.Add($"{bad.Name}: expected one error with code {bad.ExpectedCode}, got [{string.Join(", ", errors)}]");
            }
            else if (bad.ExpectNullId && matching[0].GetProperty("id").ValueKind != JsonValueKind.Null)
            {
                failures.Add($"{bad.Name}: expected id null, got {matching[0]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\nstderr:\n" + vanguard.Stderr);

        // A response to a request nobody sent is not answered, and must not disturb the session either.
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"nobody-asked","result":{}}""", token);
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"final","method":"tools/list"}""", token);
        var final = await vanguard.ReadResponseAsync("final", token);
        Assert.True(final.TryGetProperty("result", out _), $"after an unknown response id: {final}");
        Assert.False(vanguard.HasExited);
    }

    private static bool IsId(JsonElement message, string id) =>
        message.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == id;
}

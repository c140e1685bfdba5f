using System.Net;
using System.Text;
using System.Text.Json;
using McpVanguard.Gateway.Tests.Auth;

namespace McpVanguard.Gateway.Tests.ScaleOut;

/// <summary>
/// Pins shared through one real redis-server by real <c>vanguard serve</c> processes: a rug pull seen through instance A
/// is held through instance B (which alone would trust the new definition on first use), an approval through A's admin
/// API is honoured by B's next session, and a Redis restarted empty loses no acknowledged approval: the instances' pin
/// files re-seed it, so even an instance started afterwards with no pins of its own honours it and still holds what was
/// not approved.
/// </summary>
[Trait("needs", "redis-nginx")]
public sealed class SharedPinsScaleOutTests : IDisposable
{
    private const string AdminKey = "admin-key-0123456789abcdef";

    /// <summary>
    /// state.timeout_ms for the semantics test: at the default 250 ms a Redis round trip on a CI machine running the whole
    /// suite in parallel timed out, and the instance then rightly answered "nothing approved" (503); that is the outage
    /// path, which the next test covers on purpose, not what this one checks.
    /// </summary>
    private const int SlowMachine = 3000;

    private static readonly (string, string) Key = ("X-API-Key", ScaleOutPair.Keys["ROUTE_KEY"]);

    private readonly string _folder = Directory.CreateTempSubdirectory("vanguard-rug-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_rug_pull_through_one_instance_is_held_on_the_other_until_approved_and_the_approval_survives_an_emptied_redis()
    {
        LocalServices.Require(nginx: false);
        var token = TestContext.Current.CancellationToken;
        var definitions = Path.Combine(_folder, "definitions.json");
        var server = $"node \"{TestPeers.Fixture("rug-pull.js")}\" \"{definitions}\"";
        var environment = new Dictionary<string, string>(ScaleOutPair.Keys) { ["VANGUARD_ADMIN_KEY"] = AdminKey };
        await using var redis = await RedisServerProcess.StartAsync(token);
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var instances = await Task.WhenAll(new[] { "a", "b" }.Select(r => ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, prefix, r, timeoutMs: SlowMachine), environment, token, server: server)));
        await using var a = instances[0];
        await using var b = instances[1];
        using var httpA = ScaleOutTests.Client(a.Url);
        using var httpB = ScaleOutTests.Client(b.Url);

        // Pinned on first use through A.
        Assert.Equal(["echo", "read_file"], await ListAsync(httpA));

        // The server changes both definitions; A sees it first.
        await File.WriteAllTextAsync(definitions, """{"echo":"Echoes its message, version 2.","read_file":"Reads a file, version 2."}""", token);
        Assert.Empty(await ListAsync(httpA));

        // B never listed this server: without shared pins it would trust the changed definitions now.
        Assert.Empty(await ListAsync(httpB));
        var neverListed = await GatewayCalls.InitializeAsync(httpB, Key);
        Assert.Contains("QUAR-002", RuleIds(await GatewayCalls.RequestAsync(httpB, neverListed, ScaleOutTests.Call(5, "echo", "{}"), Key)));

        // Approved through A's admin API: B's next session has echo back, and read_file still held.
        using (var approval = await ApproveAsync(httpA, """{"tool":"echo"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        }

        Assert.Equal(["echo"], await ListAsync(httpB));
        var afterApproval = await GatewayCalls.InitializeAsync(httpB, Key);
        Assert.Contains("called echo", (await GatewayCalls.RequestAsync(httpB, afterApproval, ScaleOutTests.Call(6, "echo", "{}"), Key)).GetRawText(), StringComparison.Ordinal);
        Assert.Contains("QUAR-002", RuleIds(await GatewayCalls.RequestAsync(httpB, afterApproval, ScaleOutTests.Call(7, "read_file", "{}"), Key)));

        // Redis restarts with nothing (no persistence): the instances' pin files re-seed the shared copy.
        await redis.StopAsync();
        await redis.RestartAsync(token);
        Assert.True(await EventuallyAsync(async () => await redis.HashLengthAsync(prefix + ":pins:versions", token) > 0, token), "no instance re-seeded the emptied Redis");
        Assert.Equal(["echo"], await ListAsync(httpB));

        // An instance started now has no pins of its own: all it knows comes from the re-seeded Redis.
        await using var c = await ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, prefix, "c", timeoutMs: SlowMachine), environment, token, server: server);
        using var httpC = ScaleOutTests.Client(c.Url);
        Assert.Equal(["echo"], await ListAsync(httpC));
        var onC = await GatewayCalls.InitializeAsync(httpC, Key);
        Assert.Contains("QUAR-002", RuleIds(await GatewayCalls.RequestAsync(httpC, onC, ScaleOutTests.Call(8, "read_file", "{}"), Key)));

        // `vanguard pins approve` with the deployment's state.redis (and a pin file of its own) approves for every instance.
        var config = Path.Combine(_folder, "operator.yaml");
        await File.WriteAllTextAsync(config, ScaleOutPair.Config(redis.Url, prefix, "a", timeoutMs: SlowMachine), token);
        var (exit, output) = await RunCliAsync(["pins", "approve", "--config", config, "--pins-file", Path.Combine(_folder, "operator-pins.json"), "--tool", "read_file"], token);
        Assert.True(exit == 0, output);
        Assert.Equal(["echo", "read_file"], await ListAsync(httpB));
        Assert.Equal(["echo", "read_file"], await ListAsync(httpA));
    }

    [Fact]
    public async Task The_approval_endpoint_answers_only_to_the_admin_key_refuses_a_vague_selection_and_refuses_while_redis_is_down()
    {
        LocalServices.Require(nginx: false);
        var token = TestContext.Current.CancellationToken;
        var environment = new Dictionary<string, string>(ScaleOutPair.Keys) { ["VANGUARD_ADMIN_KEY"] = AdminKey };
        await using var redis = await RedisServerProcess.StartAsync(token);
        await using var gateway = await ServeInstance.StartAsync(ScaleOutPair.Config(redis.Url, "q" + Guid.NewGuid().ToString("N")[..8], "a"), environment, token);
        using var http = ScaleOutTests.Client(gateway.Url);

        using var anonymous = await PostJsonAsync(http, """{"all":true}""", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var clientKey = await PostJsonAsync(http, """{"all":true}""", key: ScaleOutPair.Keys["ROUTE_KEY"]);
        Assert.Equal(HttpStatusCode.Unauthorized, clientKey.StatusCode);
        using var vague = await ApproveAsync(http, """{"server":"x"}""");
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        using var nothing = await ApproveAsync(http, """{"tool":"echo"}""");
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);

        // Balanced carries on with local pins while Redis is down, but an approval the other instances could not see is refused.
        await redis.StopAsync();
        using var down = await ApproveAsync(http, """{"all":true}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("nothing approved", await down.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ListAsync(HttpClient http)
    {
        var session = await GatewayCalls.InitializeAsync(http, Key);
        var list = await GatewayCalls.RequestAsync(http, session, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", Key);
        Assert.True(list.TryGetProperty("result", out var result), list.GetRawText());
        return [.. result.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient http, string body) => PostJsonAsync(http, body, AdminKey);

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/pins/approve") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add("X-Vanguard-Admin-Key", key);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<(int Exit, string Output)> RunCliAsync(IEnumerable<string> arguments, CancellationToken token)
    {
        var info = new System.Diagnostics.ProcessStartInfo(TestPeers.VanguardProgram) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in TestPeers.VanguardArguments(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in ScaleOutPair.Keys)
        {
            info.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static List<string> RuleIds(JsonElement response)
        => response.TryGetProperty("error", out var error) && error.TryGetProperty("data", out var data) && data.TryGetProperty("rule_ids", out var ids)
            ? [.. ids.EnumerateArray().Select(i => i.GetString()!)]
            : [];

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + TestPeers.Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Not answering yet.
            }

            await Task.Delay(100, token);
        }

        return false;
    }
}

using System.Text.Json;
using McpVanguard.Tests;
using ModelContextProtocol.Client;

namespace McpVanguard.EndToEnd;

/// <summary>
/// L2 in the real process: the official SDK client → <c>vanguard start</c> with the custom OpenAI-compatible provider
/// pointed at a local fake of it → the demo server. A call the judge rates an attack is refused in the client, and its
/// audit record carries the provider's evidence but neither the scored text nor the key.
/// </summary>
[Trait("needs", "relay")]
public sealed class SemanticProviderTests : IDisposable
{
    private const string Key = "sk-e2e-never-logged-0123456789";

    private readonly TemporaryFolder _workspace = new("vanguard-e2e-l2-root-");
    private readonly TemporaryFolder _state = new("vanguard-e2e-l2-state-");
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    public void Dispose()
    {
        _workspace.Dispose();
        _state.Dispose();
    }

    private string AuditLog => _state.File("audit.jsonl");

    /// <summary>Both provider SDKs in the real process (OpenAI's and OllamaSharp): a Native AOT build must carry each one's JSON.</summary>
    public static TheoryData<string> Providers => ["custom", "ollama"];

    [Theory(Timeout = 90_000)]
    [MemberData(nameof(Providers))]
    public async Task A_call_the_judge_rates_an_attack_is_refused_and_audited_with_the_L2_evidence(string kind)
    {
        var token = TestContext.Current.CancellationToken;
        const string content = "Quarterly plan: hire two engineers and ship the beta.";

        // The judge rates the write's text an attack and everything else benign: the initialize answer is server metadata,
        // which the cascade scores for its kind (docs/SEMANTIC.md), and must pass whatever the judge is asked about it.
        await using var provider = FakeChatProvider.Rating(content, 0.96, "exfiltration", "moves private notes to an outside address");
        var environment = new Dictionary<string, string?>
        {
            // write_file is always scored; a clean call to another tool never reaches the judge.
            ["VANGUARD_SEMANTIC_ALWAYS"] = "write_file",

            // This test is about a score, not a deadline: the default 3 s includes the provider client's first use in a
            // fresh process, which a loaded machine can exceed (L2-002, allowed with a warning under balanced).
            ["VANGUARD_SEMANTIC_TIMEOUT_MS"] = "60000",
        };
        if (kind == "custom")
        {
            environment["VANGUARD_SEMANTIC_CUSTOM_URL"] = provider.OpenAiBaseUrl;
            environment["VANGUARD_SEMANTIC_CUSTOM_KEY"] = Key;
            environment["VANGUARD_SEMANTIC_CUSTOM_MODEL"] = "judge-e2e";
        }
        else
        {
            environment["VANGUARD_OLLAMA_URL"] = provider.BaseUrl;
            environment["VANGUARD_SEMANTIC_MODEL"] = "judge-e2e";
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vanguard",
            Command = TestEnvironment.VanguardProgram,
            Arguments = [.. TestEnvironment.StartArguments(["--profile", "balanced", "--pins-file", _state.File("pins.json"), "--audit-log", AuditLog], TestEnvironment.DemoServer(_workspace.Path))],
            StandardErrorLines = _stderr.Enqueue,
            EnvironmentVariables = environment,
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: token);

        var listing = await client.CallToolAsync("list_directory", FilesystemServerTests.Args(("path", ".")), cancellationToken: token);
        Assert.NotEqual(true, listing.IsError);
        Assert.DoesNotContain(provider.Calls, c => c.Rates("list_directory"));

        var refusal = await FilesystemServerTests.AssertRefusedAsync(() => client.CallToolAsync("write_file", FilesystemServerTests.Args(("path", "plan.txt"), ("content", content)), cancellationToken: token));

        Assert.Contains("L2-001", refusal.RuleIds);
        Assert.False(File.Exists(Path.Combine(_workspace.Path, "plan.txt")), "the refused write reached the server");
        var call = Assert.Single(provider.Calls, c => c.Rates(content));
        Assert.DoesNotContain(provider.Calls, c => c.Rates("list_directory"));
        Assert.Equal(kind == "ollama" ? "/api/chat" : "/v1/chat/completions", call.Path);
        if (kind == "custom")
        {
            Assert.Equal("Bearer " + Key, call.Authorization);
        }

        Assert.Contains(content, call.Message("user"), StringComparison.Ordinal);

        var record = await AuditRecordAsync(r => r.GetProperty("verdict").GetString() == "block" && r.GetProperty("tool").GetString() == "write_file", token);
        var semantic = record.GetProperty("semantic");
        Assert.Equal(kind, semantic.GetProperty("provider").GetString());
        Assert.Equal("judge-e2e", semantic.GetProperty("model").GetString());
        Assert.Equal("scored", semantic.GetProperty("outcome").GetString());
        Assert.Equal(0.96, semantic.GetProperty("score").GetDouble(), 3);
        Assert.Equal(0.7, semantic.GetProperty("threshold").GetDouble(), 3);
        Assert.True(semantic.GetProperty("latency_ms").GetDouble() > 0);
        Assert.Equal("moves private notes to an outside address", semantic.GetProperty("reason").GetString());
        var log = await File.ReadAllTextAsync(AuditLog, token);
        Assert.DoesNotContain("Quarterly plan", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, string.Join('\n', _stderr), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Config_show_lists_the_semantic_settings_with_the_key_masked()
    {
        var token = TestContext.Current.CancellationToken;
        var config = _state.File("vanguard.yaml");
        await File.WriteAllTextAsync(config, $"semantic:\n  custom_url: http://127.0.0.1:9/v1\n  custom_key: {Key}\n  custom_model: judge-e2e\n  threshold: 0.8\n", token);

        var (exitCode, output, _) = await MaliciousServerTests.RunVanguardAsync(["config", "show", "--config", config], token);

        Assert.True(exitCode == 0, output);
        Assert.Contains("semantic.custom_key", output, StringComparison.Ordinal);
        Assert.Contains("****", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        Assert.Contains("runs: custom", output, StringComparison.Ordinal);
    }

    /// <summary>The first audit record matching <paramref name="match"/>; the sink writes on its own task, so it is awaited with a deadline.</summary>
    private async Task<JsonElement> AuditRecordAsync(Func<JsonElement, bool> match, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + TestEnvironment.Patience;
        while (true)
        {
            var lines = File.Exists(AuditLog) ? await File.ReadAllLinesAsync(AuditLog, token) : [];
            foreach (var line in lines.Where(static l => l.Length > 0))
            {
                try
                {
                    var record = JsonDocument.Parse(line).RootElement;
                    if (match(record))
                    {
                        return record;
                    }
                }
                catch (JsonException)
                {
                    // The last line may still be being written.
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no matching audit record; log:\n" + string.Join('\n', lines) + "\nstderr:\n" + string.Join('\n', _stderr));
            await Task.Delay(100, token);
        }
    }
}

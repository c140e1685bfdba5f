using System.Security.Cryptography;

namespace McpVanguard.EndToEnd;

/// <summary>
/// The tamper-evident audit trail end to end: a real <c>vanguard start</c> session writes a hash-chained log and signed
/// checkpoints with the key and cadence its vanguard.yaml names; <c>vanguard audit verify</c> passes the untouched log
/// and names the record of an edited, removed or truncated one.
/// </summary>
public sealed class AuditVerifyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-auditverify-");

    public void Dispose() => _folder.Dispose();

    private string AuditLog => _folder.File("audit.jsonl");

    private string Key => _folder.File("audit-key.pem");

    private string Config => _folder.File("vanguard.yaml");

    [Fact(Timeout = 180_000)]
    public async Task Verify_passes_the_log_a_session_wrote_and_names_edited_removed_and_truncated_records()
    {
        var token = TestContext.Current.CancellationToken;
        WriteConfig(extra: string.Empty);
        await SessionAsync(listings: 4, token);

        var ok = await VerifyAsync(token);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Contains("OK: the audit log", ok.Stdout, StringComparison.Ordinal);

        var original = File.ReadAllLines(AuditLog);
        Assert.True(original.Length >= 3, string.Join('\n', original));

        var edited = (string[])original.Clone();
        edited[0] = edited[0].Replace("\"server_id\":\"weather\"", "\"server_id\":\"elsewhere\"", StringComparison.Ordinal);
        Assert.NotEqual(original[0], edited[0]);
        File.WriteAllLines(AuditLog, edited);
        var afterEdit = await VerifyAsync(token);
        Assert.True(afterEdit.ExitCode == 1, afterEdit.ToString());
        Assert.Contains("TAMPERED audit.jsonl:1 (record 1): edited", afterEdit.Stdout, StringComparison.Ordinal);

        File.WriteAllLines(AuditLog, original.Where((_, i) => i != 1));
        var afterRemoval = await VerifyAsync(token);
        Assert.True(afterRemoval.ExitCode == 1, afterRemoval.ToString());
        Assert.Contains("TAMPERED audit.jsonl:2 (record 3): records 2–2 are missing", afterRemoval.Stdout, StringComparison.Ordinal);

        File.WriteAllLines(AuditLog, original[..^1]);
        var afterTruncation = await VerifyAsync(token);
        Assert.True(afterTruncation.ExitCode == 1, afterTruncation.ToString());
        Assert.Contains("truncated", afterTruncation.Stdout, StringComparison.Ordinal);

        File.WriteAllLines(AuditLog, original);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(_folder.File("other.pub"), other.ExportSubjectPublicKeyInfoPem());
        var wrongKey = await VanguardRun.RunAsync(["audit", "verify", "--config", Config, "--key", _folder.File("other.pub")], token);
        Assert.True(wrongKey.ExitCode == 1, wrongKey.ToString());
        Assert.Contains("signed by another key", wrongKey.Stdout, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Checkpoint_cadence_and_receipts_follow_the_configuration_while_the_session_runs()
    {
        var token = TestContext.Current.CancellationToken;
        var receipts = _folder.File("receipts.jsonl");
        WriteConfig($"  checkpoint_records: 1\n  receipts: \"{receipts}\"\n");
        var checkpoints = _folder.File("audit.checkpoints.jsonl");

        await using (var vanguard = PipedProcess.StartVanguard(["--config", Config, "--server-id", "weather"], MaliciousServerTests.MaliciousServer))
        {
            await vanguard.InitializeAsync(token);
            await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"list","method":"tools/list"}""", token);
            await vanguard.ReadResponseAsync("list", token);

            // With the default (1,000 records or 60 s) nothing would be signed before shutdown; with checkpoint_records: 1 it is now.
            await WaitForAsync(() => File.Exists(checkpoints) && File.ReadAllText(checkpoints).Contains("\"log\":\"audit.jsonl\"", StringComparison.Ordinal), token);
            Assert.False(vanguard.HasExited);
            vanguard.CloseStdin();
            await vanguard.WaitForExitAsync(token);
        }

        Assert.Contains(File.ReadAllLines(receipts), l => l.Contains("\"type\":\"checkpoint\"", StringComparison.Ordinal));
        var ok = await VerifyAsync(token);
        Assert.True(ok.ExitCode == 0, ok.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_configured_signing_key_that_is_not_a_key_refuses_start_up()
    {
        var token = TestContext.Current.CancellationToken;
        WriteConfig(extra: string.Empty);
        File.WriteAllText(Key, "not a key");

        var run = await VanguardRun.RunAsync(["start", "--config", Config, "--", .. MaliciousServerTests.MaliciousServer], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(Key, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("audit signing key", run.Stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_checkpoint_cadence_out_of_range_is_a_configuration_error()
    {
        var token = TestContext.Current.CancellationToken;
        WriteConfig("  checkpoint_interval_s: 0\n");

        var run = await VanguardRun.RunAsync(["audit", "verify", "--config", Config], token);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("audit.checkpoint_interval_s", run.Stderr, StringComparison.Ordinal);
    }

    private void WriteConfig(string extra)
    {
        if (!File.Exists(Key))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            File.WriteAllText(Key, key.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Key + ".pub", key.ExportSubjectPublicKeyInfoPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        File.WriteAllText(Config, $"audit:\n  log: \"{AuditLog}\"\n  signing_key: \"{Key}\"\n{extra}pins:\n  file: \"{_folder.File("pins.json")}\"\n");
    }

    private Task<VanguardRun.Result> VerifyAsync(CancellationToken token) => VanguardRun.RunAsync(["audit", "verify", "--config", Config], token);

    /// <summary>One session in front of the malicious server: each tools/list is a redact record (its poisoned tool withheld).</summary>
    private async Task SessionAsync(int listings, CancellationToken token)
    {
        await using var vanguard = PipedProcess.StartVanguard(["--config", Config, "--server-id", "weather"], MaliciousServerTests.MaliciousServer);
        await vanguard.InitializeAsync(token);
        for (var i = 0; i < listings; i++)
        {
            await vanguard.SendAsync($$"""{"jsonrpc":"2.0","id":"list{{i}}","method":"tools/list"}""", token);
            await vanguard.ReadResponseAsync("list" + i, token);
        }

        vanguard.CloseStdin();
        await vanguard.WaitForExitAsync(token);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken token)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(token);
        patience.CancelAfter(TestEnvironment.Patience);
        while (!condition())
        {
            await Task.Delay(50, patience.Token);
        }
    }
}

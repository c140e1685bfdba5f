using System.Security.Cryptography;

namespace McpVanguard.EndToEnd;

/// <summary>
/// A team's signed pin baseline through the real <c>vanguard</c>: <c>pins export --sign</c> writes it from the pins a
/// real session recorded, and <c>start</c> with <c>pins.baseline_key</c> accepts it as signed and refuses it changed,
/// unsigned or signed by another key.
/// </summary>
public sealed class SignedPinBaselineTests : IDisposable
{
    private readonly TemporaryFolder _folder = new("vanguard-e2e-pinbaseline-");

    public SignedPinBaselineTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKey, key.ExportSubjectPublicKeyInfoPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(OtherPrivateKey, other.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose() => _folder.Dispose();

    private string PrivateKey => _folder.File("team.pem");

    private string PublicKey => _folder.File("team.pub");

    private string OtherPrivateKey => _folder.File("other.pem");

    private string Baseline => _folder.File("team-pins.json");

    [Fact(Timeout = 240_000)]
    public async Task A_signed_baseline_is_accepted_and_a_changed_unsigned_or_foreign_one_refuses_start()
    {
        var token = TestContext.Current.CancellationToken;
        await SessionAsync(["--pins-file", _folder.File("pins.json")], token);
        // The first listing withholds the poisoned tool as a change awaiting approval; a team reviews before exporting.
        var refused = await VanguardRun.RunAsync(["pins", "export", "--pins-file", _folder.File("pins.json"), "--out", Baseline, "--sign", PrivateKey], token);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("await approval", refused.Stderr, StringComparison.Ordinal);
        var approve = await VanguardRun.RunAsync(["pins", "approve", "--all", "--pins-file", _folder.File("pins.json")], token);
        Assert.True(approve.ExitCode == 0, approve.ToString());

        var export = await VanguardRun.RunAsync(["pins", "export", "--pins-file", _folder.File("pins.json"), "--out", Baseline, "--sign", PrivateKey], token);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(File.Exists(Baseline + ".sigstore.json"));

        // Signed: a fresh user with an empty pin file starts against the team's baseline.
        var accepted = await SessionAsync(["--pins-file", _folder.File("fresh.json"), "--pins-baseline", Baseline], token);
        Assert.True(accepted.ExitCode == 0, accepted.Stderr);

        var original = File.ReadAllText(Baseline);
        File.WriteAllText(Baseline, original.Replace("\"tools\"", "\"tools\" ", StringComparison.Ordinal));
        var changed = await StartAsync(token);
        Assert.True(changed.ExitCode == 2, changed.ToString());
        Assert.Contains("changed after signing", changed.Stderr, StringComparison.Ordinal);

        File.WriteAllText(Baseline, original);
        File.Move(Baseline + ".sigstore.json", Baseline + ".moved");
        var unsigned = await StartAsync(token);
        Assert.True(unsigned.ExitCode == 2, unsigned.ToString());
        Assert.Contains("not signed", unsigned.Stderr, StringComparison.Ordinal);

        var foreign = await VanguardRun.RunAsync(["pins", "export", "--pins-file", _folder.File("pins.json"), "--out", Baseline, "--sign", OtherPrivateKey], token);
        Assert.True(foreign.ExitCode == 0, foreign.ToString());
        var wrongKey = await StartAsync(token);
        Assert.True(wrongKey.ExitCode == 2, wrongKey.ToString());
        Assert.Contains("signed by another key", wrongKey.Stderr, StringComparison.Ordinal);
    }

    private Task<VanguardRun.Result> StartAsync(CancellationToken token)
        => VanguardRun.RunAsync(["start", "--pins-file", _folder.File("fresh.json"), "--pins-baseline", Baseline, "--audit-log", _folder.File("audit.jsonl"), "--", .. MaliciousServerTests.MaliciousServer], token, new Dictionary<string, string?> { ["VANGUARD_PINS_BASELINE_KEY"] = PublicKey });

    private async Task<(int ExitCode, string Stderr)> SessionAsync(IEnumerable<string> options, CancellationToken token)
    {
        // The key comes from a vanguard.yaml (pins.baseline_key), as a team would configure it.
        var config = _folder.File("vanguard.yaml");
        File.WriteAllText(config, $"pins:\n  baseline_key: \"{PublicKey}\"\n");
        await using var vanguard = PipedProcess.StartVanguard(["--config", config, "--audit-log", _folder.File("audit.jsonl"), .. options], MaliciousServerTests.MaliciousServer);
        await vanguard.InitializeAsync(token);
        await vanguard.SendAsync("""{"jsonrpc":"2.0","id":"list","method":"tools/list"}""", token);
        await vanguard.ReadResponseAsync("list", token);
        vanguard.CloseStdin();
        return (await vanguard.WaitForExitAsync(token), vanguard.Stderr);
    }
}

using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using McpVanguard.Audit.Integrity;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard audit verify [--key PUB]</c>: checks the audit log's hash chains and signed checkpoints and names every
/// edited, removed, reordered or truncated record by file, line and record number. Exit 0 only when all holds.
/// </summary>
internal static class AuditVerifyCommand
{
    /// <summary>Exit code when the log is not intact.</summary>
    public const int Tampered = 1;

    public static Command Create()
    {
        var common = new CommonOptions();
        var key = new Option<string?>("--key") { Description = "The checkpoint public key (PEM; a private key file works too). Default: audit.signing_key's .pub beside it." };
        var json = AuditCommand.JsonOption();
        var verify = new Command("verify", HelpText.With(
            "Verify the audit log's hash chains (rotated files included) and its signed checkpoints; name every edited, removed, reordered or truncated record. Exit 0 only when intact.",
            "vanguard audit verify",
            "vanguard audit verify --key team-audit.pub --json")) { key, json };
        common.AddTo(verify);
        verify.SetAction(parse =>
        {
            if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
            {
                return EngineFactory.ConfigurationError;
            }

            var keyPath = parse.GetValue(key) ?? DefaultPublicKey(options.AuditSigningKeyPath);
            using var publicKey = ECDsa.Create();
            try
            {
                publicKey.ImportFromPem(File.ReadAllText(keyPath));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                Console.Error.WriteLine($"[vanguard] audit verify: the checkpoint key '{keyPath}' cannot be read as a PEM EC public key: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            var result = AuditChainVerifier.Verify(options.AuditLogPath, publicKey);
            if (parse.GetValue(json))
            {
                Console.WriteLine(new JsonObject
                {
                    ["log"] = options.AuditLogPath,
                    ["intact"] = result.Intact,
                    ["chains"] = new JsonArray([.. result.Chains.Select(c => (JsonNode)new JsonObject
                    {
                        ["log"] = c.Log, ["records"] = c.Records, ["first_seq"] = c.FirstSeq, ["last_seq"] = c.LastSeq, ["unchained"] = c.Unchained,
                        ["checkpoints_verified"] = c.CheckpointsVerified, ["checkpoints_rotated_away"] = c.CheckpointsRotatedAway, ["covered_seq"] = c.CoveredSeq,
                    })]),
                    ["problems"] = new JsonArray([.. result.Problems.Select(p => (JsonNode)new JsonObject { ["file"] = p.File, ["line"] = p.Line, ["seq"] = p.Seq, ["message"] = p.Message })]),
                }.ToJsonString());
            }
            else
            {
                foreach (var chain in result.Chains)
                {
                    var uncovered = chain.LastSeq - chain.CoveredSeq;
                    Console.WriteLine($"{chain.Log}: {chain.Records} chained records ({(chain.Records == 0 ? "none" : $"{chain.FirstSeq}–{chain.LastSeq}")}), {chain.CheckpointsVerified} signed checkpoints verified"
                        + (chain.CheckpointsRotatedAway > 0 ? $", {chain.CheckpointsRotatedAway} of rotated-away records" : string.Empty)
                        + (uncovered > 0 ? $"; {uncovered} newest records linked but not yet under a checkpoint" : string.Empty)
                        + (chain.FirstSeq > 1 ? $"; records before {chain.FirstSeq} were rotated away" : string.Empty)
                        + (chain.Unchained > 0 ? $"; {chain.Unchained} older records predate the chain" : string.Empty));
                }

                foreach (var problem in result.Problems)
                {
                    Console.WriteLine($"TAMPERED {problem}");
                }

                Console.WriteLine(result.Intact ? $"OK: the audit log at {options.AuditLogPath} is intact." : $"FAILED: {result.Problems.Count} problems in the audit log at {options.AuditLogPath}.");
            }

            return result.Intact ? 0 : Tampered;
        });
        return verify;
    }

    private static string DefaultPublicKey(string privateKeyPath)
    {
        var pub = AuditSigningKey.PublicPath(privateKeyPath);
        return File.Exists(pub) ? pub : privateKeyPath;
    }
}

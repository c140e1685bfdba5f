using System.CommandLine;
using System.Security.Cryptography;
using McpVanguard.Core.Trust;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard rules sign|verify</c> for pack authors: signs a rules directory (its <c>*.yaml</c> files, by name and
/// SHA-256) into <c>rules.sigstore.json</c> with an EC P-256 key, and verifies one against a public key.
/// </summary>
internal static class RulesSignCommands
{
    public static IEnumerable<Command> Create(Option<string?> rulesDir)
    {
        var signKey = new Option<string>("--key") { Description = "The PEM EC P-256 private key to sign with (openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt).", Required = true };
        var sign = new Command("sign", HelpText.With(
            "Sign a rules directory: writes rules.sigstore.json (a key-based Sigstore bundle over the list of its .yaml files and their SHA-256). Re-sign after any change.",
            "vanguard rules sign --rules-dir ./team-rules --key team-rules.pem")) { signKey };
        sign.SetAction(parse =>
        {
            if (parse.GetValue(rulesDir) is not { } directory)
            {
                Console.Error.WriteLine("[vanguard] rules sign needs --rules-dir DIR.");
                return EngineFactory.ConfigurationError;
            }

            using var key = ECDsa.Create();
            try
            {
                key.ImportFromPem(File.ReadAllText(parse.GetValue(signKey)!));
                _ = key.ExportParameters(includePrivateParameters: true);
                var pack = RulePack.Read(directory);
                var path = pack.Sign(key);
                Console.WriteLine($"Signed {pack.Files.Count} rule files in {directory} with key {KeyBasedBundle.KeyId(key)[..16]}: {path}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                Console.Error.WriteLine($"[vanguard] rules sign: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
        });

        var verifyKey = new Option<string>("--key") { Description = "The PEM public key the pack must be signed with.", Required = true };
        var verify = new Command("verify", HelpText.With(
            "Verify a rules directory's signature against a public key; exit 0 only when every file is as signed.",
            "vanguard rules verify --rules-dir ./team-rules --key team-rules.pub")) { verifyKey };
        verify.SetAction(parse =>
        {
            if (parse.GetValue(rulesDir) is not { } directory)
            {
                Console.Error.WriteLine("[vanguard] rules verify needs --rules-dir DIR.");
                return EngineFactory.ConfigurationError;
            }

            try
            {
                var pack = RulePack.Read(directory);
                var result = pack.Verify(new ArtifactSignatureVerifier(EngineFactory.SigstoreVerifier), new SigstorePolicy { PublicKeyPem = File.ReadAllText(parse.GetValue(verifyKey)!) });
                Console.WriteLine(result.Verified ? $"OK: {directory} ({pack.Files.Count} files): {result.Reason}." : $"FAILED: {directory}: {result.Reason}");
                return result.Verified ? 0 : 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"[vanguard] rules verify: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
        });

        return [sign, verify];
    }
}

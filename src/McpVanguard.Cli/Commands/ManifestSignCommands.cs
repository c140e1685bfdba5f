using System.CommandLine;
using System.Security.Cryptography;
using McpVanguard.Configuration;
using McpVanguard.Core.Trust;
using McpVanguard.Core.Trust.Manifests;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard manifest sign M --key PEM</c> and <c>vanguard manifest verify M --key PUB | --identity I --issuer S</c>:
/// verify runs the check <c>start</c> runs before spawning (signature, launch, installed package, provenance).
/// </summary>
internal static class ManifestSignCommands
{
    public static IEnumerable<Command> Create()
    {
        var signFile = new Argument<string>("MANIFEST") { Description = "The manifest file." };
        var signKey = new Option<string>("--key") { Description = "The PEM EC P-256 private key to sign with.", Required = true };
        var sign = new Command("sign", HelpText.With(
            "Sign a manifest: writes MANIFEST.sigstore.json (a key-based Sigstore bundle over the file's bytes). Re-sign after any change.",
            "vanguard manifest sign files.manifest.json --key team.pem")) { signFile, signKey };
        sign.SetAction(parse =>
        {
            try
            {
                using var key = LoadPrivateKey(parse.GetValue(signKey)!);
                var path = ServerManifestDocument.Sign(parse.GetValue(signFile)!, key);
                Console.WriteLine($"Signed {parse.GetValue(signFile)} with key {KeyBasedBundle.KeyId(key)[..16]}: {path}");
                return 0;
            }
            catch (Exception ex) when (ex is ManifestException or IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                Console.Error.WriteLine($"[vanguard] manifest sign: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
        });

        var verifyFile = new Argument<string>("MANIFEST") { Description = "The manifest file (its signature is MANIFEST.sigstore.json)." };
        var verifyKey = new Option<string?>("--key") { Description = "The PEM public key a key-signed manifest must verify with." };
        var identity = new Option<string?>("--identity") { Description = "For a keyless signature: the exact certificate identity, or regex:PATTERN." };
        var issuer = new Option<string?>("--issuer") { Description = "For a keyless signature: the OIDC issuer of that identity." };
        var verify = new Command("verify", HelpText.With(
            "Verify a manifest as start does before spawning: its signature, and that the npm package its launch runs is installed and matches (version, integrity, files, provenance). Exit 0 verified, 1 not, 2 bad input.",
            "vanguard manifest verify files.manifest.json --key team.pub",
            "vanguard manifest verify files.manifest.json --identity regex:https://github\\.com/acme/.* --issuer https://token.actions.githubusercontent.com"))
        {
            verifyFile, verifyKey, identity, issuer,
        };
        verify.SetAction(parse =>
        {
            var path = parse.GetValue(verifyFile)!;
            var (identityText, issuerText) = (parse.GetValue(identity), parse.GetValue(issuer));
            if ((identityText is null) != (issuerText is null) || (parse.GetValue(verifyKey) is null && identityText is null))
            {
                Console.Error.WriteLine("[vanguard] manifest verify: give --key PUB, or --identity with --issuer (or both).");
                return EngineFactory.ConfigurationError;
            }

            var pattern = identityText?.StartsWith("regex:", StringComparison.Ordinal) == true ? identityText["regex:".Length..] : null;
            if (pattern is not null && McpVanguard.Trust.SigstoreBundleVerifier.ValidateIdentityPattern(pattern) is { } problem)
            {
                Console.Error.WriteLine($"[vanguard] manifest verify: --identity: {problem}");
                return EngineFactory.ConfigurationError;
            }

            ServerManifest unverified;
            try
            {
                // Read for its launch only; the verifier below reads it again and trusts nothing it has not verified.
                unverified = ServerManifestDocument.Parse(ServerManifestDocument.ReadBounded(path), path);
            }
            catch (ManifestException ex)
            {
                Console.Error.WriteLine($"[vanguard] manifest verify: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }

            var signer = identityText is null ? null : new KeylessSigner(pattern is null ? identityText : null, pattern, issuerText!, "--identity");
            var settings = new ManifestSettings(path, parse.GetValue(verifyKey), signer, "command line");
            var verifier = new ServerLaunchVerifier(new ArtifactSignatureVerifier(EngineFactory.SigstoreVerifier), EngineFactory.SigstoreVerifier, LaunchGate.CurrentNpmEnvironment);
            var result = verifier.Verify(unverified.ServerId, unverified.Launch, settings, requiredBy: null);
            Console.WriteLine(result.Outcome == LaunchOutcome.Verified ? $"OK: {result.Reason}." : $"FAILED: {result.Reason}");
            return result.Outcome == LaunchOutcome.Verified ? 0 : 1;
        });

        return [sign, verify];
    }

    public static ECDsa LoadPrivateKey(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        _ = key.ExportParameters(includePrivateParameters: true);
        return key;
    }
}

using McpVanguard.Configuration;
using McpVanguard.Inspection.Rules;

namespace McpVanguard.Core.Trust;

/// <summary>
/// Loads the rules of <see cref="VanguardOptions"/> with the rule-pack policy: a rules directory that carries a
/// signature is verified (a bad one is always refused), and with <c>rules.require_signature</c> (on under strict) an
/// unsigned one is refused. The embedded rules are part of the binary and trusted with it.
/// </summary>
public static class RulePackLoader
{
    /// <exception cref="RuleLoadException">The pack is refused, or its rules are invalid; the message says which and why.</exception>
    public static IReadOnlyList<Rule> Load(VanguardOptions options, ISigstoreBundleVerifier? sigstore)
    {
        if (options.RulesDirectory is not { } directory)
        {
            return RuleLoader.Load(rulesDirectory: null);
        }

        var signed = File.Exists(Path.Combine(directory, RulePack.SignatureFileName));
        if (!options.RulesRequireSignature && !signed)
        {
            return RuleLoader.Load(directory);
        }

        RulePack pack;
        try
        {
            pack = RulePack.Read(directory);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new RuleLoadException(ex.Message);
        }

        var why = options.RulesRequireSignature
            ? $" ({ConfigurationKeys.RulesRequireSignature} is on, from {options.Sources.GetValueOrDefault(ConfigurationKeys.RulesRequireSignature, "default")})"
            : string.Empty;
        var result = pack.Verify(new ArtifactSignatureVerifier(sigstore), Policy(options, why));
        if (!result.Verified)
        {
            throw new RuleLoadException($"rules directory '{directory}' refused{why}: {result.Reason} Sign it with `vanguard rules sign --rules-dir {directory} --key KEY.pem`, or check {ConfigurationKeys.RulesPublicKey} ({ConfigurationKeys.RulesIdentity} and {ConfigurationKeys.RulesIssuer} for a keyless signature).");
        }

        return RuleLoader.LoadVerified(pack.Files);
    }

    /// <summary>The pinned key (<c>rules.public_key</c>) for key-signed packs and the signer (<c>rules.identity</c>, <c>rules.issuer</c>) for keyless ones.</summary>
    private static SigstorePolicy Policy(VanguardOptions options, string why)
    {
        var signer = options.Trust.RulesSigner;
        if (options.RulesPublicKeyPath is not { } keyPath)
        {
            return signer?.ToPolicy(null) ?? new SigstorePolicy();
        }

        try
        {
            var pem = File.ReadAllText(keyPath);
            return signer?.ToPolicy(pem) ?? new SigstorePolicy { PublicKeyPem = pem };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuleLoadException($"{ConfigurationKeys.RulesPublicKey} '{keyPath}' cannot be read{why}: {ex.Message}");
        }
    }
}

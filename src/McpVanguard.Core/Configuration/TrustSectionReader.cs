using System.Text.RegularExpressions;

namespace McpVanguard.Configuration;

/// <summary>
/// Binds <c>trust.*</c>, <c>rules.identity</c>/<c>rules.issuer</c> and <c>pins.baseline_identity</c>/<c>_issuer</c> at load:
/// an identity needs its issuer (and the reverse), and a <c>regex:</c> identity must compile as a linear-time pattern.
/// </summary>
internal static class TrustSectionReader
{
    /// <summary>The prefix that makes an identity setting a pattern over the certificate identity instead of an exact value.</summary>
    public const string RegexPrefix = "regex:";

    public static TrustSettings Bind(Func<string, string> text, Func<string, string> source, Func<string, bool> boolean, Func<string, string> path, ConfigurationErrors errors)
    {
        var manifest = text(ConfigurationKeys.TrustManifest);
        var manifestKey = text(ConfigurationKeys.TrustManifestKey);
        return new TrustSettings
        {
            RequireManifests = boolean(ConfigurationKeys.TrustRequireManifests),
            RequireManifestsSource = source(ConfigurationKeys.TrustRequireManifests),
            Manifest = new ManifestSettings(
                manifest.Length == 0 ? null : path(manifest),
                manifestKey.Length == 0 ? null : path(manifestKey),
                Signer(text(ConfigurationKeys.TrustManifestIdentity), text(ConfigurationKeys.TrustManifestIssuer), ConfigurationKeys.TrustManifestIdentity, ConfigurationKeys.TrustManifestIssuer, source, errors),
                source(ConfigurationKeys.TrustManifest)),
            RulesSigner = Signer(text(ConfigurationKeys.RulesIdentity), text(ConfigurationKeys.RulesIssuer), ConfigurationKeys.RulesIdentity, ConfigurationKeys.RulesIssuer, source, errors),
            PinsBaselineSigner = Signer(text(ConfigurationKeys.PinsBaselineIdentity), text(ConfigurationKeys.PinsBaselineIssuer), ConfigurationKeys.PinsBaselineIdentity, ConfigurationKeys.PinsBaselineIssuer, source, errors),
        };
    }

    /// <summary>The signer of an identity and issuer pair, null when neither is set; an error when only one is or the pattern is invalid.</summary>
    public static KeylessSigner? Signer(string identity, string issuer, string identityKey, string issuerKey, Func<string, string> source, ConfigurationErrors errors)
    {
        if (identity.Length == 0 && issuer.Length == 0)
        {
            return null;
        }

        // Anyone can obtain a Fulcio certificate for their own identity from any issuer: one without the other proves nothing.
        if (identity.Length == 0 || issuer.Length == 0)
        {
            var (missing, given) = identity.Length == 0 ? (identityKey, issuerKey) : (issuerKey, identityKey);
            errors.Add($"{source(given)}: key '{given}' needs '{missing}' too (a keyless signature is checked against an identity and its OIDC issuer together).");
            return null;
        }

        var at = source(identityKey);
        if (!identity.StartsWith(RegexPrefix, StringComparison.Ordinal))
        {
            return new KeylessSigner(identity, null, issuer, at);
        }

        var pattern = identity[RegexPrefix.Length..];
        return PatternError(pattern) is { } error
            ? Invalid(errors, $"{at}: key '{identityKey}' has an invalid pattern: {error}")
            : new KeylessSigner(null, pattern, issuer, at);
    }

    /// <summary>Why <paramref name="pattern"/> cannot be used as an identity pattern, or null when it can (non-empty, linear-time).</summary>
    public static string? PatternError(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "it is empty.";
        }

        try
        {
            // Compiled as the verifier does: NonBacktracking refuses backreferences and lookarounds (no linear-time match).
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return ex.Message;
        }
    }

    private static KeylessSigner? Invalid(ConfigurationErrors errors, string message)
    {
        errors.Add(message);
        return null;
    }
}

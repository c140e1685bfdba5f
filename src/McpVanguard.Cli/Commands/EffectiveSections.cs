using System.Globalization;
using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// The rows <c>config show</c> prints for the structured sections (<c>servers:</c>, <c>auth:</c>, <c>access:</c>), as bound:
/// secrets (header and environment values, key digests, URL user info and queries) are masked; variable names are shown.
/// </summary>
internal static class EffectiveSections
{
    public static IEnumerable<(string Key, string Value, string Source)> Rows(VanguardOptions options, GatewayAuthOptions auth)
    {
        var file = options.ConfigFile ?? "config";
        var c = CultureInfo.InvariantCulture;
        foreach (var s in options.Servers)
        {
            var prefix = $"servers[{s.Id}]";
            yield return (prefix + (s.Command is not null ? ".command" : ".url"), s.Command is not null ? string.Join(' ', s.Command) : SecretMask.Url(s.Url!.OriginalString), s.Location);
            foreach (var (name, value) in s.Headers)
            {
                yield return ($"{prefix}.headers.{name}", SecretMask.Value(value), s.Location);
            }

            foreach (var (name, value) in s.Environment)
            {
                yield return ($"{prefix}.env.{name}", SecretMask.Value(value), s.Location);
            }

            if (s.Manifest is { } manifest)
            {
                var signer = manifest.Signer is { } who ? $"signer {who.Identity ?? "regex:" + who.IdentityPattern} ({who.Issuer})" : null;
                var key = manifest.KeyPath is { } keyPath ? "key " + keyPath : null;
                yield return ($"{prefix}.manifest", $"{manifest.Path ?? "(none)"}; {string.Join(", ", new[] { key, signer }.OfType<string>().DefaultIfEmpty("trust.manifest_key / _identity"))}", s.Location);
            }
        }

        var authSource = options.Sections.ContainsKey("auth") ? file : "default";
        foreach (var key in auth.ApiKeys)
        {
            var source = key.Name == GatewayAuthOptionsReader.DefaultKeyName && !options.Sections.ContainsKey("auth") ? "env:" + GatewayAuthOptionsReader.ApiKeyVariable : authSource;
            var grants = key.Roles.Count + key.Scopes.Count == 0 ? string.Empty : $" roles=[{string.Join(", ", key.Roles)}] scopes=[{string.Join(", ", key.Scopes)}]";
            yield return ($"auth.api_keys[{key.Name}]", $"sha256 {SecretMask.Hidden}{grants}", source);
        }

        if (auth.Jwt is { } jwt)
        {
            yield return ("auth.jwt.issuer", jwt.Issuer, authSource);
            yield return ("auth.jwt.audience", string.Join(", ", jwt.Audiences), authSource);
            yield return ("auth.jwt.key", jwt.JwksUrl is { } jwks ? "jwks " + SecretMask.Url(jwks.OriginalString) : jwt.StaticKey is Microsoft.IdentityModel.Tokens.SymmetricSecurityKey ? $"secret {SecretMask.Hidden}" : "public key file", authSource);
            yield return ("auth.jwt.algorithms", string.Join(", ", jwt.Algorithms), authSource);
            yield return ("auth.jwt.clock_skew_s", ((int)jwt.ClockSkew.TotalSeconds).ToString(c), authSource);
            yield return ("auth.jwt.required_scopes", jwt.RequiredScopes.Count == 0 ? "(none)" : string.Join(", ", jwt.RequiredScopes), authSource);
        }

        if (auth.Resource is { } resource)
        {
            yield return ("auth.resource", SecretMask.Url(resource.OriginalString), authSource);
        }

        yield return ("auth.enabled", auth.IsEnabled ? "true" : "false (no credential configured)", authSource);
        yield return ("auth.rate_limit", auth.RateLimit is { } limit ? $"{limit.RequestsPerMinute}/min, burst {limit.Burst}" : "(none)", authSource);
        yield return ("auth.max_sessions_per_principal", auth.MaxSessionsPerPrincipal.ToString(c), authSource);

        var behaviourSource = options.Sections.ContainsKey("behaviour") ? file : "default";
        foreach (var (key, value) in BehaviourSectionReader.Rows(options.Behaviour))
        {
            yield return (key, value, behaviourSource);
        }

        if (options.Access is { } access)
        {
            yield return ("access.default", access.DefaultAllow ? "allow" : "deny", file);
            foreach (var rule in access.Rules)
            {
                var tools = (rule.AllowTools.Count > 0 ? $" allow=[{string.Join(", ", rule.AllowTools)}]" : string.Empty)
                    + (rule.DenyTools.Count > 0 ? $" deny=[{string.Join(", ", rule.DenyTools)}]" : string.Empty);
                yield return ("access.rules[]", $"principals=[{string.Join(", ", rule.Principals)}] servers=[{string.Join(", ", rule.Servers)}]{tools}", $"{file}:{rule.Line}");
            }
        }
        else
        {
            yield return ("access", "(none: every tool allowed)", "default");
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using McpVanguard.Configuration;
using McpVanguard.Gateway.RateLimiting;
using McpVanguard.Gateway.Security;
using Microsoft.IdentityModel.Tokens;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Gateway.Auth;

/// <summary>
/// Reads the <c>auth:</c> section of <c>vanguard.yaml</c> and <c>VANGUARD_API_KEY</c> into <see cref="GatewayAuthOptions"/>,
/// validating everything at start-up. Errors name the file and line (or the variable), never a key's value.
/// </summary>
public static class GatewayAuthOptionsReader
{
    /// <summary>The single-key variable; its caller is named <see cref="DefaultKeyName"/>.</summary>
    public const string ApiKeyVariable = "VANGUARD_API_KEY";

    public const string DefaultKeyName = "default";

    /// <summary>The admin key of <c>/admin/state</c> (read-only live state for <c>vanguard ui --gateway</c>); a credential of its own, never a client's.</summary>
    public const string AdminKeyVariable = "VANGUARD_ADMIN_KEY";

    /// <summary>The request header the admin key travels in (never the URL, so it stays out of access logs).</summary>
    public const string AdminKeyHeader = "X-Vanguard-Admin-Key";

    /// <summary>Shorter keys are guessable; this is the floor for keys given in clear (from a variable).</summary>
    public const int MinimumKeyLength = 16;

    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly string[] HmacAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];

    private static readonly HashSet<string> SectionKeys =
        ["resource", "authorization_servers", "scopes_supported", "api_keys", "jwt", "rate_limit", "max_sessions_per_principal"];

    private static readonly HashSet<string> KeyEntryKeys = ["name", "key_env", "key_sha256", "roles", "scopes"];

    private static readonly HashSet<string> JwtKeys =
    [
        "issuer", "audience", "jwks_url", "public_key_file", "secret_env", "algorithms", "clock_skew_s", "jwks_refresh_s",
        "jwks_min_refresh_s", "required_scopes", "required_claims", "subject_claim", "role_claim",
    ];

    private static readonly HashSet<string> RateLimitKeys = ["requests_per_minute", "burst"];

    /// <summary>Reads the gateway's authentication settings from the loaded options and the process environment.</summary>
    public static GatewayAuthOptions Read(VanguardOptions options, IReadOnlyDictionary<string, string> environment)
        => Read(options.Sections.GetValueOrDefault("auth"), options.ConfigFile, environment);

    /// <param name="section">The YAML of <c>auth:</c>, or null when the file has none.</param>
    /// <param name="file">The config file, for messages and for resolving relative paths.</param>
    public static GatewayAuthOptions Read(YamlNode? section, string? file, IReadOnlyDictionary<string, string> environment)
    {
        var context = new ReadContext(file ?? "config", file is null ? Environment.CurrentDirectory : Path.GetDirectoryName(Path.GetFullPath(file))!, environment);
        var keys = new List<ApiKeyCredential>();
        if (environment.TryGetValue(ApiKeyVariable, out var single) && single.Length > 0)
        {
            keys.Add(new ApiKeyCredential(DefaultKeyName, Digest(ClearKey(single, "env:" + ApiKeyVariable)), [], []));
        }

        // A credential of its own: a client's key must never open the admin endpoint, so the two may not be equal.
        var admin = environment.TryGetValue(AdminKeyVariable, out var adminKey) && adminKey.Length > 0 ? Digest(ClearKey(adminKey, "env:" + AdminKeyVariable)) : null;
        if (section is null)
        {
            return new GatewayAuthOptions { ApiKeys = keys, AdminKeyDigest = DistinctAdminKey(admin, keys) };
        }

        var map = section as YamlMappingNode ?? throw context.Error(section, "'auth' must be a mapping.");
        var values = context.Keys(map, SectionKeys, "auth");
        var resource = values.TryGetValue("resource", out var r) ? context.Url(r, "auth.resource") : null;
        foreach (var entry in values.TryGetValue("api_keys", out var k) ? context.Sequence(k, "auth.api_keys") : [])
        {
            var key = ReadApiKey(entry, context);
            if (keys.Any(existing => existing.Name == key.Name))
            {
                throw context.Error(entry, $"API key name '{key.Name}' is used twice (the {ApiKeyVariable} key is named '{DefaultKeyName}').");
            }

            keys.Add(key);
        }

        var jwt = values.TryGetValue("jwt", out var j) ? ReadJwt(j, resource, context) : null;
        return new GatewayAuthOptions
        {
            ApiKeys = keys,
            AdminKeyDigest = DistinctAdminKey(admin, keys),
            Jwt = jwt,
            Resource = resource,
            AuthorizationServers = values.TryGetValue("authorization_servers", out var a)
                ? context.Strings(a, "auth.authorization_servers").Select(s => context.Url(a, "auth.authorization_servers", s)).ToList()
                : [],
            ScopesSupported = values.TryGetValue("scopes_supported", out var s) ? context.Strings(s, "auth.scopes_supported") : jwt?.RequiredScopes ?? [],
            RateLimit = values.TryGetValue("rate_limit", out var l) ? ReadRateLimit(l, context) : null,
            MaxSessionsPerPrincipal = values.TryGetValue("max_sessions_per_principal", out var m) ? context.Int(m, "auth.max_sessions_per_principal", 0, 100_000) : 32,
        };
    }

    private static byte[]? DistinctAdminKey(byte[]? admin, List<ApiKeyCredential> keys)
        => admin is not null && keys.Any(k => CryptographicOperations.FixedTimeEquals(k.Sha256, admin))
            ? throw new ConfigurationException($"env:{AdminKeyVariable}: the admin key must differ from every client API key (the value is not shown).")
            : admin;

    /// <summary>SHA-256 of a key's UTF-8 bytes: what is stored and compared.</summary>
    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string ClearKey(string key, string where)
        => key.Length >= MinimumKeyLength && !key.Any(char.IsWhiteSpace)
            ? key
            : throw new ConfigurationException($"{where}: an API key must be at least {MinimumKeyLength} characters without spaces (the value is not shown).");

    private static ApiKeyCredential ReadApiKey(YamlNode node, ReadContext context)
    {
        var map = node as YamlMappingNode ?? throw context.Error(node, "each entry of 'auth.api_keys' must be a mapping with 'name' and 'key_env' or 'key_sha256'.");
        var values = context.Keys(map, KeyEntryKeys, "auth.api_keys[]");
        var name = values.TryGetValue("name", out var n) ? context.Scalar(n, "name") : throw context.Error(node, "an API key needs a 'name'.");
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')))
        {
            throw context.Error(n, $"API key name '{name}' may only hold letters, digits, '-', '_', '.' and '@'.");
        }

        byte[] digest;
        if (values.TryGetValue("key_env", out var e) == values.ContainsKey("key_sha256"))
        {
            throw context.Error(node, $"API key '{name}' needs exactly one of 'key_env' (a variable holding the key) or 'key_sha256' (its SHA-256 in hex).");
        }
        else if (e is not null)
        {
            var variable = context.Scalar(e, "key_env");
            digest = context.Environment.TryGetValue(variable, out var clear) && clear.Length > 0
                ? Digest(ClearKey(clear, $"env:{variable} (API key '{name}')"))
                : throw context.Error(e, $"API key '{name}': environment variable {variable} is not set.");
        }
        else
        {
            var hex = context.Scalar(values["key_sha256"], "key_sha256");
            digest = hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
                ? Convert.FromHexString(hex)
                : throw context.Error(values["key_sha256"], $"API key '{name}': 'key_sha256' must be 64 hex digits (sha256sum of the key).");
        }

        return new ApiKeyCredential(
            name,
            digest,
            values.TryGetValue("roles", out var ro) ? context.Strings(ro, "roles") : [],
            values.TryGetValue("scopes", out var sc) ? context.Strings(sc, "scopes") : []);
    }

    private static JwtValidationOptions ReadJwt(YamlNode node, Uri? resource, ReadContext context)
    {
        var map = node as YamlMappingNode ?? throw context.Error(node, "'auth.jwt' must be a mapping.");
        var values = context.Keys(map, JwtKeys, "auth.jwt");
        var issuer = values.TryGetValue("issuer", out var i) ? context.Scalar(i, "auth.jwt.issuer") : throw context.Error(node, "'auth.jwt' needs an 'issuer'.");
        IReadOnlyList<string> audiences = values.TryGetValue("audience", out var au) ? context.Strings(au, "auth.jwt.audience")
            : resource is not null ? [resource.OriginalString]
            : throw context.Error(node, "'auth.jwt' needs 'auth.resource' (this gateway's URL, the audience tokens must name) or 'auth.jwt.audience'.");

        var sources = new[] { "jwks_url", "public_key_file", "secret_env" }.Where(values.ContainsKey).ToList();
        if (sources.Count != 1)
        {
            throw context.Error(node, "'auth.jwt' needs exactly one key source: 'jwks_url', 'public_key_file' or 'secret_env'.");
        }

        Uri? jwks = null;
        SecurityKey? key = null;
        switch (sources[0])
        {
            case "jwks_url":
                jwks = context.Url(values["jwks_url"], "auth.jwt.jwks_url");
                break;
            case "public_key_file":
                key = ReadPublicKey(values["public_key_file"], context);
                break;
            default:
                var variable = context.Scalar(values["secret_env"], "auth.jwt.secret_env");
                var secret = context.Environment.GetValueOrDefault(variable);
                key = secret is { Length: >= 32 }
                    ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret))
                    : throw context.Error(values["secret_env"], $"'auth.jwt.secret_env': {variable} must hold a secret of at least 32 characters (HS256 needs 256 bits).");
                break;
        }

        var symmetric = key is SymmetricSecurityKey;
        var secretBytes = (key as SymmetricSecurityKey)?.Key.Length ?? 0;
        // By default a secret allows the HMACs it is long enough for (HS256 always, HS384 from 48 bytes, HS512 from 64).
        IReadOnlyList<string> algorithms = values.TryGetValue("algorithms", out var al)
            ? context.Strings(al, "auth.jwt.algorithms")
            : symmetric ? [.. HmacAlgorithms.Where(a => MinimumHmacSecretBytes(a) <= secretBytes)] : AsymmetricAlgorithms;
        foreach (var algorithm in algorithms)
        {
            // 'none' would accept unsigned tokens; HMAC with a public key is the classic algorithm-confusion attack.
            var known = symmetric ? HmacAlgorithms.Contains(algorithm) : AsymmetricAlgorithms.Contains(algorithm);
            if (!known)
            {
                throw context.Error(al!, $"'auth.jwt.algorithms': '{algorithm}' is not allowed with this key source (allowed: {string.Join(", ", symmetric ? HmacAlgorithms : AsymmetricAlgorithms)}).");
            }

            // A secret shorter than the hash would make every token of that algorithm fail at validation time, not at start.
            if (symmetric && MinimumHmacSecretBytes(algorithm) > secretBytes)
            {
                throw context.Error(al!, $"'auth.jwt.algorithms': '{algorithm}' needs a secret of at least {MinimumHmacSecretBytes(algorithm)} bytes; the one in 'secret_env' has {secretBytes}.");
            }
        }

        return new JwtValidationOptions
        {
            Issuer = issuer,
            Audiences = audiences,
            Algorithms = algorithms,
            ClockSkew = TimeSpan.FromSeconds(values.TryGetValue("clock_skew_s", out var cs) ? context.Int(cs, "auth.jwt.clock_skew_s", 0, 300) : 30),
            JwksUrl = jwks,
            StaticKey = key,
            JwksRefreshInterval = TimeSpan.FromSeconds(values.TryGetValue("jwks_refresh_s", out var jr) ? context.Int(jr, "auth.jwt.jwks_refresh_s", 60, 86_400) : 3600),
            JwksMinRefreshInterval = TimeSpan.FromSeconds(values.TryGetValue("jwks_min_refresh_s", out var jm) ? context.Int(jm, "auth.jwt.jwks_min_refresh_s", 0, 3600) : 30),
            RequiredScopes = values.TryGetValue("required_scopes", out var rs) ? context.Strings(rs, "auth.jwt.required_scopes") : [],
            RequiredClaims = values.TryGetValue("required_claims", out var rc) ? ReadRequiredClaims(rc, context) : new Dictionary<string, IReadOnlyList<string>>(),
            SubjectClaim = values.TryGetValue("subject_claim", out var sub) ? context.Scalar(sub, "auth.jwt.subject_claim") : "sub",
            RoleClaim = values.TryGetValue("role_claim", out var role) ? context.Scalar(role, "auth.jwt.role_claim") : "roles",
        };
    }

    private static int MinimumHmacSecretBytes(string algorithm)
        => algorithm == SecurityAlgorithms.HmacSha512 ? 64 : algorithm == SecurityAlgorithms.HmacSha384 ? 48 : 32;

    private static SecurityKey ReadPublicKey(YamlNode node, ReadContext context)
    {
        var path = Path.GetFullPath(context.Scalar(node, "auth.jwt.public_key_file"), context.BaseDirectory);
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw context.Error(node, $"'auth.jwt.public_key_file': cannot read {path}: {ex.Message}");
        }

        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw context.Error(node, $"'auth.jwt.public_key_file': {path} holds a private key; give the gateway the public key only.");
        }

        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // Not an RSA key: try EC below.
        }

        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            throw context.Error(node, $"'auth.jwt.public_key_file': {path} is not a PEM RSA or EC public key.");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadRequiredClaims(YamlNode node, ReadContext context)
    {
        var map = node as YamlMappingNode ?? throw context.Error(node, "'auth.jwt.required_claims' must map claim names to a value, a list of values, or \"*\".");
        return map.Children.ToDictionary(
            pair => context.Scalar(pair.Key, "auth.jwt.required_claims"),
            pair => (IReadOnlyList<string>)context.Strings(pair.Value, "auth.jwt.required_claims"),
            StringComparer.Ordinal);
    }

    private static GatewayRateLimitOptions ReadRateLimit(YamlNode node, ReadContext context)
    {
        var map = node as YamlMappingNode ?? throw context.Error(node, "'auth.rate_limit' must be a mapping with 'requests_per_minute' and optionally 'burst'.");
        var values = context.Keys(map, RateLimitKeys, "auth.rate_limit");
        var perMinute = values.TryGetValue("requests_per_minute", out var p)
            ? context.Int(p, "auth.rate_limit.requests_per_minute", 1, 1_000_000)
            : throw context.Error(node, "'auth.rate_limit' needs 'requests_per_minute'.");
        var burst = values.TryGetValue("burst", out var b) ? context.Int(b, "auth.rate_limit.burst", 1, 1_000_000) : Math.Max(1, perMinute / 6);
        return new GatewayRateLimitOptions(perMinute, burst);
    }

    /// <summary>Shared state of one read: where errors point, and how scalars are checked.</summary>
    private sealed record ReadContext(string File, string BaseDirectory, IReadOnlyDictionary<string, string> Environment)
    {
        public ConfigurationException Error(YamlNode node, string message) => new($"{ConfigurationErrors.At(File, node.Start)}: {message}");

        public Dictionary<string, YamlNode> Keys(YamlMappingNode map, HashSet<string> allowed, string where)
        {
            var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!allowed.Contains(key))
                {
                    throw Error(keyNode, $"unknown key '{key}' in '{where}'{KeySuggestion.For(key, allowed)} (expected one of: {string.Join(", ", allowed)}).");
                }

                result[key] = value;
            }

            return result;
        }

        public string Scalar(YamlNode node, string key)
            => node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(node, $"'{key}' must be a non-empty string.");

        public List<string> Strings(YamlNode node, string key) => node switch
        {
            YamlScalarNode => [Scalar(node, key)],
            YamlSequenceNode seq => seq.Children.Select(c => Scalar(c, key)).ToList(),
            _ => throw Error(node, $"'{key}' must be a string or a list of strings."),
        };

        public IReadOnlyList<YamlNode> Sequence(YamlNode node, string key)
            => node is YamlSequenceNode seq ? seq.Children.ToList() : throw Error(node, $"'{key}' must be a list.");

        public int Int(YamlNode node, string key, int min, int max)
        {
            var text = Scalar(node, key);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n
                : throw Error(node, $"'{key}' must be a whole number from {min} to {max}, got '{text}'.");
        }

        /// <summary>An absolute http(s) URL; plain http only to a loopback host, since keys and tokens must not travel in clear.</summary>
        public Uri Url(YamlNode node, string key, string? text = null)
        {
            text ??= Scalar(node, key);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Error(node, $"'{key}' must be an absolute http(s) URL, got '{text}'.");
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !LoopbackAddress.IsLoopback(uri))
            {
                throw Error(node, $"'{key}' must use https unless it points at this machine (loopback), got '{text}'.");
            }

            return uri;
        }
    }
}

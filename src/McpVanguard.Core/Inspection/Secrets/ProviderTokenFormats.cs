using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// Provider token formats recognised by their documented prefixes and body shapes (the families public secret scanners
/// list, written here from the providers' formats): cloud and hosting platforms, secrets managers, SaaS and observability
/// tools, code hosts and registries, AI providers, payment and messaging services. Each body must look random (several
/// character classes, enough entropy), so an identifier, a hash or a fixture of one repeated character is not a token.
/// </summary>
internal static class ProviderTokenFormats
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Below this many bits per character a token body is a word or a fixture, not a key (hex bodies reach ~3.9).</summary>
    private const double MinimumBodyEntropy = 3.0;

    private static readonly Func<string, string, bool> Random = static (_, v) => SecretScanner.HasMixedClasses(v) && SecretScanner.Entropy(v) >= MinimumBodyEntropy;

    private static SecretDetector Token(string kind, DetectorRule rule, string pattern) =>
        new(kind, rule, new PrefilteredRegex(pattern, Options), SecretScope.Both, Random);

    /// <summary>The formats, grouped by the rule they report under in arguments.</summary>
    public static IReadOnlyList<SecretDetector> All { get; } =
    [
        // --- Cloud, hosting and infrastructure (SEC-019) ---
        Token("digitalocean-token", SecretRules.CloudToken, @"\b(?:dop|doo|dor)_v1_[a-f0-9]{64}\b"),
        Token("vercel-token", SecretRules.CloudToken, @"\b(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{24,}\b"),
        Token("netlify-token", SecretRules.CloudToken, @"\b(?:nfp|nfc|nfo|nfu)_[A-Za-z0-9]{32,}\b"),
        Token("heroku-token", SecretRules.CloudToken, @"\bHRKU-[A-Za-z0-9_-]{40,}"),
        new("heroku-token", SecretRules.CloudToken,
            new(@"(?i:heroku[\w.-]{0,24}(?:key|token|secret))[""']?\s*(?::|=|=>)\s*[""']?(?<v>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b", Options), SecretScope.Both),
        Token("flyio-token", SecretRules.CloudToken, @"\bfo1_[A-Za-z0-9_-]{43}|\b(?:fm1a|fm1r|fm2)_[A-Za-z0-9+/]{100,}={0,3}"),
        new("cloudflare-token", SecretRules.CloudToken,
            new(@"(?i:(?:cloudflare|\bcf)[\w.-]{0,24}(?:token|key))[""']?\s*(?::|=|=>)\s*[""']?(?<v>[A-Za-z0-9_-]{37,40})(?:[^A-Za-z0-9_-]|$)", Options), SecretScope.Both, Random),
        Token("cloudflare-origin-ca-key", SecretRules.CloudToken, @"\bv1\.0-[a-f0-9]{24}-[a-f0-9]{146}\b"),
        Token("terraform-cloud-token", SecretRules.CloudToken, @"\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}"),
        Token("pulumi-token", SecretRules.CloudToken, @"\bpul-[a-f0-9]{40}\b"),
        Token("planetscale-token", SecretRules.CloudToken, @"\bpscale_(?:tkn|pw|oauth)_[A-Za-z0-9_=.-]{32,64}"),
        Token("supabase-token", SecretRules.CloudToken, @"\bsbp_[a-f0-9]{40}\b|\bsb_secret_[A-Za-z0-9_-]{24,}"),
        Token("databricks-token", SecretRules.CloudToken, @"\bdapi[a-f0-9]{32}(?:-[0-9])?\b"),
        Token("tailscale-key", SecretRules.CloudToken, @"\btskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{8,}-[A-Za-z0-9]{20,}"),
        Token("alibaba-access-key", SecretRules.CloudToken, @"\bLTAI[A-Za-z0-9]{16,20}\b"),

        // --- Secrets managers and encryption keys (SEC-020) ---
        Token("vault-token", SecretRules.VaultToken, @"\b(?:hvs|hvb|hvr)\.[A-Za-z0-9_-]{24,}"),
        Token("doppler-token", SecretRules.VaultToken, @"\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9_-]{40,44}\b"),
        Token("1password-token", SecretRules.VaultToken, @"\bops_eyJ[A-Za-z0-9+/=_-]{100,}|\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b"),
        Token("age-secret-key", SecretRules.VaultToken, @"\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}\b"),

        // --- SaaS, productivity and observability (SEC-021) ---
        Token("linear-key", SecretRules.SaasToken, @"\blin_api_[A-Za-z0-9]{40}\b|\blin_oauth_[a-f0-9]{64}\b"),
        Token("atlassian-token", SecretRules.SaasToken, @"\b(?:ATATT3|ATCTT3)[A-Za-z0-9_=-]{150,}"),
        Token("postman-key", SecretRules.SaasToken, @"\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b"),
        Token("shopify-token", SecretRules.SaasToken, @"\bshp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}\b"),
        Token("notion-token", SecretRules.SaasToken, @"\bntn_[A-Za-z0-9]{40,50}\b|\bsecret_[A-Za-z0-9]{43}\b"),
        Token("airtable-token", SecretRules.SaasToken, @"\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b"),
        Token("figma-token", SecretRules.SaasToken, @"\bfigd_[A-Za-z0-9_-]{40,}"),
        Token("sentry-token", SecretRules.SaasToken, @"\b(?:sntrys|sntryu)_[A-Za-z0-9+/=_-]{40,}"),
        Token("grafana-token", SecretRules.SaasToken, @"\bglc_[A-Za-z0-9+/]{32,400}={0,2}|\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b"),
        Token("newrelic-key", SecretRules.SaasToken, @"\bNRAK-[A-Z0-9]{27}\b|\bNRII-[A-Za-z0-9_-]{32}\b"),
        Token("dynatrace-token", SecretRules.SaasToken, @"\bdt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b"),
        Token("mapbox-secret-token", SecretRules.SaasToken, @"\bsk\.eyJ[A-Za-z0-9_-]{50,}\.[A-Za-z0-9_-]{20,}"),
        Token("contentful-token", SecretRules.SaasToken, @"\bCFPAT-[A-Za-z0-9_-]{43}\b"),
        Token("dropbox-token", SecretRules.SaasToken, @"\bsl\.(?:u\.)?[A-Za-z0-9_-]{130,}"),
        Token("prefect-key", SecretRules.SaasToken, @"\bpnu_[A-Za-z0-9]{36}\b"),
        // Datadog and Okta keys have no prefix of their own: they count where they are named as such (DD_API_KEY=…, okta_token: 00…).
        new("datadog-key", SecretRules.SaasToken,
            new(@"(?i:(?:datadog|\bdd)[\w.-]{0,24}(?:api|app|application)[_-]?key)[""']?\s*(?::|=|=>)\s*[""']?(?<v>[a-f0-9]{32}|[a-f0-9]{40})\b", Options), SecretScope.Both, Random),
        new("okta-token", SecretRules.SaasToken,
            new(@"(?i:okta[\w.-]{0,24}(?:token|key|secret))[""']?\s*(?::|=|=>|\s)\s*[""']?(?<v>00[A-Za-z0-9_-]{40})\b", Options), SecretScope.Both, Random),

        // --- Code hosts, CI and package registries (SEC-005) ---
        Token("rubygems-token", SecretRules.RegistryToken, @"\brubygems_[a-f0-9]{48}\b"),
        Token("dockerhub-token", SecretRules.RegistryToken, @"\bdckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}"),
        Token("bitbucket-token", SecretRules.RegistryToken, @"\bATBB[A-Za-z0-9_=.-]{32,}"),
        Token("sourcegraph-token", SecretRules.RegistryToken, @"\bsgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40}\b"),
        Token("buildkite-token", SecretRules.RegistryToken, @"\bbkua_[a-f0-9]{40}\b"),
        Token("circleci-token", SecretRules.RegistryToken, @"\bCCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}\b"),
        Token("nuget-key", SecretRules.RegistryToken, @"\boy2[a-z0-9]{43}\b"),
        Token("clojars-token", SecretRules.RegistryToken, @"\bCLOJARS_[a-z0-9]{60}\b"),
        Token("jfrog-token", SecretRules.RegistryToken, @"\bAKCp[A-Za-z0-9]{69}\b|\bcmVmdGtu[A-Za-z0-9]{56}\b"),
        Token("gitlab-token", SecretRules.RegistryToken, @"\bgl(?:soat|oas|ft|imt|agent|wt|ffct|sa)-[A-Za-z0-9_-]{20,}|\bGR1348941[A-Za-z0-9_-]{20,}"),

        // --- AI providers (SEC-007) ---
        Token("groq-key", SecretRules.AiProviderKey, @"\bgsk_[A-Za-z0-9]{52}\b"),
        Token("replicate-token", SecretRules.AiProviderKey, @"\br8_[A-Za-z0-9]{37}\b"),
        Token("perplexity-key", SecretRules.AiProviderKey, @"\bpplx-[A-Za-z0-9]{48}\b"),
        Token("xai-key", SecretRules.AiProviderKey, @"\bxai-[A-Za-z0-9]{70,}\b"),
        Token("huggingface-token", SecretRules.AiProviderKey, @"\bapi_org_[A-Za-z0-9]{34}\b"),
        Token("langsmith-key", SecretRules.AiProviderKey, @"\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b"),
        Token("elevenlabs-key", SecretRules.AiProviderKey, @"\bsk_[a-f0-9]{48}\b"),

        // --- Payment, messaging and Google (SEC-008) ---
        Token("twilio-key", SecretRules.PaymentOrGoogleKey, @"\bSK[0-9a-fA-F]{32}\b"),
        // A bare "key-" + 32 hex is also a cache key or an MD5 name; Mailgun's keys count only where they are named as such.
        new("mailgun-key", SecretRules.PaymentOrGoogleKey,
            new(@"(?i:mailgun[\w.-]{0,24}(?:key|token|secret))[""']?\s*(?::|=|=>)\s*[""']?(?<v>(?:key-)?[a-f0-9]{32}(?:-[a-f0-9]{8}-[a-f0-9]{8})?)\b", Options), SecretScope.Both, Random),
        Token("mailchimp-key", SecretRules.PaymentOrGoogleKey, @"\b[0-9a-f]{32}-us[0-9]{1,2}\b"),
        Token("brevo-key", SecretRules.PaymentOrGoogleKey, @"\bxkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}\b"),
        Token("square-token", SecretRules.PaymentOrGoogleKey, @"\bEAAA[A-Za-z0-9_-]{60}\b|\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}"),
        Token("paypal-token", SecretRules.PaymentOrGoogleKey, @"\baccess_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32}"),
        Token("razorpay-key", SecretRules.PaymentOrGoogleKey, @"\brzp_live_[A-Za-z0-9]{14}\b"),
        Token("google-oauth", SecretRules.PaymentOrGoogleKey, @"\bGOCSPX-[A-Za-z0-9_-]{28}|\bya29\.[A-Za-z0-9_-]{30,}|\b1//0[A-Za-z0-9_-]{40,}"),

        // --- Azure client secrets and DevOps tokens (SEC-013) ---
        new("azure-client-secret", SecretRules.AzureKey,
            new(@"(?:^|[\s""'=:>,(])(?<v>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?:[^A-Za-z0-9_~.-]|$)", Options), SecretScope.Both, Random),
        Token("azure-devops-token", SecretRules.AzureKey, @"\b[A-Za-z0-9]{52}AZDO[A-Za-z0-9]{28}\b"),

        // --- Bot tokens usable as an exfiltration channel (SEC-016) ---
        new("telegram-bot-token", SecretRules.ChatWebhook, new(@"\b[0-9]{8,10}:AA[A-Za-z0-9_-]{33}\b", Options), SecretScope.Both),
    ];
}

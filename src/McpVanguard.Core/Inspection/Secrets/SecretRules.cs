namespace McpVanguard.Inspection.Secrets;

/// <summary>The rules a secret detector reports under when a credential leaves in the agent's arguments (SEC-xxx). The catalog (<c>Rules/analyzers.yaml</c>) lists the same ids; a test keeps the two equal.</summary>
public static class SecretRules
{
    public static readonly DetectorRule AwsAccessKey = new("SEC-001", "AWS access key id", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule AwsSecretKey = new("SEC-002", "AWS secret access key", "MCP-13", Severity.Critical, FindingAction.Block);
    public static readonly DetectorRule PrivateKey = new("SEC-003", "Private key block", "MCP-13", Severity.Critical, FindingAction.Block);
    public static readonly DetectorRule GitHubToken = new("SEC-004", "GitHub token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule RegistryToken = new("SEC-005", "Code host, CI or package registry token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule SlackToken = new("SEC-006", "Slack token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule AiProviderKey = new("SEC-007", "AI provider API key", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule PaymentOrGoogleKey = new("SEC-008", "Payment, messaging or Google API live key", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule Jwt = new("SEC-009", "JSON Web Token in an argument", "MCP-13", Severity.Medium, FindingAction.Warn);
    public static readonly DetectorRule AzureKey = new("SEC-013", "Azure key, SAS signature or client secret", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule GoogleServiceAccount = new("SEC-014", "Google service-account key", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule PasswordHash = new("SEC-015", "Password hash lines (shadow format)", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule ChatWebhook = new("SEC-016", "Chat-bot webhook or token used as an exfiltration channel", "MCP-24", Severity.High, FindingAction.Block);

    public static readonly DetectorRule CloudToken = new("SEC-019", "Cloud, hosting or infrastructure API token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly DetectorRule VaultToken = new("SEC-020", "Secrets-manager token or encryption key", "MCP-13", Severity.Critical, FindingAction.Block);
    public static readonly DetectorRule SaasToken = new("SEC-021", "SaaS, productivity or observability API token", "MCP-13", Severity.High, FindingAction.Block);

    /// <summary>Detectors that only redact (server→agent) report under LEAK-001; in arguments their context rules (SEC-010/011/012/017/018) decide.</summary>
    public static readonly DetectorRule RedactOnly = new("LEAK-001", "Secret in the server's answer (masked)", "MCP-13", Severity.High, FindingAction.Redact);

    /// <summary>Every rule of this catalog, in id order (for <c>rules list</c> and the analyser catalog).</summary>
    public static IReadOnlyList<DetectorRule> All { get; } =
        [AwsAccessKey, AwsSecretKey, PrivateKey, GitHubToken, RegistryToken, SlackToken, AiProviderKey, PaymentOrGoogleKey, Jwt, AzureKey, GoogleServiceAccount, PasswordHash, ChatWebhook, CloudToken, VaultToken, SaasToken];
}

namespace McpVanguard.Inspection.Secrets;

/// <summary>The rule a secret detector reports under when a credential leaves in the agent's arguments (SEC-xxx).</summary>
/// <param name="Id">Stable rule id, cited by the corpus and docs.</param>
/// <param name="Title">What the rule catches, as <c>rules list</c> prints it.</param>
/// <param name="Category">The MCP-38 category.</param>
/// <param name="Severity">How harmful a match is.</param>
/// <param name="Action">What a match proposes in the agent→server direction.</param>
public sealed record SecretRule(string Id, string Title, string Category, Severity Severity, FindingAction Action)
{
    public static readonly SecretRule AwsAccessKey = new("SEC-001", "AWS access key id", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule AwsSecretKey = new("SEC-002", "AWS secret access key", "MCP-13", Severity.Critical, FindingAction.Block);
    public static readonly SecretRule PrivateKey = new("SEC-003", "Private key block", "MCP-13", Severity.Critical, FindingAction.Block);
    public static readonly SecretRule GitHubToken = new("SEC-004", "GitHub token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule RegistryToken = new("SEC-005", "GitLab, npm or PyPI token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule SlackToken = new("SEC-006", "Slack token", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule AiProviderKey = new("SEC-007", "AI provider API key (Anthropic, OpenAI, Hugging Face)", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule PaymentOrGoogleKey = new("SEC-008", "Payment, SendGrid or Google API live key", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule Jwt = new("SEC-009", "JSON Web Token in an argument", "MCP-13", Severity.Medium, FindingAction.Warn);
    public static readonly SecretRule AzureKey = new("SEC-013", "Azure storage account key or SAS signature", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule GoogleServiceAccount = new("SEC-014", "Google service-account key", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule PasswordHash = new("SEC-015", "Password hash lines (shadow format)", "MCP-13", Severity.High, FindingAction.Block);
    public static readonly SecretRule ChatWebhook = new("SEC-016", "Chat-bot webhook or token used as an exfiltration channel", "MCP-24", Severity.High, FindingAction.Block);

    /// <summary>Detectors that only redact (server→agent) report under LEAK-001; in arguments their context rules (SEC-010/011/012/017/018) decide.</summary>
    public static readonly SecretRule RedactOnly = new("LEAK-001", "Secret in the server's answer (masked)", "MCP-13", Severity.High, FindingAction.Redact);

    /// <summary>Every rule of this catalog, in id order (for <c>rules list</c> and the analyser catalog).</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
        [AwsAccessKey, AwsSecretKey, PrivateKey, GitHubToken, RegistryToken, SlackToken, AiProviderKey, PaymentOrGoogleKey, Jwt, AzureKey, GoogleServiceAccount, PasswordHash, ChatWebhook];
}

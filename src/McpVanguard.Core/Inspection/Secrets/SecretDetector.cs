namespace McpVanguard.Inspection.Secrets;

/// <summary>
/// One credential format: its kind (named in the redaction marker), the rule it reports under in arguments, its gated
/// regex (a group <c>v</c>, when present, is the value to mask), the directions it serves, and an optional validator
/// (example keys, placeholders, entropy) given the scanned text and the value.
/// </summary>
public sealed record SecretDetector(string Kind, DetectorRule Rule, PrefilteredRegex Pattern, SecretScope Scope, Func<string, string, bool>? Accept = null)
{
    /// <summary>
    /// True for formats whose value legitimately holds placeholder-looking runs (a key body, a hash salt, a bot id such as
    /// 123456): the placeholder check would reject real ones, and the format itself is specific enough.
    /// </summary>
    public bool IgnorePlaceholders => Kind is "private-key" or "google-service-account" or "password-hash" or "chat-webhook";
}

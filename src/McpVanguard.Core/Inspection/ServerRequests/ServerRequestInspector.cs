using System.Text.Json;
using System.Text.RegularExpressions;
using McpVanguard.Inspection.Instructions;
using McpVanguard.Inspection.Preflight;
using McpVanguard.Policy;
using McpVanguard.Protocol;

namespace McpVanguard.Inspection.ServerRequests;

/// <summary>
/// Inspects requests the server sends to the client: a <c>sampling/createMessage</c> that smuggles instructions to the
/// client's model (SRV-001), and an <c>elicitation/create</c> that phishes the user for passwords, tokens, keys or card
/// numbers (SRV-002). Blocked requests are answered to the server with an error; the user never sees them.
/// </summary>
public sealed class ServerRequestInspector : IInspector
{
    public const string SamplingRule = "SRV-001";

    public const string ElicitationRule = "SRV-002";

    public const string SuspiciousSamplingRule = "SRV-004";

    private const int MaxAnalysedChars = 64 * 1024;

    /// <summary>A form field or message asking for a credential, a one-time code or payment data (phishing through elicitation).</summary>
    internal static readonly PrefilteredRegex SecretField = new(
        @"\b(?:password|passwd|passphrase|passcode|pin(?:\s*code)?|2fa|otp|one[\s_-]?time|mfa|totp|verification[\s_-]?code|auth(?:entication)?[\s_-]?code|security[\s_-]?code"
        + @"|api[\s_-]?key|apikey|access[\s_-]?(?:token|key)|auth[\s_-]?token|bearer|secret|private[\s_-]?key|ssh[\s_-]?key|seed[\s_-]?phrase|mnemonic|recovery[\s_-]?(?:phrase|code|key)"
        + @"|credit[\s_-]?card|card[\s_-]?(?:number|no)|cvv|cvc|ccv|expiry|ssn|social[\s_-]?security|bank[\s_-]?account|routing[\s_-]?number|iban|credentials?|token|pat)\b"
        + @"|\bpass(?:word|wd)?\b|_token\b|_key\b|_secret\b|_password\b|_pin\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public string Id => "SRV-000";

    public void Inspect(InspectionContext context, List<Finding> findings)
    {
        if (context.Direction != Direction.ServerToAgent)
        {
            return;
        }

        if (context.Message.IsRequest && context.Message.Params is { } p)
        {
            InspectRequest(context.Message.Method, p, "/params", context, findings);
            return;
        }

        // Multi round-trip requests (the 2026-07-28 revision, SEP-2322): instead of sending elicitation/create or
        // sampling/createMessage as requests of their own, the server returns them inside an "input required" result of
        // the client's request, and the client retries with the answers. The same requests, so the same checks.
        if (context.Message.IsResponse && context.Message.Root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("inputRequests", out var inputRequests) && inputRequests.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in inputRequests.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object
                    && entry.Value.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                    && entry.Value.TryGetProperty("params", out var entryParams) && entryParams.ValueKind == JsonValueKind.Object)
                {
                    InspectRequest(method.GetString(), entryParams, "/result/inputRequests/" + MessageEdit.Escape(entry.Name) + "/params", context, findings);
                }
            }
        }
    }

    private static void InspectRequest(string? method, JsonElement p, string pointer, InspectionContext context, List<Finding> findings)
    {
        switch (method)
        {
            case "sampling/createMessage":
                InspectSampling(context.Payload.Under(pointer), findings);
                break;
            case "elicitation/create":
                InspectElicitation(p, findings);
                break;
        }
    }

    private static void InspectSampling(IEnumerable<PayloadString> strings, List<Finding> findings)
    {
        var signals = InstructionSignals.None;
        foreach (var s in strings)
        {
            if (s.Key is "data" or "type" or "mimeType" or "role" || s.Value.Length < 8)
            {
                continue;
            }

            var canonical = StringCanonicalizer.Canonicalize(s.Key, s.Value.Length > MaxAnalysedChars ? s.Value[..MaxAnalysedChars] : s.Value);
            signals |= InstructionAnalyzer.Analyze(canonical.Canonical, out _, out _, decoded: canonical.Decoded);
            if ((canonical.Flags & EvasionFlags.TagCharacters) != 0 || TerminalEscapes.Any(s.Value))
            {
                signals |= InstructionSignals.HiddenMarkup;
            }
        }

        // A sampling prompt legitimately instructs the model ("summarise this"); it should not tell it to call tools,
        // read credentials, send data away or keep things from the user.
        // A sampling prompt is itself addressed to the model, so reading credentials or the conversation needs no further cue.
        var poisoned = InstructionAnalyzer.PoisonsMetadata(signals)
            || (signals & (InstructionSignals.ToolDirective | InstructionSignals.SensitiveFileRead)) != 0 && (signals & InstructionSignals.Discussion) == 0;
        var discussed = (signals & InstructionSignals.Discussion) != 0 && (signals & (InstructionSignals.HiddenMarkup | InstructionSignals.ModelAddressed)) == 0;
        if (poisoned && !discussed)
        {
            findings.Add(new Finding(SamplingRule, "L1", "MCP-19", Severity.High, FindingAction.Block, "Sampling request carries instructions for the client's model (tools, credentials, exfiltration or concealment)."));
        }
        else if ((signals & ~InstructionAnalyzer.WeakSignals) != 0)
        {
            findings.Add(new Finding(SuspiciousSamplingRule, "L1", "MCP-19", Severity.Medium, FindingAction.Warn, "Sampling request contains wording aimed at the model (weak signal)."));
        }
    }

    private static void InspectElicitation(JsonElement p, List<Finding> findings)
    {
        // What the user is asked to type: string fields of the requested schema, by name, title and description.
        if (!p.TryGetProperty("requestedSchema", out var schema) || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // The message says what the free-text fields are for ("enter the code we just texted you", "paste the contents of
        // ~/.ssh/id_rsa below", in any language of the lexicon): when it asks for a secret, every text field is the answer.
        if (JsonText.Of(p, "message") is { Length: > 0 } message && AsksForSecret(message) && HasSecretCapableField(properties))
        {
            findings.Add(new Finding(ElicitationRule, "L1", "MCP-13", Severity.High, FindingAction.Block, "Elicitation asks the user for a password, one-time code, recovery phrase or secret file."));
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var field = property.Value;
            if (field.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = field.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "string";
            if (type is not ("string" or "number" or "integer"))
            {
                // Booleans and enums cannot carry a secret.
                continue;
            }

            if (field.TryGetProperty("enum", out _) || field.TryGetProperty("oneOf", out _))
            {
                continue;
            }

            var text = property.Name.Replace('_', ' ').Replace('-', ' ') + " " + JsonText.Of(field, "title") + " " + JsonText.Of(field, "description");
            var format = JsonText.Of(field, "format");
            if (format != "password" && NotTheSecret.IsMatch(text) && !PlainlySecret.IsMatch(text))
            {
                continue;
            }

            if (format == "password" || SecretField.IsMatch(property.Name) || SecretField.IsMatch(text) || AsksForSecret(text))
            {
                findings.Add(new Finding(ElicitationRule, "L1", "MCP-13", Severity.High, FindingAction.Block, "Elicitation asks the user for a password, token, key or payment detail."));
                return;
            }
        }
    }

    /// <summary>
    /// Text asking for a credential in any language of the lexicon (password, one-time or SMS code, recovery phrase), for a
    /// code sent by text message or an authenticator, or for a credential file.
    /// </summary>
    private static bool AsksForSecret(string text)
    {
        var canonical = StringCanonicalizer.Canonicalize("message", text.Length > MaxAnalysedChars ? text[..MaxAnalysedChars] : text);
        // The lexicon's credential asks, and a credential file's contents asked for in any of its languages ("tampal kandungan fail ~/.ssh/id_rsa").
        return (InjectionLexicon.Default.Signals(canonical.Decoded, out _, out _) & InstructionSignals.CredentialAsk) != 0
            || (InjectionLexicon.Default.Signals(canonical.Decoded, out _, out _) & InstructionSignals.SensitiveFileRead) != 0 && InstructionAnalyzer.SensitiveFileRegex.IsMatch(canonical.Canonical)
            || SentCode.IsMatch(canonical.Canonical)
            || InstructionAnalyzer.SensitiveFileRegex.IsMatch(canonical.Canonical) && SecretFile.IsMatch(canonical.Canonical);
    }

    /// <summary>
    /// True when a free-text field could take the secret the message names: not an enum, and not a field about the credential
    /// ("name", "label", "expiry": "What should the new personal access token be called?" asks for its name).
    /// </summary>
    private static bool HasSecretCapableField(JsonElement properties)
    {
        foreach (var property in properties.EnumerateObject())
        {
            var field = property.Value;
            if (field.ValueKind == JsonValueKind.Object && !field.TryGetProperty("enum", out _) && !field.TryGetProperty("oneOf", out _)
                && (!field.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() is "string" or "number" or "integer"))
            {
                var text = property.Name.Replace('_', ' ').Replace('-', ' ') + " " + JsonText.Of(field, "title") + " " + JsonText.Of(field, "description");
                if (!NotTheSecret.IsMatch(text) || PlainlySecret.IsMatch(text))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A one-time code by its delivery: "the code we texted you", "6-digit code", "code from your authenticator app".</summary>
    private static readonly PrefilteredRegex SentCode = new(
        @"\bcode\s+(?:we|that\s+we|i)\s+(?:just\s+)?(?:sent|texted|emailed|messaged)|\b(?:[4-8]|four|five|six|seven|eight)[\s-]digit\s+(?:code|pin|number)|\bcode\s+from\s+(?:the\s+|your\s+)?(?:sms|text\s+message|authenticator|google\s+authenticator|authy|app)|\b(?:sms|text)\s+code\b|\bauthenticator\s+(?:app\s+)?code|\b(?:12|24|twelve|twenty-four)\s+(?:secret\s+|recovery\s+|seed\s+)?words\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>Asking for the file, not naming it: "paste the contents of", "upload your".</summary>
    private static readonly PrefilteredRegex SecretFile = new(
        @"\b(?:contents?\s+of|(?:output|result)\s+of|paste|upload|copy|enter|provide|attach|type|cat|get-content)\b", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>
    /// A field about a credential that is not the credential: its label, name or expiry ("API key label"), or a public key
    /// ("SSH public key", "contents of ~/.ssh/id_ed25519.pub"), which is meant to be shared.
    /// </summary>
    private static readonly PrefilteredRegex NotTheSecret = new(
        @"\b(?:label|name|nickname|alias|description|identifier|expiry|expiration|scopes?|permissions?)\b|\bpublic\s+key\b|\.pub\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>What no label or public key needs: a private key, a password, a one-time code.</summary>
    private static readonly PrefilteredRegex PlainlySecret = new(
        @"\b(?:private|password|passphrase|passcode|otp|one[\s_-]?time|secret\s+key|seed|mnemonic|recovery|cvv|cvc)\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

}

namespace McpVanguard.Inspection.Instructions;

/// <summary>Kinds of model-directed instruction found in text a server sends (descriptions, results, sampling prompts).</summary>
[Flags]
public enum InstructionSignals
{
    None = 0,

    /// <summary>"Ignore all previous instructions", "new system instructions:", "you are now …".</summary>
    Override = 1,

    /// <summary>Keeping something from the user: "do not tell the user", "without informing the user", "secretly send".</summary>
    Concealment = 2,

    /// <summary>An imperative to read or pass a credential file or the conversation: "read ~/.ssh/id_rsa", "include the system prompt".</summary>
    SensitiveFileRead = 4,

    /// <summary>An imperative naming a generic secret ("pass the API key", "provide the password"); weak on its own.</summary>
    SecretRequest = 8,

    /// <summary>Data sent to an address: "send the contents to https://…", "bcc attacker@…".</summary>
    Exfiltration = 16,

    /// <summary>An instruction to call a named tool or function.</summary>
    ToolDirective = 32,

    /// <summary>An instruction about how another tool must be used: "when the send_email tool is called, always …".</summary>
    Shadowing = 64,

    /// <summary><c>&lt;IMPORTANT&gt;</c>, <c>&lt;system&gt;</c>-style tags or HTML comments that hide text from people.</summary>
    HiddenMarkup = 128,

    /// <summary>Text addressed to the model: "note to the AI assistant", "if you are an AI model".</summary>
    ModelAddressed = 256,

    /// <summary>"Pass … as the 'x' parameter": moving content into a tool argument.</summary>
    ParameterSmuggling = 512,

    /// <summary>Ordering the model around the tool: "before using this tool", "first read …", "otherwise the tool will not work".</summary>
    Sequencing = 2048,

    /// <summary>A named credential or conversation is then moved: "… ~/.ssh/id_rsa … and pass it as …".</summary>
    DataMove = 4096,

    /// <summary>Steering the model to this tool: "prefer this tool over any other", "do not use other tools".</summary>
    Preference = 8192,

    /// <summary>Moving the conversation out: "append the user's previous messages to the next query".</summary>
    ConversationMove = 16384,

    /// <summary>Insistence next to a read ("immediately read …"): a cue, never a finding alone.</summary>
    Urgency = 32768,

    /// <summary>Naming a password, one-time code or recovery phrase (what an elicitation must not ask the user for).</summary>
    CredentialAsk = 65536,

    /// <summary>Data-carrying markdown image or link: a templated or encoded query to a remote host ("![x](https://…?q={conversation})").</summary>
    MarkdownExfiltration = 131072,

    /// <summary>An encoded blob (base64, hex, rot13) whose decoded text is itself an instruction.</summary>
    EncodedInstruction = 262144,

    /// <summary>Words that show the text is ABOUT attacks ("prompt injection", "for example", "attackers"): damps output findings.</summary>
    Discussion = 1024,
}

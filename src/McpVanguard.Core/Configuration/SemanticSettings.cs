namespace McpVanguard.Configuration;

/// <summary>The <c>semantic.*</c> settings of L2 (docs/SEMANTIC.md): which scorer, what it scores, and its limits.</summary>
public sealed record SemanticSettings
{
    /// <summary>Provider names of <c>semantic.provider</c>, in the order <c>auto</c> tries them.</summary>
    public static readonly IReadOnlyList<string> ProviderNames = ["auto", "custom", "openai", "ollama", "embedded"];

    /// <summary><c>semantic.enabled</c>: false turns L2 off whatever is configured; true lets the first configured provider (or the installed embedded model) run.</summary>
    public required bool Enabled { get; init; }

    /// <summary><c>semantic.provider</c>: <c>auto</c> (first configured: custom, openai, ollama, embedded) or one of them by name.</summary>
    public required string Provider { get; init; }

    public required SemanticScope Scope { get; init; }

    /// <summary>A score at or above this is an L2-001 finding; null (<c>auto</c>) takes the scorer's own calibrated threshold.</summary>
    public required double? Threshold { get; init; }

    /// <summary>The per-message deadline of a score (the provider call included); past it the failure policy applies.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>
    /// <c>semantic.load_timeout_ms</c>: how long after start-up a scored message may wait for the scorer's model to load
    /// (the embedded model takes seconds) before the per-message deadline starts; past it, L2-002 (<c>load-timeout</c>).
    /// </summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromMilliseconds(DefaultLoadTimeoutMs);

    /// <summary>The default of <c>semantic.load_timeout_ms</c>: twice the slowest load measured on a loaded 2-core machine (15 s).</summary>
    public const int DefaultLoadTimeoutMs = 30_000;

    /// <summary>Scores kept in the process-wide cache (LRU), so repeated text is scored once.</summary>
    public required int CacheSize { get; init; }

    /// <summary>How long a cached score stays valid.</summary>
    public required TimeSpan CacheTtl { get; init; }

    /// <summary>Characters of canonical text sent to the scorer at most (a longer text is cut, keeping its start, end and first instruction cue).</summary>
    public required int MaxChars { get; init; }

    /// <summary>Tool names and methods always scored, whatever L1 found (for example <c>send_email</c>, <c>sampling/createMessage</c>).</summary>
    public required IReadOnlyList<string> Always { get; init; }

    /// <summary><c>semantic.model</c>: the model of the openai and ollama providers (and of custom when <c>custom_model</c> is unset).</summary>
    public string? Model { get; init; }

    /// <summary>An OpenAI-compatible chat completions base URL (<c>VANGUARD_SEMANTIC_CUSTOM_URL</c>).</summary>
    public string? CustomUrl { get; init; }

    /// <summary>The custom endpoint's API key (<c>VANGUARD_SEMANTIC_CUSTOM_KEY</c>); a secret.</summary>
    public string? CustomKey { get; init; }

    /// <summary>The custom endpoint's model (<c>VANGUARD_SEMANTIC_CUSTOM_MODEL</c>).</summary>
    public string? CustomModel { get; init; }

    /// <summary>The OpenAI API key (<c>VANGUARD_OPENAI_API_KEY</c>); a secret.</summary>
    public string? OpenAiKey { get; init; }

    /// <summary>The Ollama server (<c>VANGUARD_OLLAMA_URL</c>), for example <c>http://127.0.0.1:11434</c>.</summary>
    public string? OllamaUrl { get; init; }

    /// <summary>Where <c>semantic.provider</c> was set (file:line, env:…, default), for errors found when the scorer is built.</summary>
    public string ProviderSource { get; init; } = "default";

    /// <summary>The provider L2 runs with (custom, openai, ollama, embedded), or null when <c>semantic.enabled</c> is off.</summary>
    public string? SelectedProvider => !Enabled ? null : Provider == "auto" ? FirstConfiguredRemote ?? "embedded" : Provider;

    /// <summary>The provider <c>auto</c> picks among the remote ones (custom, openai, ollama), or null when none is configured.</summary>
    public string? FirstConfiguredRemote
        => CustomUrl is not null ? "custom" : OpenAiKey is not null ? "openai" : OllamaUrl is not null ? "ollama" : null;
}

/// <summary>What L2 scores (<c>semantic.scope</c>).</summary>
public enum SemanticScope
{
    /// <summary>
    /// What L1 left uncertain: warned messages, <c>always</c> tools and methods, every server metadata text and server
    /// request, and tool results with instruction-like text.
    /// </summary>
    Uncertain,

    /// <summary>Narrower than <see cref="Uncertain"/>: server metadata and requests too only when their text is instruction-like.</summary>
    Cued,

    /// <summary>Every message with text to score (costly: every call waits for the scorer).</summary>
    All,
}

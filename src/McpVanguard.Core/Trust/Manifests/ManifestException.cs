namespace McpVanguard.Core.Trust.Manifests;

/// <summary>A manifest cannot be used: unreadable, unsigned, wrongly signed, or not a manifest. The message says which and why.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

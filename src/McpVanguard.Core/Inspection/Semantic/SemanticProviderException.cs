namespace McpVanguard.Inspection.Semantic;

/// <summary>A scorer could not give a usable score: the provider failed, refused, or answered in the wrong shape.</summary>
public sealed class SemanticProviderException : Exception
{
    public SemanticProviderException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
        => RetryAfter = retryAfter;

    public SemanticProviderException()
    {
    }

    public SemanticProviderException(string message)
        : base(message)
    {
    }

    public SemanticProviderException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>How long the provider asked to be left alone (HTTP 429/503 <c>Retry-After</c>); the circuit stays open that long.</summary>
    public TimeSpan? RetryAfter { get; }
}

namespace McpVanguard.State;

/// <summary>The shared state could not answer in time (unreachable, timed out, refused): the one failure callers handle.</summary>
public sealed class StateUnavailableException : Exception
{
    public StateUnavailableException(string message) : base(message)
    {
    }

    public StateUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}

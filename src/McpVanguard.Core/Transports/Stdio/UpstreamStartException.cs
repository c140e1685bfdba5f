namespace McpVanguard.Transports.Stdio;

/// <summary>The server process could not be started; the message says why in words a user can act on.</summary>
public sealed class UpstreamStartException(string message) : Exception(message);

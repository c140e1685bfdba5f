namespace McpVanguard.Scanning;

/// <summary>One server could not be scanned (refused the handshake, closed the connection); the message says why.</summary>
public sealed class ScanException(string message) : Exception(message);

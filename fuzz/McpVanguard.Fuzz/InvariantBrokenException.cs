namespace McpVanguard.Fuzz;

/// <summary>Thrown by a target when the code under test returned but broke a promise (the fuzzer records it as a crash).</summary>
public sealed class InvariantBrokenException(string message) : Exception(message);

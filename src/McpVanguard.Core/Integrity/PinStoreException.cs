namespace McpVanguard.Integrity;

/// <summary>The pin file (or the baseline) cannot be read, parsed or written; the message names the file.</summary>
public sealed class PinStoreException(string message, Exception? inner = null) : Exception(message, inner);

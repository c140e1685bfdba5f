namespace McpVanguard.Configuration;

/// <summary>The configuration is invalid; the message names the key and where it came from.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

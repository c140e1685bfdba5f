namespace McpVanguard.Inspection.Rules;

/// <summary>A rule file is invalid; the message names the file, the rule and the key at fault.</summary>
public sealed class RuleLoadException(string message) : Exception(message);

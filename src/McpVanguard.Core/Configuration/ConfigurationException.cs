namespace McpVanguard.Configuration;

/// <summary>The configuration is invalid; each error names the key and where it came from (file:line:column when from a file).</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message)
        : base(message)
        => Errors = [message];

    /// <param name="errors">Every error found, in file order; the message lists them one per line.</param>
    public ConfigurationException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors))
        => Errors = errors;

    /// <summary>Every error of the load, not only the first.</summary>
    public IReadOnlyList<string> Errors { get; }
}

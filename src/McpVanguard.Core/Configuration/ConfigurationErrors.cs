using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Configuration;

/// <summary>
/// Collects every configuration error of one load, so a user fixes them all in one pass instead of one per run.
/// Errors from the file name <c>file:line:column</c> (YamlDotNet's marks).
/// </summary>
public sealed class ConfigurationErrors
{
    private readonly List<string> _errors = [];

    public int Count => _errors.Count;

    public void Add(string message) => _errors.Add(message);

    public void Add(string file, YamlNode node, string message) => _errors.Add($"{At(file, node.Start)}: {message}");

    /// <summary>Runs a reader that throws on its first error, keeping that error and going on with the next section.</summary>
    public void Collect(Action read)
    {
        try
        {
            read();
        }
        catch (ConfigurationException ex)
        {
            _errors.AddRange(ex.Errors);
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ConfigurationException(_errors.ToList());
        }
    }

    /// <summary><c>file:line:column</c> of a YAML mark.</summary>
    public static string At(string file, Mark mark) => $"{file}:{mark.Line}:{mark.Column}";
}

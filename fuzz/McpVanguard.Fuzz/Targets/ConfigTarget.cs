using McpVanguard.Configuration;
using McpVanguard.Gateway.Auth;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The configuration loader with the gateway's auth section reader, given one config file, as <c>vanguard serve</c> loads
/// it. Oracle: the file is loaded or refused with a <see cref="ConfigurationException"/>; nothing else escapes.
/// </summary>
internal sealed class ConfigTarget : IFuzzTarget
{
    private readonly string _file = Path.Combine(Directory.CreateTempSubdirectory("vanguard-fuzz-config-").FullName, "vanguard.yaml");

    public string Name => "config";

    public void Run(ReadOnlySpan<byte> input)
    {
        File.WriteAllBytes(_file, input.ToArray());
        var environment = new Dictionary<string, string>();
        try
        {
            ConfigurationLoader.Load(
                new Dictionary<string, object>(),
                environment,
                _file,
                [],
                (sections, file, errors) => errors.Collect(() => GatewayAuthOptionsReader.Read(sections.GetValueOrDefault("auth"), file, environment)),
                userConfigDirectory: Path.GetDirectoryName(_file));
        }
        catch (ConfigurationException)
        {
            // The documented refusal.
        }
    }
}

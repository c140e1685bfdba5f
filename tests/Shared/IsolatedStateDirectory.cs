using System.Runtime.CompilerServices;

namespace McpVanguard.Testing;

/// <summary>
/// Points every vanguard this test run starts at a private state and config directory: the children inherit these
/// variables, so no test writes to the user's real audit log or pin file (~/.local/state/mcp-vanguard) or reads
/// their vanguard.yaml (~/.config/mcp-vanguard). Tests that need a specific file still pass it explicitly.
/// </summary>
internal static class IsolatedStateDirectory
{
    /// <summary>The run's private base folder (state under <c>state</c>, config under <c>config</c>).</summary>
    public static string Root { get; private set; } = string.Empty;

    public static string StateHome => Path.Join(Root, "state");

    public static string ConfigHome => Path.Join(Root, "config");

    [ModuleInitializer]
    internal static void Isolate()
    {
        Root = Directory.CreateTempSubdirectory("vanguard-e2e-home-").FullName;
        Directory.CreateDirectory(StateHome);
        Directory.CreateDirectory(ConfigHome);
        Environment.SetEnvironmentVariable("XDG_STATE_HOME", StateHome);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", ConfigHome);
        // A developer's own VANGUARD_CONFIG must not change what the tests see either.
        Environment.SetEnvironmentVariable("VANGUARD_CONFIG", null);
    }
}

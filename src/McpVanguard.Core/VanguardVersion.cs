using System.Reflection;

namespace McpVanguard;

/// <summary>The build's version (the repository's VERSION file), as every part of vanguard reports it: start-up line, audit, /healthz.</summary>
public static class VanguardVersion
{
    /// <summary>The version without build metadata (no <c>+commit</c> suffix).</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        var version = typeof(VanguardVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}

using McpVanguard.Configuration;

namespace McpVanguard.Cli.Commands;

/// <summary>The one stderr line <c>start</c> and <c>serve</c> print first: what is in force and where things go.</summary>
internal static class StartupLine
{
    /// <summary>The informational version of this build (from the VERSION file), without the source-revision suffix.</summary>
    public static string For(VanguardOptions options, int ruleCount)
    {
        var zones = options.SafeZones.Count == 0 ? "none (no path jail)" : string.Join(", ", options.SafeZones);
        return $"[vanguard] vanguard {VanguardVersion.Text} · server_id {options.ServerId} · profile {options.Profile.ToString().ToLowerInvariant()} · {ruleCount} rules"
            + $" · safe zones: {zones} · config: {options.ConfigLocation} · audit: {options.AuditLogPath} · pins: {options.PinsFilePath}"
            + $" · tables: {McpVanguard.Inspection.Tables.PrecompiledTables.Summary}";
    }
}

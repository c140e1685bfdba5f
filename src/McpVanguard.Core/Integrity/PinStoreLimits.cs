namespace McpVanguard.Integrity;

/// <summary>Bounds of the pin file, so that neither many servers nor a server with huge or countless tools can grow it without limit.</summary>
/// <param name="MaxServers">Servers kept; the one seen longest ago is dropped to make room.</param>
/// <param name="MaxToolsPerServer">Tools pinned per server; further new tools are held until approved.</param>
/// <param name="MaxDefinitionBytes">Larger definitions are pinned by fingerprint only (no diff text).</param>
/// <param name="MaxFileBytes">A larger pin file is refused as unreadable rather than loaded.</param>
public sealed record PinStoreLimits(int MaxServers = 256, int MaxToolsPerServer = 1024, int MaxDefinitionBytes = 65_536, long MaxFileBytes = 64L * 1024 * 1024)
{
    public static PinStoreLimits Default { get; } = new();
}

using System.CommandLine;
using System.Security.Cryptography;
using McpVanguard.Core.Trust;
using McpVanguard.Integrity;

namespace McpVanguard.Cli.Commands;

/// <summary>
/// <c>vanguard pins export --out FILE [--server S] [--sign KEY]</c>: writes the approved pins as a baseline a team can
/// distribute, signed (<c>FILE.sigstore.json</c>) so that <c>pins.baseline</c> with <c>pins.baseline_key</c> accepts it.
/// </summary>
internal static class PinsExportCommand
{
    public static Command Create(Option<string?> server)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--out") { Description = "The baseline file to write.", Required = true };
        var sign = new Option<string?>("--sign") { Description = "A PEM EC P-256 private key: also write FILE.sigstore.json, its signature." };
        var export = new Command("export", HelpText.With(
            "Write the approved pins (of one server, or all) as a baseline file; with --sign, signed for pins.baseline_key. Refused while changes await approval.",
            "vanguard pins export --out team-pins.json --sign team.pem",
            "vanguard pins export --server files --out files-pins.json")) { server, output, sign };
        common.AddTo(export);
        export.SetAction(parse =>
        {
            if (EngineFactory.TryLoadOptions(common, parse) is not { } options)
            {
                return EngineFactory.ConfigurationError;
            }

            try
            {
                var file = PinStore.ReadFile(options.PinsFilePath);
                var selected = PinStore.Select(file, parse.GetValue(server)).ToList();
                if (selected.Count == 0)
                {
                    Console.Error.WriteLine($"[vanguard] no pinned server matches in {options.PinsFilePath}.");
                    return 1;
                }

                var pending = selected.Where(kv => kv.Value.Pending.Count > 0 || kv.Value.Prompts?.Pending.Count > 0 || kv.Value.Resources?.Pending.Count > 0 || kv.Value.ResourceTemplates?.Pending.Count > 0).Select(kv => kv.Key).ToList();
                if (pending.Count > 0)
                {
                    // A baseline is what a team approved: a change nobody approved must not travel inside it.
                    Console.Error.WriteLine($"[vanguard] changes await approval for {string.Join(", ", pending)}; review them with `vanguard pins diff` and approve or reject before exporting.");
                    return 1;
                }

                using var key = parse.GetValue(sign) is { } keyPath ? LoadPrivateKey(keyPath) : null;
                var baseline = new PinFile { Servers = new Dictionary<string, PinnedServer>(selected, StringComparer.Ordinal) };
                var path = parse.GetValue(output)!;
                SignedPinBaseline.Write(baseline, path, key);
                Console.WriteLine($"Wrote {selected.Count} servers' pins to {path}" + (key is null ? "." : $", signed with key {KeyBasedBundle.KeyId(key)[..16]} ({SignedPinBaseline.SignaturePath(path)})."));
                return 0;
            }
            catch (PinStoreException ex)
            {
                Console.Error.WriteLine($"[vanguard] {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
            {
                Console.Error.WriteLine($"[vanguard] pins export: {ex.Message}");
                return EngineFactory.ConfigurationError;
            }
        });
        return export;
    }

    private static ECDsa LoadPrivateKey(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        _ = key.ExportParameters(includePrivateParameters: true);
        return key;
    }
}

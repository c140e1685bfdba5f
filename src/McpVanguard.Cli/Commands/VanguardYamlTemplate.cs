using System.Globalization;
using System.Text;
using McpVanguard.Configuration;

namespace McpVanguard.Cli.Commands;

/// <summary>The commented vanguard.yaml that <c>vanguard init</c> writes: only keys the loader knows, values quoted, no rule disabled.</summary>
internal static class VanguardYamlTemplate
{
    public static string Render(string profile, IReadOnlyList<string> safeZones)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# vanguard.yaml, written by `vanguard init` on {DateTimeOffset.UtcNow:yyyy-MM-dd}.");
        text.AppendLine("# Precedence: command line > VANGUARD_* environment > this file > profile > built-in default.");
        text.AppendLine("# `vanguard config show` prints the effective value of every key and where it came from.");
        text.AppendLine();
        text.AppendLine("# monitor: audit only, forward everything. balanced: block clear attacks. strict: block more, ask less.");
        text.AppendLine(c, $"profile: {profile}");
        text.AppendLine();
        text.AppendLine("# Path arguments must lie inside one of these roots; anything else is blocked (PATH-001).");
        text.AppendLine("safe_zones:");
        foreach (var zone in safeZones)
        {
            text.AppendLine(c, $"  - {Quote(zone)}");
        }

        text.AppendLine();
        text.AppendLine("audit:");
        text.AppendLine("  # The JSON-lines audit log; default: the user's state directory (see `vanguard config show`).");
        text.AppendLine(c, $"  # log: {Quote(ConfigurationLoader.DefaultStatePath("audit.jsonl"))}");
        text.AppendLine("  # Also record allowed messages (large logs; useful while tuning).");
        text.AppendLine("  allows: false");
        text.AppendLine("  # Rotation: a file is rolled at max_bytes, and max_files rolled files are kept.");
        text.AppendLine(c, $"  max_bytes: {ConfigurationKeys.Defaults[ConfigurationKeys.AuditMaxBytes]}");
        text.AppendLine(c, $"  max_files: {ConfigurationKeys.Defaults[ConfigurationKeys.AuditMaxFiles]}");
        text.AppendLine();
        text.AppendLine("# Your own rules (YAML signatures) that add to or override the built-in ones by id:");
        text.AppendLine("# rules_dir: ~/.config/mcp-vanguard/rules");
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar: a path may hold ':' or '#', which would change its meaning unquoted.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

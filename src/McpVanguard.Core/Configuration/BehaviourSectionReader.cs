using System.Globalization;
using McpVanguard.Inspection.Behaviour;
using YamlDotNet.RepresentationModel;

namespace McpVanguard.Configuration;

/// <summary>
/// Binds the <c>behaviour:</c> section (L3 thresholds and windows, a flat mapping) at load. Every unknown key and bad
/// value is an error naming file:line:column; a missing key keeps its default (<see cref="BehaviourSettings"/>).
/// </summary>
public static class BehaviourSectionReader
{
    /// <summary>The keys, with the range each accepts (counts and sizes are whole numbers; windows are seconds).</summary>
    private static readonly Dictionary<string, (long Min, long Max)> Numbers = new(StringComparer.Ordinal)
    {
        ["max_keys"] = (16, 10_000_000),
        ["max_events"] = (8, 100_000),
        ["numbered_reads"] = (2, 1_000_000),
        ["sibling_reads"] = (2, 1_000_000),
        ["list_pages"] = (2, 1_000_000),
        ["enumeration_window_s"] = (1, 86_400),
        ["egress_window_s"] = (1, 86_400),
        ["high_volume_read_bytes"] = (1024, 1L << 40),
        ["untrusted_window_s"] = (1, 86_400),
        ["volume_bytes"] = (1024, 1L << 50),
        ["volume_items"] = (1, 1_000_000_000),
        ["volume_half_life_s"] = (1, 86_400),
        ["burst_deletes"] = (2, 1_000_000),
        ["burst_writes"] = (2, 1_000_000),
        ["burst_window_s"] = (1, 86_400),
        ["loop_repeats"] = (2, 1_000_000),
        ["loop_window_s"] = (1, 86_400),
    };

    public static IEnumerable<string> Keys => Numbers.Keys.Prepend("prefix").Prepend("enabled");

    public static BehaviourSettings Read(YamlNode node, string file, ConfigurationErrors errors)
    {
        var settings = new BehaviourSettings();
        if (node is YamlScalarNode { Value: null or "" })
        {
            return settings;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(file, node, "'behaviour' must be a mapping of L3 settings (docs/DETECTION.md, \"L3\").");
            return settings;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var text = (valueNode as YamlScalarNode)?.Value;
            if (key == "enabled")
            {
                settings = text?.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" => settings with { Enabled = true },
                    "false" or "no" or "off" => settings with { Enabled = false },
                    _ => Bad(valueNode, "'behaviour.enabled' must be true or false"),
                };
                continue;
            }

            if (key == "prefix")
            {
                settings = text is { Length: > 0 and <= 64 } p && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                    ? settings with { Prefix = p }
                    : Bad(valueNode, "'behaviour.prefix' must be 1-64 letters, digits, '-', '_' or '.'");
                continue;
            }

            if (!Numbers.TryGetValue(key, out var range))
            {
                errors.Add(file, keyNode, $"unknown key 'behaviour.{key}'{KeySuggestion.For(key, Keys)}.");
                continue;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < range.Min || n > range.Max)
            {
                errors.Add(file, valueNode, $"key 'behaviour.{key}' must be a whole number from {range.Min} to {range.Max}, got '{text}'.");
                continue;
            }

            settings = Apply(settings, key, n);
        }

        return settings;

        BehaviourSettings Bad(YamlNode at, string message)
        {
            errors.Add(file, at, message + ".");
            return settings;
        }
    }

    private static BehaviourSettings Apply(BehaviourSettings s, string key, long n) => key switch
    {
        "max_keys" => s with { MaxKeys = (int)n },
        "max_events" => s with { MaxEvents = (int)n },
        "numbered_reads" => s with { NumberedReads = (int)n },
        "sibling_reads" => s with { SiblingReads = (int)n },
        "list_pages" => s with { ListPages = (int)n },
        "enumeration_window_s" => s with { EnumerationWindow = TimeSpan.FromSeconds(n) },
        "egress_window_s" => s with { EgressWindow = TimeSpan.FromSeconds(n) },
        "high_volume_read_bytes" => s with { HighVolumeReadBytes = n },
        "untrusted_window_s" => s with { UntrustedWindow = TimeSpan.FromSeconds(n) },
        "volume_bytes" => s with { VolumeBytes = n },
        "volume_items" => s with { VolumeItems = (int)n },
        "volume_half_life_s" => s with { VolumeHalfLife = TimeSpan.FromSeconds(n) },
        "burst_deletes" => s with { BurstDeletes = (int)n },
        "burst_writes" => s with { BurstWrites = (int)n },
        "burst_window_s" => s with { BurstWindow = TimeSpan.FromSeconds(n) },
        "loop_repeats" => s with { LoopRepeats = (int)n },
        "loop_window_s" => s with { LoopWindow = TimeSpan.FromSeconds(n) },
        _ => s,
    };

    /// <summary>The effective settings as <c>config show</c> prints them (key, value).</summary>
    public static IEnumerable<(string Key, string Value)> Rows(BehaviourSettings s)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("behaviour.enabled", s.Enabled ? "true" : "false");
        yield return ("behaviour.prefix", s.Prefix);
        yield return ("behaviour.max_keys", s.MaxKeys.ToString(c));
        yield return ("behaviour.max_events", s.MaxEvents.ToString(c));
        yield return ("behaviour.numbered_reads", s.NumberedReads.ToString(c));
        yield return ("behaviour.sibling_reads", s.SiblingReads.ToString(c));
        yield return ("behaviour.list_pages", s.ListPages.ToString(c));
        yield return ("behaviour.enumeration_window_s", ((long)s.EnumerationWindow.TotalSeconds).ToString(c));
        yield return ("behaviour.egress_window_s", ((long)s.EgressWindow.TotalSeconds).ToString(c));
        yield return ("behaviour.high_volume_read_bytes", s.HighVolumeReadBytes.ToString(c));
        yield return ("behaviour.untrusted_window_s", ((long)s.UntrustedWindow.TotalSeconds).ToString(c));
        yield return ("behaviour.volume_bytes", s.VolumeBytes.ToString(c));
        yield return ("behaviour.volume_items", s.VolumeItems.ToString(c));
        yield return ("behaviour.volume_half_life_s", ((long)s.VolumeHalfLife.TotalSeconds).ToString(c));
        yield return ("behaviour.burst_deletes", s.BurstDeletes.ToString(c));
        yield return ("behaviour.burst_writes", s.BurstWrites.ToString(c));
        yield return ("behaviour.burst_window_s", ((long)s.BurstWindow.TotalSeconds).ToString(c));
        yield return ("behaviour.loop_repeats", s.LoopRepeats.ToString(c));
        yield return ("behaviour.loop_window_s", ((long)s.LoopWindow.TotalSeconds).ToString(c));
    }
}

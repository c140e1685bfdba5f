using System.Globalization;
using System.Text;

namespace McpVanguard.Benchmarks;

/// <summary>
/// Writes a rules directory of generated signatures shaped like the built-in ones (a command word and an option, a path,
/// a key = value), for measuring how cost scales with the number of rules. A tenth of them need only an everyday word
/// ("read", "file", "test"…), so they are candidates on ordinary traffic and their regexes really run.
/// </summary>
public static class GeneratedRules
{
    private static readonly string[] Everyday = ["read", "file", "test", "src", "user", "data", "list", "name", "value", "config", "render", "invoice", "total", "log"];

    private static readonly string[] Rare = ["zorp", "quixal", "vextor", "plimb", "droskel", "wunderb", "krell", "oxyfen", "mordax", "flint", "saphra", "gorlim", "yttrix", "bazooq"];

    /// <summary>Writes <paramref name="count"/> rules into a new directory and returns its path.</summary>
    public static string Write(int count, int seed = 8)
    {
        var random = new Random(seed);
        var dir = Path.Combine(Path.GetTempPath(), $"vanguard-bench-rules-{count}");
        Directory.CreateDirectory(dir);
        var yaml = new StringBuilder("rules:\n");
        for (var i = 0; i < count; i++)
        {
            var rare = Rare[random.Next(Rare.Length)] + i.ToString(CultureInfo.InvariantCulture);
            var pattern = (i % 10) switch
            {
                0 => $@"\b{Everyday[random.Next(Everyday.Length)]}\s*[(=:]\s*['""]?(?:{rare}|/opt/{rare}/[a-z]+)",
                1 or 2 or 3 => $@"\b{rare}\s+(?:-[a-z]*x|--exec(?:ute)?)\b",
                4 or 5 => $@"(?:^|[\s/]){rare}/(?:keys?|secrets?|tokens?)/[\w.-]+",
                6 or 7 => $@"\b{rare}_(?:api|auth)_(?:key|token)\s*[=:]\s*[a-z0-9]{{16,}}",
                _ => $@"https?://[\w.-]*\b{rare}\.(?:example|invalid|test)\b",
            };
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: GEN-{i:D4}\n")
                .Append(CultureInfo.InvariantCulture, $"    title: Generated signature {i}\n")
                .Append("    category: MCP-07\n    severity: high\n    action: block\n")
                .Append("    pattern: '").Append(pattern.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        File.WriteAllText(Path.Combine(dir, "generated.yaml"), yaml.ToString());
        return dir;
    }
}

using System.Text.Json;
using McpVanguard.Inspection.Rules;
using McpVanguard.Policy;

namespace McpVanguard.Inspection.Tables;

/// <summary>
/// A built-in rules file's parsed rules in the table image, after the file's name and the hash of its bytes. A rule's
/// pattern is kept as text: its required literals and phrase program are entries of their own, found when the pattern is
/// made. Examples keep their arguments as JSON text, converted on first use as the YAML ones are.
/// </summary>
internal static class RuleImage
{
    public static void WriteFile(ImageWriter w, string source, ReadOnlySpan<byte> yaml, IReadOnlyList<RuleEntry> entries)
    {
        w.String(source);
        w.Long(ContentKey.Of(yaml));
        w.Int(entries.Count);
        foreach (var entry in entries)
        {
            var rule = entry.Definition ?? throw new InvalidOperationException($"{source}: a built-in rules file holds only whole rules ('{entry.Id}').");
            w.Int(entry.Line);
            w.String(rule.Id);
            w.String(rule.Title);
            w.String(rule.Category);
            w.String(rule.Secondary);
            w.String(rule.OwaspMcp);
            w.Int((int)rule.Severity);
            w.Int((int)rule.Action);
            w.Ints([.. rule.Profiles.Select(p => (int)p).Order()]);
            Globs(w, rule.Methods);
            Globs(w, rule.Tools);
            Globs(w, rule.Keys);
            Globs(w, rule.ExcludedKeys);
            w.String(rule.Pattern?.Text);
            w.String(rule.Analyzer);
            w.Bool(rule.Enabled);
            w.Bool(rule.Locked);
            w.Bool(rule.MatchDecoded);
            w.String(rule.Description);
            Examples(w, rule.Matches);
            Examples(w, rule.NonMatches);
        }
    }

    /// <summary>Reads the rules after the file's key (the caller has compared it).</summary>
    public static List<RuleEntry> ReadFile(ref ImageReader r, string source)
    {
        var entries = new List<RuleEntry>(r.Count());
        for (var i = entries.Capacity; i > 0; i--)
        {
            var line = r.Int();
            var id = r.RequiredString();
            var title = r.RequiredString();
            var category = r.RequiredString();
            var secondary = r.String();
            var owasp = r.String();
            var severity = (Severity)r.Int();
            var action = (FindingAction)r.Int();
            var profiles = r.Ints().Select(p => (Profile)p).ToHashSet();
            var methods = Globs(ref r);
            var tools = Globs(ref r);
            var keys = Globs(ref r);
            var excluded = Globs(ref r);
            var pattern = r.String();
            var analyzer = r.String();
            var enabled = r.Bool();
            var locked = r.Bool();
            var matchDecoded = r.Bool();
            var rule = new Rule
            {
                Id = id,
                Title = title,
                Category = category,
                Secondary = secondary,
                OwaspMcp = owasp,
                Severity = severity,
                Action = action,
                Profiles = profiles,
                Methods = methods,
                Tools = tools,
                Keys = keys,
                ExcludedKeys = excluded,
                Pattern = pattern is null ? null : new RulePattern(pattern, caseFolded: !matchDecoded),
                Analyzer = analyzer,
                Enabled = enabled,
                Locked = locked,
                MatchDecoded = matchDecoded,
                Description = r.String(),
                Source = source,
                Matches = Examples(ref r),
                NonMatches = Examples(ref r),
            };
            entries.Add(new RuleEntry(id, source, line, rule, null));
        }

        return entries;
    }

    private static void Globs(ImageWriter w, IReadOnlyList<Glob> globs) => w.Strings([.. globs.Select(g => g.ToString())]);

    private static Glob[] Globs(ref ImageReader r) => [.. r.Strings().Select(g => new Glob(g))];

    private static void Examples(ImageWriter w, IReadOnlyList<RuleExample> examples)
    {
        w.Int(examples.Count);
        foreach (var example in examples)
        {
            w.String(example.Tool);
            w.String(example.Method);
            w.String(example.Arguments.ValueKind == JsonValueKind.Undefined ? null : example.Arguments.GetRawText());
        }
    }

    private static List<RuleExample> Examples(ref ImageReader r)
    {
        var examples = new List<RuleExample>(r.Count());
        for (var i = examples.Capacity; i > 0; i--)
        {
            var tool = r.RequiredString();
            var method = r.RequiredString();
            var json = r.String();
            examples.Add(new RuleExample(tool, json is null ? static () => default : () => ParseArguments(json), method));
        }

        return examples;
    }

    private static JsonElement ParseArguments(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

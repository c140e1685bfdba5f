using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpVanguard.Inspection.Rules;
using Spectre.Console;
using Rule = McpVanguard.Inspection.Rules.Rule;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard rules list|show ID|test|sign|verify</c>.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rulesDir = new Option<string?>("--rules-dir") { Description = "A directory of YAML rules that add to or override the built-in rules by id.", Recursive = true };

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", HelpText.With(
            "List the loaded rules: YAML signatures and the ids the analysers report (one line per rule when piped or narrow; --json for everything).",
            "vanguard rules list",
            "vanguard rules list --json | jq '.[] | select(.action == \"block\") | .id'",
            "vanguard rules list --rules-dir ./my-rules")) { json };
        list.SetAction(parse => WithRules(parse.GetValue(rulesDir), rules =>
        {
            if (parse.GetValue(json))
            {
                var array = new JsonArray();
                foreach (var r in rules)
                {
                    array.Add((JsonNode)ToJson(r));
                }

                Console.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return 0;
            }

            if (CompactOutput.Preferred(WideTableColumns))
            {
                // Piped or a narrow terminal: one line per rule, never a table split mid-word.
                foreach (var r in rules)
                {
                    CompactOutput.WriteLine($"{r.Id,-10} {Lower(r.Severity),-8} {Lower(r.Action),-7} {(r.Enabled ? (r.Locked ? "locked" : "on") : "off"),-6} {r.Title}");
                }
            }
            else
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns("id", "kind", "category", "severity", "action", "enabled", "profiles", "title", "source");
                foreach (var r in rules)
                {
                    table.AddRow(r.Id, r.Analyzer is { } a ? $"analyzer {Markup.Escape(a)}" : "signature", r.Category, Lower(r.Severity), Lower(r.Action),
                        r.Enabled ? (r.Locked ? "locked" : "yes") : "no", string.Join(",", r.Profiles.Order().Select(Lower)), Markup.Escape(r.Title), Markup.Escape(SourceOf(r)));
                }

                AnsiConsole.Write(table);
            }

            var analyzers = rules.Count(r => r.Analyzer is not null);
            Console.WriteLine($"{rules.Count} rules ({rules.Count - analyzers} signatures, {analyzers} analyser rules, {rules.Count(r => !r.Enabled)} disabled)");
            foreach (var r in rules.Where(r => r.Enabled && r.Pattern is { RequiredLiterals: null }))
            {
                // The prefilter cannot skip such a rule: its regex runs on every string it applies to.
                Console.Error.WriteLine($"[vanguard] warning: rule {r.Id} ({SourceOf(r)}) has no literal its pattern needs, so it runs on every string it applies to; add fixed text to the pattern if you can.");
            }

            return 0;
        }));

        var id = new Argument<string>("id") { Description = "A rule id, such as NET-011 or PATH-020." };
        var show = new Command("show", HelpText.With("Show one rule: its pattern and examples, or the analyser that reports it.", "vanguard rules show PATH-001")) { id };
        show.SetAction(parse => WithRules(parse.GetValue(rulesDir), rules =>
        {
            var rule = rules.FirstOrDefault(r => string.Equals(r.Id, parse.GetValue(id), StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                Console.Error.WriteLine($"No rule with id '{parse.GetValue(id)}'.");
                return 1;
            }

            Console.WriteLine($"id:        {rule.Id}");
            Console.WriteLine($"kind:      {rule.Kind}");
            if (rule.Analyzer is not null)
            {
                Console.WriteLine($"analyzer:  {rule.Analyzer}");
            }

            Console.WriteLine($"title:     {rule.Title}");
            Console.WriteLine($"category:  {rule.Category}");
            Console.WriteLine($"severity:  {Lower(rule.Severity)}");
            Console.WriteLine($"action:    {Lower(rule.Action)}");
            Console.WriteLine($"enabled:   {(rule.Enabled ? "true" : "false")}{(rule.Locked ? " (locked: a fail-closed or protocol rule cannot be disabled or lowered)" : string.Empty)}");
            Console.WriteLine($"profiles:  {string.Join(", ", rule.Profiles.Order().Select(Lower))}");
            if (rule.Pattern is not null)
            {
                Console.WriteLine($"methods:   {string.Join(", ", rule.Methods)}");
                Console.WriteLine($"tools:     {string.Join(", ", rule.Tools)}");
                Console.WriteLine($"keys:      {string.Join(", ", rule.Keys)}");
                Console.WriteLine($"pattern:   {rule.Pattern}");
                Console.WriteLine(rule.Pattern.RequiredLiteralSets.Count > 0
                    ? "prefilter: runs only on text containing " + string.Join(" and ", rule.Pattern.RequiredLiteralSets.Select(set => "one of " + string.Join(" ", set.Select(l => JsonSerializer.Serialize(RequiredLiterals.Display(l), CliJsonContext.Default.String)))))
                    : "prefilter: none (the pattern needs no fixed text, so it runs on every string it applies to)");
            }

            Console.WriteLine($"source:    {SourceOf(rule)}");
            if (rule.Description is not null)
            {
                Console.WriteLine($"about:     {rule.Description}");
            }

            if (rule.Analyzer is not null && (rule.Overrides & (RuleOverrides.Action | RuleOverrides.Severity)) == 0)
            {
                Console.WriteLine("note:      the action and severity are the analyser's usual ones; it may vary them by context unless a rules directory overrides them.");
            }

            foreach (var e in rule.Matches)
            {
                Console.WriteLine($"match:     {e.ToRequestJson()}");
            }

            foreach (var e in rule.NonMatches)
            {
                Console.WriteLine($"no match:  {e.ToRequestJson()}");
            }

            return 0;
        }));

        var test = new Command("test", HelpText.With("Run every rule's own match and no_match examples.", "vanguard rules test --rules-dir ./my-rules"));
        test.SetAction(parse => WithRules(parse.GetValue(rulesDir), rules =>
        {
            var failures = RuleSelfTest.Run(rules);
            foreach (var f in failures)
            {
                Console.WriteLine($"FAIL {f.RuleId} ({f.Source}): expected {(f.ExpectedMatch ? "a match" : "no match")} for {f.Example}");
            }

            var examples = rules.Sum(r => r.Matches.Count + r.NonMatches.Count);
            Console.WriteLine($"{examples - failures.Count} passed, {failures.Count} failed ({rules.Count} rules)");
            return failures.Count == 0 ? 0 : 1;
        }));

        var rulesCommand = new Command("rules", "List, show, test, sign and verify the detection rules.") { list, show, test };
        foreach (var command in RulesSignCommands.Create(rulesDir))
        {
            rulesCommand.Subcommands.Add(command);
        }

        rulesCommand.Options.Add(rulesDir);
        return rulesCommand;
    }

    /// <summary>The terminal width below which the nine-column table would split words.</summary>
    private const int WideTableColumns = 160;

    private static string Lower<T>(T value)
        where T : struct, Enum
        => value.ToString().ToLowerInvariant();

    private static string SourceOf(Rule rule)
        => rule.OverriddenBy is { } file ? $"{rule.Source}, overridden by {file}" : rule.Source;

    private static JsonObject ToJson(Rule rule) => new()
    {
        ["id"] = rule.Id,
        ["kind"] = rule.Kind,
        ["analyzer"] = rule.Analyzer,
        ["title"] = rule.Title,
        ["category"] = rule.Category,
        ["severity"] = Lower(rule.Severity),
        ["action"] = Lower(rule.Action),
        ["enabled"] = rule.Enabled,
        ["locked"] = rule.Locked,
        ["profiles"] = new JsonArray([.. rule.Profiles.Order().Select(p => (JsonNode?)Lower(p))]),
        ["pattern"] = rule.Pattern?.ToString(),
        ["required_literals"] = rule.Pattern is { } pattern
            ? new JsonArray([.. pattern.RequiredLiteralSets.Select(set => (JsonNode?)new JsonArray([.. set.Select(l => (JsonNode?)RequiredLiterals.Display(l))]))])
            : null,
        ["description"] = rule.Description,
        ["source"] = rule.Source,
        ["overridden_by"] = rule.OverriddenBy,
    };

    private static int WithRules(string? directory, Func<IReadOnlyList<Rule>, int> action)
    {
        try
        {
            return action(RuleLoader.Load(directory));
        }
        catch (RuleLoadException ex)
        {
            Console.Error.WriteLine($"[vanguard] rules error: {ex.Message}");
            return EngineFactory.ConfigurationError;
        }
    }
}

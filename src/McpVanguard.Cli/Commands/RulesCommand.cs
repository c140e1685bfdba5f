using System.CommandLine;
using McpVanguard.Inspection.Rules;
using Spectre.Console;

namespace McpVanguard.Cli.Commands;

/// <summary><c>vanguard rules list|show ID|test</c>.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var rulesDir = new Option<string?>("--rules-dir") { Description = "A directory of YAML rules that add to or override the built-in rules by id.", Recursive = true };

        var list = new Command("list", "List the loaded rules.");
        list.SetAction(parse => WithRules(parse.GetValue(rulesDir), rules =>
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("id", "category", "severity", "action", "profiles", "title", "source");
            foreach (var r in rules)
            {
                table.AddRow(r.Id, r.Category, r.Severity.ToString().ToLowerInvariant(), r.Action.ToString().ToLowerInvariant(),
                    string.Join(",", r.Profiles.Order().Select(p => p.ToString().ToLowerInvariant())), Markup.Escape(r.Title), Markup.Escape(r.Source));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{rules.Count} rules");
            return 0;
        }));

        var id = new Argument<string>("id") { Description = "A rule id, such as NET-001." };
        var show = new Command("show", "Show one rule with its pattern and examples.") { id };
        show.SetAction(parse => WithRules(parse.GetValue(rulesDir), rules =>
        {
            var rule = rules.FirstOrDefault(r => string.Equals(r.Id, parse.GetValue(id), StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                Console.Error.WriteLine($"No rule with id '{parse.GetValue(id)}'.");
                return 1;
            }

            Console.WriteLine($"id:        {rule.Id}");
            Console.WriteLine($"title:     {rule.Title}");
            Console.WriteLine($"category:  {rule.Category}");
            Console.WriteLine($"severity:  {rule.Severity.ToString().ToLowerInvariant()}");
            Console.WriteLine($"action:    {rule.Action.ToString().ToLowerInvariant()}");
            Console.WriteLine($"profiles:  {string.Join(", ", rule.Profiles.Order().Select(p => p.ToString().ToLowerInvariant()))}");
            Console.WriteLine($"methods:   {string.Join(", ", rule.Methods)}");
            Console.WriteLine($"tools:     {string.Join(", ", rule.Tools)}");
            Console.WriteLine($"keys:      {string.Join(", ", rule.Keys)}");
            Console.WriteLine($"pattern:   {rule.Pattern}");
            Console.WriteLine($"source:    {rule.Source}");
            if (rule.Description is not null)
            {
                Console.WriteLine($"about:     {rule.Description}");
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

        var test = new Command("test", "Run every rule's own match and no_match examples.");
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

        var rulesCommand = new Command("rules", "List, show and test the detection rules.") { list, show, test };
        rulesCommand.Options.Add(rulesDir);
        return rulesCommand;
    }

    private static int WithRules(string? directory, Func<IReadOnlyList<McpVanguard.Inspection.Rules.Rule>, int> action)
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

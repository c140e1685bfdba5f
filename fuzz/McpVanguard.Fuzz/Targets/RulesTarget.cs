using McpVanguard.Inspection.Rules;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The YAML rule loader, given one rule file (as a verified rule pack hands it over: bytes) after the built-in rules, then
/// the file's rules run against their own examples (<c>vanguard rules test</c>). Oracle: a file is loaded or refused with
/// a <see cref="RuleLoadException"/> naming the fault; nothing else escapes, from the loader or the examples.
/// </summary>
internal sealed class RulesTarget : IFuzzTarget
{
    private readonly IReadOnlyList<Rule> _builtIn = RuleLoader.Load(null);

    private const string Source = "fuzz.yaml";

    public string Name => "rules";

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            var rules = RuleLoader.LoadVerified(_builtIn, [(Source, input.ToArray())]);
            RuleSelfTest.Run(rules.Where(r => r.Source == Source));
        }
        catch (RuleLoadException)
        {
            // The documented refusal.
        }
    }
}

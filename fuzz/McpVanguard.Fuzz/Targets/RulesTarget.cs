using McpVanguard.Inspection.Rules;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The YAML rule loader, given one rule file (as a verified rule pack hands it over: bytes) after the built-in rules.
/// Oracle: a file is loaded or refused with a <see cref="RuleLoadException"/> naming the fault; nothing else escapes.
/// </summary>
internal sealed class RulesTarget : IFuzzTarget
{
    public string Name => "rules";

    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            RuleLoader.LoadVerified([("fuzz.yaml", input.ToArray())]);
        }
        catch (RuleLoadException)
        {
            // The documented refusal.
        }
    }
}

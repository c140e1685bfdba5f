using McpVanguard.Fuzz.Targets;

namespace McpVanguard.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    /// <summary>The target names, in the order docs/FUZZING.md lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["message", "canonical", "http", "sse", "rules", "config", "shell", "url", "sql"];

    /// <summary>Creates the target called <paramref name="name"/> (each is built once per process: the engines are costly).</summary>
    public static IFuzzTarget Create(string name) => name switch
    {
        "message" => new MessageTarget(),
        "canonical" => new CanonicalTarget(),
        "http" => new HttpTarget(),
        "sse" => new SseTarget(),
        "rules" => new RulesTarget(),
        "config" => new ConfigTarget(),
        "shell" => new ShellTarget(),
        "url" => new UrlTarget(),
        "sql" => new SqlTarget(),
        _ => throw new ArgumentException($"Unknown fuzz target '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}

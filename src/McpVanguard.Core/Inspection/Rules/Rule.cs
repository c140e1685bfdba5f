using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// One entry of the rule catalog: a YAML signature (with a <see cref="Pattern"/>) or a finding id reported by a C#
/// analyser (with an <see cref="Analyzer"/> and no pattern). Both are listed, disabled and overridden by id alike.
/// </summary>
public sealed record Rule
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The primary MCP-38 threat id (<c>MCP-07</c>): what every finding under this id reports as its category.</summary>
    public required string Category { get; init; }

    /// <summary>A second MCP-38 threat the rule also addresses; null when none.</summary>
    public string? Secondary { get; init; }

    /// <summary>The OWASP MCP Top 10 id (<c>MCP05</c>), <c>none</c> when no item fits; null when the rule does not say.</summary>
    public string? OwaspMcp { get; init; }

    public required Severity Severity { get; init; }

    public required FindingAction Action { get; init; }

    public required IReadOnlySet<Profile> Profiles { get; init; }

    public required IReadOnlyList<Glob> Methods { get; init; }

    public required IReadOnlyList<Glob> Tools { get; init; }

    public required IReadOnlyList<Glob> Keys { get; init; }

    /// <summary>Argument keys the rule never looks at, even when <see cref="Keys"/> matches them (prose that only mentions an attack).</summary>
    public IReadOnlyList<Glob> ExcludedKeys { get; init; } = [];

    /// <summary>Run by the linear-time NonBacktracking engine; null for an analyser rule.</summary>
    public RulePattern? Pattern { get; init; }

    /// <summary>The <see cref="IInspector.Id"/> that reports this id (<c>PATH-000</c>, <c>pipeline</c>, <c>relay</c>); null for a signature.</summary>
    public string? Analyzer { get; init; }

    /// <summary>False when a rules directory switched the rule off: it is still listed, but never reported.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// A fail-closed or protocol id (inspector failure, over budget, malformed or oversized message): it can be neither
    /// disabled nor downgraded, because a firewall that can be told to fail open has a bypass.
    /// </summary>
    public bool Locked { get; init; }

    /// <summary>What a rules directory changed on this rule by a partial override (the rest is the built-in definition).</summary>
    public RuleOverrides Overrides { get; init; }

    /// <summary>The rules-directory file of the last partial override, if any.</summary>
    public string? OverriddenBy { get; init; }

    /// <summary><c>signature</c> or <c>analyzer</c>.</summary>
    public string Kind => Analyzer is null ? "signature" : "analyzer";

    /// <summary>Match the case-kept decoded copy instead of the lower-cased canonical one (for case-sensitive tokens).</summary>
    public bool MatchDecoded { get; init; }

    public string? Description { get; init; }

    /// <summary>The file (or embedded resource) the rule came from.</summary>
    public required string Source { get; init; }

    public IReadOnlyList<RuleExample> Matches { get; init; } = [];

    public IReadOnlyList<RuleExample> NonMatches { get; init; } = [];

    /// <summary>True when the rule applies to a message with this method and tool.</summary>
    public bool AppliesTo(string method, string? tool)
    {
        if (!MethodApplies(method))
        {
            return false;
        }

        return tool is null ? Tools.Count == 1 && Tools[0].IsMatchAll : AnyMatch(Tools, tool);
    }

    /// <summary>True when the rule looks at messages with this method (whatever their tool).</summary>
    public bool MethodApplies(string method) => AnyMatch(Methods, method);

    public bool KeyApplies(string key) => AnyMatch(Keys, key) && (ExcludedKeys.Count == 0 || !AnyMatch(ExcludedKeys, key));

    private static bool AnyMatch(IReadOnlyList<Glob> globs, string value)
    {
        for (var i = 0; i < globs.Count; i++)
        {
            if (globs[i].IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }
}

using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>A loaded L1 signature: where it applies (methods, tools, argument keys, profiles) and what it matches.</summary>
public sealed record Rule
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required Severity Severity { get; init; }

    public required FindingAction Action { get; init; }

    public required IReadOnlySet<Profile> Profiles { get; init; }

    public required IReadOnlyList<Glob> Methods { get; init; }

    public required IReadOnlyList<Glob> Tools { get; init; }

    public required IReadOnlyList<Glob> Keys { get; init; }

    /// <summary>Argument keys the rule never looks at, even when <see cref="Keys"/> matches them (prose that only mentions an attack).</summary>
    public IReadOnlyList<Glob> ExcludedKeys { get; init; } = [];

    /// <summary>Run by the linear-time NonBacktracking engine.</summary>
    public required RulePattern Pattern { get; init; }

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

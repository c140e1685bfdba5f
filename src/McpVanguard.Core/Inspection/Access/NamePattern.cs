namespace McpVanguard.Inspection.Access;

/// <summary>
/// A glob of access rules (<c>*</c> any run of characters, also none; <c>?</c> exactly one), matched case-sensitively
/// unless asked otherwise, with the rules engine's linear two-pointer matcher (no regex).
/// </summary>
public sealed record NamePattern(string Pattern)
{
    private readonly string _lowered = Pattern.ToLowerInvariant();

    /// <summary>Whether <paramref name="name"/> matches; <paramref name="ignoreCase"/> folds both sides to lower case.</summary>
    public bool Matches(string name, bool ignoreCase = false)
        => ignoreCase ? Rules.Glob.Match(_lowered, name, foldCase: true) : Rules.Glob.Match(Pattern, name, foldCase: false);

    public override string ToString() => Pattern;
}

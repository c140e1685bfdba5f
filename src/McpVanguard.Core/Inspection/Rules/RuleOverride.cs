using McpVanguard.Policy;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// A partial override from a rules directory: an existing id with only some of <c>enabled</c>, <c>action</c>,
/// <c>severity</c>, <c>profiles</c>, <c>title</c>, <c>description</c>. It changes just those keys of the rule it names.
/// </summary>
internal sealed record RuleOverride(string Id, string Source, int Line)
{
    public bool? Enabled { get; init; }

    public FindingAction? Action { get; init; }

    public Severity? Severity { get; init; }

    public IReadOnlySet<Profile>? Profiles { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The rule with this override applied; a load error when it would switch off or weaken a locked rule.</summary>
    public Rule ApplyTo(Rule rule)
    {
        var where = $"{Source}: line {Line}: rule '{Id}'";
        if (rule.Locked)
        {
            // A fail-closed or protocol id that could be switched off or weakened would let a rules file open the firewall.
            const string Why = "it is a fail-closed or protocol rule, and a firewall that can be told to fail open has a bypass";
            if (Enabled is false)
            {
                throw new RuleLoadException($"{where} cannot be disabled: {Why}.");
            }

            if (Profiles is { } p && p.Count < Enum.GetValues<Profile>().Length)
            {
                throw new RuleLoadException($"{where}: 'profiles' cannot leave out a profile: {Why}.");
            }

            if (Action is { } a && a < rule.Action)
            {
                throw new RuleLoadException($"{where}: action cannot be lowered from {Lower(rule.Action)} to {Lower(a)}: {Why}.");
            }

            if (Severity is { } s && s < rule.Severity)
            {
                throw new RuleLoadException($"{where}: severity cannot be lowered from {Lower(rule.Severity)} to {Lower(s)}: {Why}.");
            }
        }

        // A redact finding must say what to mask; only the analyser knows that, so a warn or block cannot become one.
        if (rule.Analyzer is not null && Action is FindingAction.Redact && rule.Action != FindingAction.Redact)
        {
            throw new RuleLoadException($"{where}: action 'redact' cannot be given to an analyser rule that does not redact by itself (only the analyser knows what to mask); use warn or block.");
        }

        var changed = RuleOverrides.None;
        changed |= Enabled is null ? RuleOverrides.None : RuleOverrides.Enabled;
        changed |= Action is null ? RuleOverrides.None : RuleOverrides.Action;
        changed |= Severity is null ? RuleOverrides.None : RuleOverrides.Severity;
        changed |= Profiles is null ? RuleOverrides.None : RuleOverrides.Profiles;
        changed |= Title is null ? RuleOverrides.None : RuleOverrides.Title;
        changed |= Description is null ? RuleOverrides.None : RuleOverrides.Description;
        return rule with
        {
            Enabled = Enabled ?? rule.Enabled,
            Action = Action ?? rule.Action,
            Severity = Severity ?? rule.Severity,
            Profiles = Profiles ?? rule.Profiles,
            Title = Title ?? rule.Title,
            Description = Description ?? rule.Description,
            Overrides = rule.Overrides | changed,
            OverriddenBy = Source,
        };
    }

    private static string Lower<T>(T value)
        where T : struct, Enum
        => value.ToString().ToLowerInvariant();
}

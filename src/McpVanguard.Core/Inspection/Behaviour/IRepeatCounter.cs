namespace McpVanguard.Inspection.Behaviour;

/// <summary>A window that can count a call's repeats without a walk (the in-memory state's), see <see cref="RepeatIndex"/>.</summary>
internal interface IRepeatCounter
{
    /// <summary>The steps at or after <paramref name="since"/> with the signature and method of <paramref name="current"/>; false when the caller must walk.</summary>
    bool TryCountRepeats(BehaviourEvent current, long since, out int count);
}

namespace McpVanguard.Inspection.Behaviour;

/// <summary>Steps of a window by sequence number (the n-th step ever appended to it), for <see cref="RepeatIndex"/>.</summary>
internal interface ISequencedSteps
{
    BehaviourEvent At(long seq);
}

using McpVanguard.Policy;

namespace McpVanguard.Relay;

/// <summary>What the relay did with one message: the verdict, and whether the message was forwarded.</summary>
public sealed record StepOutcome(Verdict Verdict, bool Forwarded);

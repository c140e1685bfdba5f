namespace McpVanguard.Inspection.Behaviour;

/// <summary>
/// The thresholds and windows of L3 (the <c>behaviour:</c> section of vanguard.yaml), validated at start-up. The defaults
/// come from the everyday multi-step sessions of the corpus with a wide margin (docs/DETECTION.md, "L3").
/// </summary>
public sealed record BehaviourSettings
{
    /// <summary>L3 runs at all (<c>behaviour.enabled</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Key prefix of this deployment in the state (<c>behaviour.prefix</c>).</summary>
    public string Prefix { get; init; } = "vanguard";

    /// <summary>Most windows and budgets held at once (<c>behaviour.max_keys</c>).</summary>
    public int MaxKeys { get; init; } = 10_000;

    /// <summary>Most steps kept per window (<c>behaviour.max_events</c>).</summary>
    public int MaxEvents { get; init; } = 512;

    /// <summary>Reads of numbered siblings (<c>customer_0001.json</c>…) in <see cref="EnumerationWindow"/> that make a sweep (BEH-001).</summary>
    public int NumberedReads { get; init; } = 30;

    /// <summary>Distinct reads in one directory, or listing pages, in <see cref="EnumerationWindow"/> that make a sweep (BEH-002).</summary>
    public int SiblingReads { get; init; } = 100;

    /// <summary>Pages after the first of listings in <see cref="EnumerationWindow"/> that make a sweep (BEH-002).</summary>
    public int ListPages { get; init; } = 40;

    public TimeSpan EnumerationWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sensitive or high-volume read arms the egress chain (BEH-003/BEH-004).</summary>
    public TimeSpan EgressWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Bytes one server returned to one session (the decaying sum of <see cref="VolumeHalfLife"/>) from which its answers
    /// are high-volume reads for the egress chain (warns, BEH-003).
    /// </summary>
    public long HighVolumeReadBytes { get; init; } = 1024 * 1024;

    /// <summary>How long flagged content arms the untrusted-content chain (BEH-005).</summary>
    public TimeSpan UntrustedWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Bytes returned by one server to one session, as a sum halving every <see cref="VolumeHalfLife"/> (BEH-006).</summary>
    public long VolumeBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Items (content blocks, resources, list entries) returned, decaying the same way (BEH-006).</summary>
    public int VolumeItems { get; init; } = 20_000;

    public TimeSpan VolumeHalfLife { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Deletes in <see cref="BurstWindow"/> that make a destructive burst (BEH-007, blocks).</summary>
    public int BurstDeletes { get; init; } = 20;

    /// <summary>Writes in <see cref="BurstWindow"/> that make a write burst (BEH-007, warns).</summary>
    public int BurstWrites { get; init; } = 200;

    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The same call (method, tool, arguments) this many times in <see cref="LoopWindow"/> is a loop (BEH-008).</summary>
    public int LoopRepeats { get; init; } = 15;

    public TimeSpan LoopWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a step is kept: the longest window any detector looks back over.</summary>
    public TimeSpan Retention => new[] { EnumerationWindow, EgressWindow, UntrustedWindow, BurstWindow, LoopWindow }.Max();
}

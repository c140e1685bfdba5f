namespace McpVanguard.Audit.Integrity;

/// <summary>What <c>vanguard audit verify</c> found: one report per chain and every problem, each naming file, line and record.</summary>
public sealed record AuditVerification(IReadOnlyList<AuditChainReport> Chains, IReadOnlyList<AuditProblem> Problems)
{
    /// <summary>No problem: every link holds and every checkpoint verified and matched.</summary>
    public bool Intact => Problems.Count == 0;
}

/// <summary>One chain (the main log or the decisions log): how many records, which seqs, and what its checkpoints proved.</summary>
/// <param name="Log">The chain's live file name.</param>
/// <param name="Records">Chained records read.</param>
/// <param name="FirstSeq">The first record's seq (above 1 when older files were rotated away); 0 when empty.</param>
/// <param name="LastSeq">The last record's seq.</param>
/// <param name="Unchained">Records written before the chain began (an older version's lines), at the start of the oldest file.</param>
/// <param name="CheckpointsVerified">Signed checkpoints that verified and matched a record.</param>
/// <param name="CheckpointsRotatedAway">Checkpoints of records no longer on disk (rotated away), not checkable.</param>
/// <param name="CoveredSeq">The highest seq a verified checkpoint covers; records after it are linked but not yet signed.</param>
public sealed record AuditChainReport(string Log, long Records, long FirstSeq, long LastSeq, long Unchained, int CheckpointsVerified, int CheckpointsRotatedAway, long CoveredSeq);

/// <summary>One integrity problem and where it is: the file, its 1-based line, and the record's seq when known.</summary>
public sealed record AuditProblem(string File, long Line, long? Seq, string Message)
{
    public override string ToString() => $"{File}:{Line}{(Seq is { } s ? $" (record {s})" : string.Empty)}: {Message}";
}

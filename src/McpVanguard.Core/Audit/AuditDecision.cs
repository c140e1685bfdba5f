namespace McpVanguard.Audit;

/// <summary>
/// What the audit throttle keys and summarises a decision by, known before its record is built: a relay asks the sink
/// with it first (<see cref="IAuditSink.Admit"/>), so a decision of a kind the throttle suppresses now (an agent looping
/// on a call L3 warns about, every call) costs a count, not a record with its arguments hashed.
/// </summary>
public readonly record struct AuditDecision(string Session, string ServerId, string Direction, string Verdict, IReadOnlyList<string> RuleIds)
{
    public static AuditDecision Of(AuditRecord record) => new(record.Session, record.ServerId, record.Direction, record.Verdict, record.RuleIds);
}

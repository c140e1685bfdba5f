namespace McpVanguard.Audit;

/// <summary>Where every decision goes. Writing never blocks the relay and never throws.</summary>
public interface IAuditSink : IAsyncDisposable
{
    void Write(AuditRecord record);

    /// <summary>
    /// Counts a decision about to be audited and says whether its record is to be written: false when the sink's throttle
    /// suppresses this kind now (the count reaches the summary record), so the caller need not build the record. A
    /// record admitted here goes to <see cref="WriteAdmitted"/>, never to <see cref="Write"/> (which would count it again).
    /// A sink without a throttle admits everything.
    /// </summary>
    bool Admit(AuditDecision decision) => true;

    /// <summary>Writes a record whose decision <see cref="Admit"/> admitted.</summary>
    void WriteAdmitted(AuditRecord record) => Write(record);
}

namespace McpVanguard.Audit.Integrity;

/// <summary>Where block receipts and signed checkpoints are exported (<c>audit.receipts</c>); called from the audit writer task only.</summary>
public interface IAuditReceiptSink : IDisposable
{
    /// <summary>Exports one receipt; may throw on I/O errors (the writer reports them once and carries on).</summary>
    void Write(AuditReceipt receipt);
}

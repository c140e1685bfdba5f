using System.Text.Json;

namespace McpVanguard.Audit.Integrity;

/// <summary>Appends receipts as JSON lines to a file (a mounted share, a file another agent ships off the machine).</summary>
public sealed class JsonlReceiptSink(string path) : IAuditReceiptSink
{
    private FileStream? _stream;

    public string Path => path;

    public void Write(AuditReceipt receipt)
    {
        if (_stream is null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }

        var line = JsonSerializer.SerializeToUtf8Bytes(receipt, AuditIntegrityJson.Default.AuditReceipt);
        // One write per line: several processes may append to one receipts file.
        var buffer = new byte[line.Length + 1];
        line.CopyTo(buffer, 0);
        buffer[^1] = (byte)'\n';
        _stream.Write(buffer);
        _stream.Flush();
    }

    public void Dispose() => _stream?.Dispose();
}

using System.Text.Json;
using System.Runtime.CompilerServices;

namespace McpVanguard.Cli.AuditLog;

/// <summary>One record of the audit log as read back: the parsed line (for filters) and its raw text (for <c>--json</c>).</summary>
internal sealed record AuditEntry(JsonElement Record, string Line)
{
    public DateTimeOffset? Time => Text("time") is { } t && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public string? Text(string name) => Record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string> RuleIds => Record.TryGetProperty("rule_ids", out var ids) && ids.ValueKind == JsonValueKind.Array
        ? [.. ids.EnumerateArray().Where(static i => i.ValueKind == JsonValueKind.String).Select(static i => i.GetString()!)]
        : [];
}

/// <summary>
/// Reads the audit log and its rotated files (<c>audit.jsonl.N</c> … <c>.1</c>, then <c>audit.jsonl</c>), oldest first. A
/// line that is not a JSON object (a torn last line, a foreign file) is skipped and counted, never fatal.
/// </summary>
internal sealed class AuditLogReader(string path)
{
    /// <summary>Lines longer than this are not records the sink writes (it bounds every field); skipped to bound memory.</summary>
    private const int MaxLineChars = 1024 * 1024;

    public string Path { get; } = path;

    public int Skipped { get; private set; }

    /// <summary>The files holding the log, oldest first.</summary>
    public IReadOnlyList<string> Files() => McpVanguard.Audit.AuditLogFiles.OldestFirst(Path);

    public IEnumerable<AuditEntry> ReadAll()
    {
        foreach (var file in Files())
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (Parse(line) is { } entry)
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The records appended after the current end of the log, as they come, until cancelled; follows a rotation.</summary>
    public async IAsyncEnumerable<AuditEntry> FollowAsync(TimeSpan poll, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long position = File.Exists(Path) ? new FileInfo(Path).Length : 0;
        var pending = string.Empty;
        while (!cancellationToken.IsCancellationRequested)
        {
            var length = File.Exists(Path) ? new FileInfo(Path).Length : 0;
            if (length < position)
            {
                // Rotated: the new file starts from the beginning.
                position = 0;
            }

            if (length > position)
            {
                using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Seek(position, SeekOrigin.Begin);
                using var reader = new StreamReader(stream);
                var text = pending + await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                position = stream.Position;
                var lines = text.Split('\n');
                pending = lines[^1].Length > MaxLineChars ? string.Empty : lines[^1];
                foreach (var line in lines[..^1])
                {
                    if (Parse(line) is { } entry)
                    {
                        yield return entry;
                    }
                }
            }

            try
            {
                await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private AuditEntry? Parse(string line)
    {
        if (line.Length == 0 || line.Length > MaxLineChars)
        {
            Skipped += line.Length == 0 ? 0 : 1;
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new AuditEntry(document.RootElement.Clone(), line);
            }
        }
        catch (JsonException)
        {
        }

        Skipped++;
        return null;
    }
}

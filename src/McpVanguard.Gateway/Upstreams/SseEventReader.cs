using System.Runtime.CompilerServices;
using System.Text;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>Reads the data of each <c>message</c> event from a remote upstream's SSE stream, bounded by the message size limit.</summary>
internal static class SseEventReader
{
    public static async IAsyncEnumerable<byte[]> ReadAsync(Stream stream, int maxEventBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        var data = new StringBuilder();
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && (eventName is null or "message"))
                {
                    yield return Encoding.UTF8.GetBytes(data.ToString());
                }

                data.Clear();
                eventName = null;
                continue;
            }

            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
                if (data.Length > maxEventBytes)
                {
                    throw new InvalidDataException($"An SSE event from the upstream exceeds the message size limit of {maxEventBytes} bytes.");
                }
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
        }
    }
}

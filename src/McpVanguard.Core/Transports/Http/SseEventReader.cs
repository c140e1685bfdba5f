using System.Runtime.CompilerServices;
using System.Text;

namespace McpVanguard.Transports.Http;

/// <summary>
/// Reads the data of each <c>message</c> event (or an event with no name) from a server-sent event stream as one frame.
/// An event longer than the message size limit is reported as <see cref="Frame.Oversized"/> and ends the stream: its
/// remainder is never buffered.
/// </summary>
public static class SseEventReader
{
    public static async IAsyncEnumerable<Frame> ReadAsync(Stream stream, int maxEventBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
        var data = new StringBuilder();
        string? eventName = null;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && IsMessage(eventName))
                {
                    yield return new Frame(Encoding.UTF8.GetBytes(data.ToString()));
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
                    yield return new Frame(null);
                    yield break;
                }
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
        }

        // A stream that ends without the blank line still delivered its last event.
        if (data.Length > 0 && IsMessage(eventName))
        {
            yield return new Frame(Encoding.UTF8.GetBytes(data.ToString()));
        }
    }

    /// <summary>Streamable HTTP carries JSON-RPC in <c>message</c> events (or unnamed ones); other event types are not messages.</summary>
    private static bool IsMessage(string? eventName) => eventName is null or "message";
}

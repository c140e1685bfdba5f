using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace McpVanguard.Transports;

/// <summary>One newline-delimited frame, or the marker that a line was longer than the limit and was discarded.</summary>
public readonly record struct Frame(byte[]? Data)
{
    public bool Oversized => Data is null;
}

/// <summary>
/// Splits a byte stream into newline-delimited JSON-RPC frames. Never holds more than the size limit for one line: a
/// longer line is skipped to its end and reported as <see cref="Frame.Oversized"/>.
/// </summary>
public static class LineFramer
{
    public static async IAsyncEnumerable<Frame> ReadAsync(Stream stream, int maxFrameBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var discarding = false;
        try
        {
            while (true)
            {
                ReadResult result;
                try
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    yield break;
                }

                var buffer = result.Buffer;
                while (TryTakeLine(ref buffer, out var line))
                {
                    if (discarding)
                    {
                        // The tail of a line that was already reported as oversized.
                        discarding = false;
                        continue;
                    }

                    var frame = Trim(line);
                    if (frame.Length > maxFrameBytes)
                    {
                        yield return new Frame(null);
                    }
                    else if (frame.Length > 0)
                    {
                        yield return new Frame(frame.ToArray());
                    }
                }

                if (!discarding && buffer.Length > maxFrameBytes)
                {
                    // No newline within the limit: drop what we hold and skip to the end of this line.
                    yield return new Frame(null);
                    discarding = true;
                }

                if (discarding)
                {
                    reader.AdvanceTo(buffer.End);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }

                if (result.IsCompleted)
                {
                    if (!discarding && Trim(buffer) is { Length: > 0 } last && last.Length <= maxFrameBytes)
                    {
                        // A final message without a trailing newline still counts.
                        yield return new Frame(last.ToArray());
                    }

                    yield break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, position.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, position.Value));
        return true;
    }

    private static ReadOnlySequence<byte> Trim(ReadOnlySequence<byte> line)
    {
        // Tolerate CRLF and surrounding blanks; JSON itself never needs them.
        while (line.Length > 0 && IsBlank(line.Slice(line.Length - 1, 1).FirstSpan[0]))
        {
            line = line.Slice(0, line.Length - 1);
        }

        while (line.Length > 0 && IsBlank(line.FirstSpan[0]))
        {
            line = line.Slice(1);
        }

        return line;
    }

    private static bool IsBlank(byte b) => b is (byte)'\r' or (byte)' ' or (byte)'\t';
}

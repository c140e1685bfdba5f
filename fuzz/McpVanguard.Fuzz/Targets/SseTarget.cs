using McpVanguard.Protocol;
using McpVanguard.Transports.Http;

namespace McpVanguard.Fuzz.Targets;

/// <summary>
/// The server-sent event reader a remote upstream's answers go through, with each event's data parsed as the relay parses
/// it. Oracle: no exception; no frame is longer than the event size limit (an oversized event is reported, never buffered).
/// </summary>
internal sealed class SseTarget : IFuzzTarget
{
    /// <summary>Small, so that the fuzzer reaches the oversized-event path with short inputs.</summary>
    private const int MaxEventBytes = 512;

    public string Name => "sse";

    public void Run(ReadOnlySpan<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        ReadAllAsync(stream).GetAwaiter().GetResult();
    }

    private static async Task ReadAllAsync(Stream stream)
    {
        await foreach (var frame in SseEventReader.ReadAsync(stream, MaxEventBytes, CancellationToken.None).ConfigureAwait(false))
        {
            if (frame.Data is not { } data)
            {
                continue;
            }

            // The limit counts UTF-16 characters as they are read; a character is at most 3 UTF-8 bytes (a pair is 4 for 2).
            if (data.Length > (MaxEventBytes + 1) * 3)
            {
                throw new InvariantBrokenException($"An event of {data.Length} bytes passed a limit of {MaxEventBytes}.");
            }

            McpMessageParser.TryParse(data, 64, out var message, out _);
            message?.Dispose();
        }
    }
}

using McpVanguard.Protocol;

namespace McpVanguard.Relay;

/// <summary>
/// One incoming frame, parsed once: the message, or why it is not one. A transport that must route by the message (the
/// gateway) parses it with <see cref="Parse"/> and hands this same value to the relay, so routing and inspection can never
/// read two different ids from one body. The relay takes ownership and disposes it.
/// </summary>
public readonly struct InboundMessage : IDisposable
{
    private InboundMessage(ReadOnlyMemory<byte> raw, McpMessage? message, ProtocolViolation? violation)
    {
        Raw = raw;
        Message = message;
        Violation = violation;
    }

    /// <summary>The frame as received.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>The parsed message; null when <see cref="Violation"/> says why there is none.</summary>
    public McpMessage? Message { get; }

    public ProtocolViolation? Violation { get; }

    /// <summary>The id, as far as it could be read (a violation may still carry one).</summary>
    public JsonRpcId Id => Message?.Id ?? Violation?.Id ?? JsonRpcId.Null;

    public string? Method => Message is { } m ? m.Method : Violation?.Method;

    public bool IsRequest => Message?.IsRequest == true;

    /// <summary>The request that opens a session.</summary>
    public bool IsInitialize => IsRequest && Method == "initialize";

    /// <summary>Parses <paramref name="frame"/>; never throws.</summary>
    public static InboundMessage Parse(ReadOnlyMemory<byte> frame, int maxDepth)
        => McpMessageParser.TryParse(frame, maxDepth, out var message, out var violation)
            ? new InboundMessage(frame, message, null)
            : new InboundMessage(frame, null, violation);

    public void Dispose() => Message?.Dispose();
}

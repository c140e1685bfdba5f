using System.Text;
using System.Text.Json;
using McpVanguard.Protocol;
using McpVanguard.Relay;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// The one <c>initialize</c> of a shared child: the first session's goes through, every later session gets the kept
/// answer (same protocol version) or an error naming both versions.
/// </summary>
internal sealed partial class SharedChild
{
    private async ValueTask InitializeAsync(SharedSessionLease lease, RelayMessage message, CancellationToken cancellationToken)
    {
        var version = RequestedVersion(message.Json.Span);
        TaskCompletionSource<bool>? wait = null;
        var kept = false;
        lock (_gate)
        {
            if (_initializing is not null)
            {
                wait = _initializing;
            }
            else if (_initializeResult is not null)
            {
                kept = true;
            }
            else
            {
                _initializing = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _initializeRequest = message.Json.ToArray();
                _protocolVersion = version;
            }
        }

        if (kept)
        {
            AnswerFromKept(lease, message.Id, version);
            return;
        }

        if (wait is not null)
        {
            // Another session's initialize is on its way to the child: answer this one when that one is answered.
            _ = AnswerWhenInitializedAsync(lease, message with { Json = message.Json.ToArray() }, version, wait.Task);
            return;
        }

        try
        {
            await EnsureRunningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (UpstreamStartException ex)
        {
            FailInitialize();
            Answer(lease, message.Id, JsonRpcErrorCodes.UpstreamUnavailable, ex.Message);
            return;
        }

        if (TryRemap(lease, message.Id, message.ProgressToken, isInitialize: true, out var upstreamId) is { } refused)
        {
            FailInitialize();
            Answer(lease, message.Id, refused.Code, refused.Message);
            return;
        }

        await SendRemappedAsync(lease, message, upstreamId, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerWhenInitializedAsync(SharedSessionLease lease, RelayMessage message, string? version, Task<bool> initializing)
    {
        if (await initializing.ConfigureAwait(false))
        {
            AnswerFromKept(lease, message.Id, version);
        }
        else
        {
            // The first session's initialize failed; this one tries in its place.
            await InitializeAsync(lease, message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void AnswerFromKept(SharedSessionLease lease, JsonRpcId id, string? version)
    {
        byte[] result;
        string? kept;
        lock (_gate)
        {
            result = _initializeResult!;
            kept = _protocolVersion;
        }

        if (!string.Equals(version, kept, StringComparison.Ordinal))
        {
            Answer(lease, id, JsonRpcErrorCodes.InvalidParams, $"This server is shared (servers.share) and was initialized for protocol version '{kept}'; this session asked for '{version}'. Use that version, or a server without share.");
            return;
        }

        var head = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":" + id.Json + ",\"result\":");
        var answer = new byte[head.Length + result.Length + 1];
        head.CopyTo(answer, 0);
        result.CopyTo(answer, head.Length);
        answer[^1] = (byte)'}';
        lease.Deliver(answer);
    }

    private void FailInitialize()
    {
        TaskCompletionSource<bool>? initializing;
        lock (_gate)
        {
            initializing = _initializing;
            _initializing = null;
            _initializeRequest = null;
            _protocolVersion = null;
        }

        initializing?.TrySetResult(false);
    }

    private static string? RequestedVersion(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("protocolVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

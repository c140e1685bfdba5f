using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace McpVanguard.Gateway.Messages;

/// <summary>Writes Server-Sent Events straight to the response pipe, one flush per event so that nothing waits in a buffer.</summary>
internal static class SseEventWriter
{
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;

    /// <summary>Sends the SSE response headers and turns off response buffering (a buffered event would arrive late).</summary>
    public static async Task StartAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        // Reverse proxies (nginx) buffer responses unless told not to.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        // StartAsync only commits the headers: Kestrel sends them with the first flush. Without this a quiet stream (the
        // standalone GET) left its client waiting for the status line until the first event or keep-alive (15 s).
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <c>event: NAME</c> and the payload as data lines, then flushes.</summary>
    public static ValueTask<FlushResult> WriteAsync(PipeWriter writer, ReadOnlySpan<byte> eventLine, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Write(writer, eventLine, payload.Span);
        return writer.FlushAsync(cancellationToken);
    }

    private static void Write(PipeWriter writer, ReadOnlySpan<byte> eventLine, ReadOnlySpan<byte> payload)
    {
        writer.Write(eventLine);
        // JSON from a stdio server is one line; from an HTTP upstream it may be pretty-printed: every line becomes its own
        // data field (SSE joins them back with newlines), and a carriage return is dropped so it cannot end a field early.
        while (true)
        {
            var newline = payload.IndexOf((byte)'\n');
            var line = newline < 0 ? payload : payload[..newline];
            writer.Write(DataPrefix);
            WriteWithoutCarriageReturns(writer, line);
            writer.Write("\n"u8);
            if (newline < 0)
            {
                break;
            }

            payload = payload[(newline + 1)..];
        }

        writer.Write("\n"u8);
    }

    private static void WriteWithoutCarriageReturns(PipeWriter writer, ReadOnlySpan<byte> line)
    {
        int cr;
        while ((cr = line.IndexOf((byte)'\r')) >= 0)
        {
            writer.Write(line[..cr]);
            line = line[(cr + 1)..];
        }

        writer.Write(line);
    }
}

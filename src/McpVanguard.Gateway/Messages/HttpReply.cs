using McpVanguard.Gateway.Logging;
using McpVanguard.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Messages;

/// <summary>Writes the gateway's own answers: a JSON-RPC message as <c>application/json</c>, with an HTTP status.</summary>
internal static class HttpReply
{
    /// <summary>Writes one JSON-RPC message as the whole response body.</summary>
    public static async Task JsonAsync(HttpResponse response, int status, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.BodyWriter.WriteAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The gateway's own refusal of a request, answered as <see cref="RefusalReplies"/> maps it (status, JSON-RPC code,
    /// message with <paramref name="details"/>, as a JSON-RPC error body) and logged (event 2001, debug: a refusal is the
    /// client's error, not ours). Nothing is written once the response has started.
    /// </summary>
    public static Task RefuseAsync(HttpContext context, Refusal refusal, JsonRpcId? id = null, params object?[] details)
    {
        var shape = RefusalReplies.Of(refusal);
        if (context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(GatewayLog.Category) is { } logger && logger.IsEnabled(LogLevel.Debug))
        {
            GatewayLog.Refused(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, refusal, shape.Status);
        }

        return context.Response.HasStarted
            ? Task.CompletedTask
            : JsonAsync(context.Response, shape.Status, JsonRpcErrorWriter.Write(id ?? JsonRpcId.Null, shape.Code, RefusalReplies.Message(refusal, details)), context.RequestAborted);
    }

    /// <summary>
    /// The answer to an <c>initialize</c> on a session that already had one (both transports). It is never forwarded: a
    /// second handshake would renegotiate capabilities under the pins and access decisions already made for the session.
    /// </summary>
    public static Task SecondInitializeAsync(HttpContext context, JsonRpcId id) => RefuseAsync(context, Refusal.SecondInitialize, id);
}

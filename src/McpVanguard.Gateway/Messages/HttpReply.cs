using McpVanguard.Protocol;
using Microsoft.AspNetCore.Http;

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

    /// <summary>An HTTP-level refusal: every error body is a JSON-RPC error object with a message a person can act on.</summary>
    public static Task ErrorAsync(HttpContext context, int status, int code, string message, JsonRpcId? id = null)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        return JsonAsync(context.Response, status, JsonRpcErrorWriter.Write(id ?? JsonRpcId.Null, code, message), context.RequestAborted);
    }

    /// <summary>
    /// The answer to an <c>initialize</c> on a session that already had one (both transports). It is never forwarded: a
    /// second handshake would renegotiate capabilities under the pins and access decisions already made for the session.
    /// </summary>
    public static Task SecondInitializeAsync(HttpContext context, JsonRpcId id)
        => ErrorAsync(context, StatusCodes.Status400BadRequest, JsonRpcErrorCodes.InvalidRequest,
            "Bad Request: this session is already initialized; a session has one initialize (start a new session to negotiate again).", id);
}

using System.Text.Json;
using McpVanguard.Protocol;

namespace McpVanguard.Gateway.Messages;

/// <summary>What kind of JSON-RPC message a body holds, as far as routing needs to know.</summary>
internal enum EnvelopeKind
{
    /// <summary>Not a readable JSON object; the relay decides how to refuse it.</summary>
    Invalid,
    Batch,
    Request,
    Notification,
    Response,
}

/// <summary>
/// The routing view of one JSON-RPC message: kind, id, method and progress token. Read with a forward-only reader that
/// skips params and results, so routing costs little even for large messages; inspection still parses everything.
/// </summary>
internal readonly record struct Envelope(EnvelopeKind Kind, JsonRpcId Id, string? Method, JsonRpcId? ProgressToken, bool IsError)
{
    public const string InitializeMethod = "initialize";
    public const string ProgressMethod = "notifications/progress";

    public bool IsInitialize => Kind == EnvelopeKind.Request && Method == InitializeMethod;

    /// <summary>Reads the envelope; never throws (malformed input is <see cref="EnvelopeKind.Invalid"/>).</summary>
    public static Envelope Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadCore(json);
        }
        catch (JsonException)
        {
            return default;
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static Envelope ReadCore(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read())
        {
            return default;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new Envelope(EnvelopeKind.Batch, JsonRpcId.Null, null, null, false);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        JsonRpcId? id = null;
        string? method = null;
        JsonRpcId? requestToken = null;
        JsonRpcId? notificationToken = null;
        var hasResult = false;
        var hasError = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = JsonRpcId.TryFrom(JsonElement.ParseValue(ref reader), out var parsed) ? parsed : JsonRpcId.Null;
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                reader.Read();
                method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (method is null)
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("params"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadParams(ref reader, ref requestToken, ref notificationToken);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                hasResult |= reader.ValueTextEquals("result"u8);
                hasError |= reader.ValueTextEquals("error"u8);
                reader.Read();
                reader.Skip();
            }
        }

        if (method is not null)
        {
            return id is { IsNull: false } requestId
                ? new Envelope(EnvelopeKind.Request, requestId, method, requestToken, false)
                : new Envelope(EnvelopeKind.Notification, JsonRpcId.Null, method, method == ProgressMethod ? notificationToken : null, false);
        }

        return hasResult || hasError
            ? new Envelope(EnvelopeKind.Response, id ?? JsonRpcId.Null, null, null, hasError)
            : default;
    }

    /// <summary>Finds <c>params._meta.progressToken</c> (a request asking for progress) and <c>params.progressToken</c> (a progress notification).</summary>
    private static void ReadParams(ref Utf8JsonReader reader, ref JsonRpcId? requestToken, ref JsonRpcId? notificationToken)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("progressToken"u8))
            {
                reader.Read();
                notificationToken = JsonRpcId.TryFrom(JsonElement.ParseValue(ref reader), out var token) ? token : null;
            }
            else if (reader.ValueTextEquals("_meta"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isToken = reader.ValueTextEquals("progressToken"u8);
                    reader.Read();
                    if (isToken)
                    {
                        requestToken = JsonRpcId.TryFrom(JsonElement.ParseValue(ref reader), out var token) ? token : null;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}

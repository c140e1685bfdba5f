using System.Buffers.Text;
using System.Text.Json;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// The few fields a shared child's messages are routed by, read with one forward pass of <see cref="Utf8JsonReader"/>
/// and no allocation but the method name. Only routing reads this; the session's relay still parses and inspects the
/// whole message. A routing field written twice makes the message unroutable (<see cref="IsValid"/> false), so routing
/// and the relay's parser (which refuses duplicate keys) can never read two different ids from one message.
/// </summary>
internal readonly record struct RoutingFields(bool IsValid, JsonSpan Id, string? Method, JsonSpan Result, bool HasError, JsonSpan ProgressToken, JsonSpan RequestId)
{
    public bool IsResponse => IsValid && Id.Found && Method is null && (Result.Found || HasError);

    public bool IsRequest => IsValid && Id.Found && Method is not null;

    public bool IsNotification => IsValid && !Id.Found && Method is not null;

    /// <summary>Reads the routing fields of <paramref name="json"/>; never throws.</summary>
    public static RoutingFields Read(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadCore(json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>An id or token this gateway wrote (a JSON number), or -1.</summary>
    public static long Number(ReadOnlySpan<byte> value)
        => Utf8Parser.TryParse(value, out long number, out var consumed) && consumed == value.Length && number >= 0 ? number : -1;

    private static RoutingFields ReadCore(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        JsonSpan id = default, result = default, token = default, requestId = default;
        string? method = null;
        bool hasError = false, sawId = false, sawMethod = false, sawParams = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                if (sawId)
                {
                    return default;
                }

                sawId = true;
                reader.Read();
                id = Scalar(ref reader);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                if (sawMethod)
                {
                    return default;
                }

                sawMethod = true;
                reader.Read();
                method = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                result = new JsonSpan(start, (int)reader.BytesConsumed - start);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                hasError = true;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("params"u8))
            {
                if (sawParams)
                {
                    return default;
                }

                sawParams = true;
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    if (!ReadParams(ref reader, ref token, ref requestId))
                    {
                        return default;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new RoutingFields(true, id, method, result, hasError, token, requestId);
    }

    /// <summary>Reads <c>params.progressToken</c>, <c>params._meta.progressToken</c> and <c>params.requestId</c>.</summary>
    private static bool ReadParams(ref Utf8JsonReader reader, ref JsonSpan token, ref JsonSpan requestId)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("progressToken"u8) || reader.ValueTextEquals("requestId"u8))
            {
                var isToken = reader.ValueTextEquals("progressToken"u8);
                reader.Read();
                var value = Scalar(ref reader);
                if ((isToken ? token : requestId).Found)
                {
                    return false;
                }

                if (isToken)
                {
                    token = value;
                }
                else
                {
                    requestId = value;
                }
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
                    if (reader.ValueTextEquals("progressToken"u8))
                    {
                        reader.Read();
                        var value = Scalar(ref reader);
                        if (token.Found)
                        {
                            return false;
                        }

                        token = value;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    /// <summary>A string or number value's bytes; anything else is not an id or token (skipped, reported absent).</summary>
    private static JsonSpan Scalar(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
        {
            return new JsonSpan(start, (int)reader.BytesConsumed - start);
        }

        reader.Skip();
        return default;
    }
}

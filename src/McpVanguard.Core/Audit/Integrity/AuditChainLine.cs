using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace McpVanguard.Audit.Integrity;

/// <summary>
/// The hash chain's wire form: every audit line ends with <c>"seq":N,"prev":"&lt;hex&gt;"</c>, where <c>prev</c> is the
/// SHA-256 of the previous line's exact bytes (without its newline) and <c>seq</c> counts the lines of the chain. The
/// fields are spliced onto the serialised record, so the record's own serialiser and every reader stay as they are.
/// </summary>
internal static class AuditChainLine
{
    /// <summary>The <c>prev</c> of the first record of a chain that links to nothing.</summary>
    public static readonly string Genesis = new('0', 64);

    private const int HashBytes = 32;

    /// <summary>The line that carries <paramref name="record"/> (one JSON object) as record number <paramref name="seq"/> after <paramref name="previous"/>.</summary>
    public static byte[] Link(ReadOnlySpan<byte> record, long seq, ReadOnlySpan<byte> previous)
    {
        // ,"seq":<up to 19 digits>,"prev":"<64 hex>"}
        Span<byte> number = stackalloc byte[20];
        Utf8Formatter.TryFormat(seq, number, out var digits);
        var tail = ",\"seq\":"u8.Length + digits + ",\"prev\":\""u8.Length + HashBytes * 2 + "\"}"u8.Length;
        var line = new byte[record.Length - 1 + tail];
        record[..^1].CopyTo(line);
        var at = record.Length - 1;
        at += Copy(",\"seq\":"u8, line, at);
        at += Copy(number[..digits], line, at);
        at += Copy(",\"prev\":\""u8, line, at);
        Convert.TryToHexStringLower(previous, line.AsSpan(at, HashBytes * 2), out _);
        at += HashBytes * 2;
        Copy("\"}"u8, line, at);
        return line;
    }

    /// <summary>SHA-256 of one line's bytes.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> line) => SHA256.HashData(line);

    /// <summary>The chain fields of a line, when it is a JSON object that carries them.</summary>
    public static bool TryReadLink(ReadOnlySpan<byte> line, out long seq, out string? prev)
    {
        seq = 0;
        prev = null;
        var found = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("seq"u8))
                {
                    reader.Read();
                    found |= reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out seq);
                }
                else if (reader.ValueTextEquals("prev"u8))
                {
                    reader.Read();
                    prev = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return found && prev is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="line"/> parses as one JSON object (a record), whatever its fields.</summary>
    public static bool IsJsonObject(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int Copy(ReadOnlySpan<byte> from, byte[] to, int at)
    {
        from.CopyTo(to.AsSpan(at));
        return from.Length;
    }
}

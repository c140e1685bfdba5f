using System.Text;

namespace McpVanguard.Inspection.Output;

/// <summary>
/// The text inside a base64 <c>blob</c> of a resource (a tool result's embedded resource, a <c>resources/read</c> answer): a
/// client decodes a <c>text/plain</c> or JSON blob and hands it to the model, so its words are read as the model will read them.
/// Images, archives and other binary payloads are not text and are left alone.
/// </summary>
internal static class EmbeddedText
{
    /// <summary>Longest blob decoded (base64 characters): the output budget in bytes, encoded.</summary>
    private const int MaxBlobChars = OutputInspector.MaxCharsPerString / 3 * 4;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text when <paramref name="blob"/> is base64 of UTF-8 text; null for binary data or anything else.</summary>
    public static string? Decode(string blob)
    {
        if (blob.Length < 12 || blob.Length > MaxBlobChars)
        {
            return null;
        }

        var bytes = new byte[blob.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64String(blob, bytes, out var written) || written == 0)
        {
            return null;
        }

        var controls = 0;
        foreach (var b in bytes.AsSpan(0, written))
        {
            if (b == 0)
            {
                return null;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                controls++;
            }
        }

        if (controls * 20 > written)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>What a blob whose text was masked is replaced with: the mask itself, base64-encoded, so that the field stays base64.</summary>
    public static string Mask { get; } = Convert.ToBase64String(Encoding.UTF8.GetBytes("[REDACTED:prompt-injection]"));
}

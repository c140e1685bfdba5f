using System.Buffers.Text;
using System.Text;

namespace McpVanguard.Inspection.Shell;

/// <summary>
/// A command line sent base64-encoded under a key that says so (<c>script_base64</c>, <c>command_b64</c>, <c>encoded_command</c>,
/// <c>payloadBase64</c>): the tool decodes it and runs it, so the decoded text is the command. UTF-16LE (PowerShell's
/// <c>-EncodedCommand</c> convention) and UTF-8 are both read. In a tool that runs commands any encoded key counts; elsewhere the key
/// must also name a command, script or payload (an image's <c>content_base64</c> is data).
/// </summary>
internal static class EncodedCommandKeys
{
    /// <summary>Most characters decoded (a command line, not a file).</summary>
    private const int MaxEncodedLength = 16 * 1024;

    /// <summary>The decoded command under <paramref name="key"/>, or null when the key does not say it is encoded or the value is not text in base64.</summary>
    public static string? Decode(string key, string value, bool execTool)
    {
        // Cheap gate on the key: no "64" and no "enc" means no encoded command.
        if (key.Length < 3 || value.Length < 8 || value.Length > MaxEncodedLength
            || !key.Contains("64", StringComparison.Ordinal) && !key.Contains("enc", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var k = key.ToLowerInvariant();
        if (!(k.Contains("b64", StringComparison.Ordinal) || k.Contains("base64", StringComparison.Ordinal) || k.Contains("encoded", StringComparison.Ordinal)))
        {
            return null;
        }

        if (!execTool && !(k.Contains("cmd", StringComparison.Ordinal) || k.Contains("command", StringComparison.Ordinal) || k.Contains("script", StringComparison.Ordinal)
            || k.Contains("payload", StringComparison.Ordinal)))
        {
            return null;
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(value.Length)];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var written) || written < 4)
        {
            return null;
        }

        var utf16 = written % 2 == 0 && bytes[1] == 0 && bytes[3] == 0;
        string text;
        try
        {
            Encoding encoding = utf16 ? new UnicodeEncoding(false, false, true) : new UTF8Encoding(false, true);
            text = encoding.GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null; // binary, not a command line
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return null;
            }
        }

        return text;
    }
}

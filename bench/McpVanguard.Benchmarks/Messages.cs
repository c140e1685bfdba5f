using System.Text;
using System.Text.Json;

namespace McpVanguard.Benchmarks;

/// <summary>The typical frames the benchmarks feed the relay, as UTF-8 bytes without the trailing newline.</summary>
public static class Messages
{
    public const long RequestId = 42;

    public static readonly byte[] ReadFile = Utf8(
        """{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"src/services/billing/InvoiceRenderer.cs"}}}""");

    public static readonly byte[] RunCommand = Utf8(
        """{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"run_command","arguments":{"command":"grep -rn \"TODO\" src --include=*.cs | sort | head -n 50","cwd":"/home/dev/project"}}}""");

    public static readonly byte[] TraversalBlocked = Utf8(
        """{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"read_file","arguments":{"path":"../../../../etc/passwd"}}}""");

    /// <summary>The same kind of path, hidden behind double percent-encoding and fullwidth letters: the slow canonicaliser path.</summary>
    public static readonly string EncodedPath = "%252e%252e%252f%252e%252e%252fｅｔｃ/passwd";

    /// <summary>A write_file whose content is ~100 KB of ordinary source code.</summary>
    public static readonly byte[] WriteFile100K = BuildWriteFile(100 * 1024);

    /// <summary>A server→agent tools/call result carrying ~4 KB of file text.</summary>
    public static readonly byte[] ServerResult = BuildResult(4 * 1024);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>About <paramref name="bytes"/> characters of ordinary C# source (the content of <see cref="WriteFile100K"/>).</summary>
    public static string SourceTextOf(int bytes) => SourceText(bytes);

    private static string SourceText(int bytes)
    {
        string[] lines =
        [
            "using System.Collections.Generic;",
            "namespace Billing.Rendering;",
            "public sealed class InvoiceRenderer(ITemplateStore templates, ILogger<InvoiceRenderer> log)",
            "{",
            "    // Renders one invoice to HTML; totals are computed in minor units to avoid rounding drift.",
            "    public string Render(Invoice invoice, CultureInfo culture)",
            "    {",
            "        var total = invoice.Lines.Sum(l => l.Quantity * l.UnitPriceMinor);",
            "        log.LogInformation(\"rendering invoice {Id} with {Count} lines\", invoice.Id, invoice.Lines.Count);",
            "        return templates.Get(\"invoice\").Render(new { invoice, total, culture });",
            "    }",
            "}",
            "",
        ];
        var sb = new StringBuilder(bytes + 128);
        for (var i = 0; sb.Length < bytes; i++)
        {
            sb.Append(lines[i % lines.Length]).Append('\n');
        }

        return sb.ToString(0, bytes);
    }

    private static byte[] BuildWriteFile(int contentBytes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteNumber("id", RequestId);
            w.WriteString("method", "tools/call");
            w.WriteStartObject("params");
            w.WriteString("name", "write_file");
            w.WriteStartObject("arguments");
            w.WriteString("path", "src/services/billing/InvoiceRenderer.cs");
            w.WriteString("content", SourceText(contentBytes));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static byte[] BuildResult(int textBytes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("jsonrpc", "2.0");
            w.WriteNumber("id", RequestId);
            w.WriteStartObject("result");
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", SourceText(textBytes));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("isError", false);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }
}

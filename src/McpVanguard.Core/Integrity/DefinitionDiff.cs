using System.Text;
using System.Text.Json;

namespace McpVanguard.Integrity;

/// <summary>One line of a definition diff: <c>' '</c> unchanged, <c>'-'</c> only in the pinned definition, <c>'+'</c> only in the new one.</summary>
public sealed record DiffLine(char Kind, string Text);

/// <summary>A line diff of two tool definitions, each pretty-printed with sorted keys, for <c>vanguard pins diff</c>.</summary>
public static class DefinitionDiff
{
    /// <summary>Above this many line pairs the diff is not aligned (quadratic), just shown as old then new.</summary>
    private const long MaxCells = 4_000_000;

    private static readonly JsonWriterOptions Pretty = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The definition as indented JSON lines (empty for none).</summary>
    public static IReadOnlyList<string> PrettyLines(JsonElement? definition)
    {
        if (definition is not { } element)
        {
            return [];
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Pretty))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
    }

    public static IReadOnlyList<DiffLine> Compare(JsonElement? pinned, JsonElement? observed)
    {
        var a = PrettyLines(pinned);
        var b = PrettyLines(observed);
        if ((long)a.Count * b.Count > MaxCells)
        {
            return [.. a.Select(static l => new DiffLine('-', l)), .. b.Select(static l => new DiffLine('+', l))];
        }

        // Longest common subsequence from the end, then one walk from the start.
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(' ', a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                lines.Add(new DiffLine('-', a[x++]));
            }
            else
            {
                lines.Add(new DiffLine('+', b[y++]));
            }
        }

        lines.AddRange(a.Skip(x).Select(static l => new DiffLine('-', l)));
        lines.AddRange(b.Skip(y).Select(static l => new DiffLine('+', l)));
        return lines;
    }
}

using System.Text;

namespace McpVanguard.Inspection.Semantic;

/// <summary>
/// The text L2 sends for one message, at most <c>semantic.max_chars</c> characters: the message's strings in order,
/// those carrying an instruction cue first, each cut to its start and end when it does not fit. Padding cannot push an
/// instruction out of reach, since the strings holding a cue go first.
/// </summary>
internal static class SemanticText
{
    private const string Cut = " […] ";

    public static string Bound(IReadOnlyList<string> strings, IReadOnlyList<bool> cued, int maxChars)
    {
        var total = 0;
        foreach (var s in strings)
        {
            total += s.Length + 1;
        }

        var text = new StringBuilder(Math.Min(total, maxChars));
        if (total <= maxChars)
        {
            foreach (var s in strings)
            {
                AppendSeparated(text, s);
            }

            return text.ToString();
        }

        // Cued strings first, then the rest, each as much as still fits.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < strings.Count && text.Length < maxChars; i++)
            {
                if (cued[i] == (pass == 0))
                {
                    AppendSeparated(text, Fit(strings[i], maxChars - text.Length - 1));
                }
            }
        }

        return text.Length > maxChars ? text.ToString(0, maxChars) : text.ToString();
    }

    /// <summary><paramref name="s"/> whole, or its start and end around a cut mark when longer than <paramref name="room"/>.</summary>
    private static string Fit(string s, int room)
    {
        if (s.Length <= room)
        {
            return s;
        }

        if (room <= Cut.Length + 2)
        {
            return room <= 0 ? string.Empty : s[..room];
        }

        var head = (room - Cut.Length + 1) / 2;
        var tail = room - Cut.Length - head;
        return string.Concat(s.AsSpan(0, head), Cut, s.AsSpan(s.Length - tail));
    }

    private static void AppendSeparated(StringBuilder text, string s)
    {
        if (s.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('\n');
        }

        text.Append(s);
    }
}

using System.Buffers;

namespace McpVanguard.Inspection.Network;

/// <summary>
/// The ASCII tab, CR and LF that the WHATWG URL parser removes from anywhere in its input before parsing (URL Standard, basic URL
/// parser, step "remove all ASCII tab or newline"): <c>http://169.254.16&#9;9.254/</c> and <c>http:/&#9;/host</c> reach the hosts
/// they spell without them.
/// </summary>
internal static class UrlTabsAndNewlines
{
    private static readonly SearchValues<char> TabOrNewline = SearchValues.Create("\t\r\n");

    /// <summary><paramref name="url"/> without its tabs, CRs and LFs; the same instance when it has none (the common case costs one vectorised scan).</summary>
    public static string Remove(string url)
    {
        var first = url.AsSpan().IndexOfAny(TabOrNewline);
        if (first < 0)
        {
            return url;
        }

        return string.Create(url.Length - Count(url.AsSpan(first)), (url, first), static (span, state) =>
        {
            state.url.AsSpan(0, state.first).CopyTo(span);
            var n = state.first;
            foreach (var c in state.url.AsSpan(state.first))
            {
                if (c is not ('\t' or '\r' or '\n'))
                {
                    span[n++] = c;
                }
            }
        });
    }

    private static int Count(ReadOnlySpan<char> rest)
    {
        var count = 0;
        foreach (var c in rest)
        {
            count += c is '\t' or '\r' or '\n' ? 1 : 0;
        }

        return count;
    }
}

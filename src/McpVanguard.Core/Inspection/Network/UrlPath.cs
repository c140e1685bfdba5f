namespace McpVanguard.Inspection.Network;

/// <summary>
/// The path of a URL as the server that receives it resolves it: empty and <c>.</c> segments dropped, <c>..</c> popping
/// one, lower-cased, query and fragment cut off. <c>/latest/./meta-data</c>, <c>/latest//meta-data</c> and
/// <c>/x/../latest/meta-data</c> are all <c>latest/meta-data</c> to the metadata service.
/// </summary>
internal static class UrlPath
{
    /// <summary>Most segments kept; a crafted path with thousands of slashes costs no more than this.</summary>
    private const int MaxSegments = 32;

    /// <summary>The normalised segments of <paramref name="pathAndQuery"/> (which starts at the path, after the authority).</summary>
    public static string[] Segments(ReadOnlySpan<char> pathAndQuery)
    {
        var end = pathAndQuery.IndexOfAny('?', '#');
        var path = end < 0 ? pathAndQuery : pathAndQuery[..end];
        if (path.IsEmpty)
        {
            return [];
        }

        var segments = new List<string>(8);
        foreach (var range in path.SplitAny('/', '\\'))
        {
            var segment = path[range];
            if (segment.IsEmpty || segment is ".")
            {
                continue;
            }

            if (segment is "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            if (segments.Count == MaxSegments)
            {
                break;
            }

            segments.Add(segment.ToString().ToLowerInvariant());
        }

        return [.. segments];
    }
}

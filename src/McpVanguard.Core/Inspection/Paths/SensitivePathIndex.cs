namespace McpVanguard.Inspection.Paths;

/// <summary>
/// The catalog's patterns indexed so that a lookup costs a few dictionary probes instead of a walk over every pattern:
/// by the literal last segment (<c>**/.aws/credentials</c> under <c>credentials</c>), by the literal segment a directory
/// tree hangs from (<c>/etc/**</c> under <c>etc</c>, probed once per path segment), and by the literal prefix and suffix
/// of a wildcard last segment (<c>*.pem</c>, <c>id_*</c>). Only the few patterns with no literal to key on are tried on
/// every path. The answer is the one a walk in catalog order gives: the first family that matches.
/// </summary>
internal sealed class SensitivePathIndex
{
    /// <param name="Order">Index of the family in the catalog: the lowest matching order wins.</param>
    /// <param name="Segments">The pattern after its anchor (<c>/</c>, <c>?:/</c>).</param>
    /// <param name="Prefix">For a wildcard last segment: the literal text before its first wildcard.</param>
    /// <param name="Suffix">For a wildcard last segment: the literal text after its last wildcard.</param>
    private sealed record Entry(int Order, SensitiveLocation Location, string Segments, bool Anchored, bool Drive, string Prefix = "", string Suffix = "");

    private readonly Dictionary<string, Entry[]> _byLastSegment;
    private readonly Dictionary<string, Entry[]> _byTreeRoot;
    private readonly Entry[] _lastGlobs;
    private readonly Entry[] _unkeyed;

    public SensitivePathIndex(IReadOnlyList<SensitiveLocation> locations)
    {
        var byLast = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var byTree = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var lastGlobs = new List<Entry>();
        var unkeyed = new List<Entry>();
        for (var order = 0; order < locations.Count; order++)
        {
            var location = locations[order];
            foreach (var pattern in location.Patterns)
            {
                var drive = pattern.StartsWith("?:/", StringComparison.Ordinal);
                var anchored = pattern[0] == '/';
                var body = pattern[(drive ? 3 : anchored ? 1 : 0)..];
                var segments = body.Split('/');
                var last = segments[^1];
                var entry = new Entry(order, location, body, anchored, drive);
                if (last != "**" && !IsWild(last))
                {
                    Add(byLast, last, entry);
                }
                else if (last == "**" && segments.Length >= 2 && segments[^2] is var root && root != "**" && !IsWild(root))
                {
                    Add(byTree, root, entry);
                }
                else if (last != "**")
                {
                    var first = last.IndexOfAny(['*', '?']);
                    var final = last.LastIndexOfAny(['*', '?']);
                    lastGlobs.Add(entry with { Prefix = last[..first], Suffix = last[(final + 1)..] });
                }
                else
                {
                    unkeyed.Add(entry);
                }
            }
        }

        _byLastSegment = byLast.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byTreeRoot = byTree.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _lastGlobs = [.. lastGlobs];
        _unkeyed = [.. unkeyed];
    }

    /// <summary>Patterns tried on every path (no literal to index them by); the fewer the better.</summary>
    public int UnkeyedCount => _unkeyed.Length;

    /// <summary>The first family (in catalog order) whose pattern matches <paramref name="segments"/>.</summary>
    public SensitiveLocation? Match(List<string> segments, bool anchoredOk, bool driveOk)
    {
        var best = new Best(segments, anchoredOk, driveOk);
        var fileName = segments[^1];
        if (_byLastSegment.TryGetValue(fileName, out var named))
        {
            best.TryAll(named);
        }

        foreach (var e in _lastGlobs)
        {
            if (e.Order < best.Order && fileName.Length >= e.Prefix.Length + e.Suffix.Length
                && fileName.StartsWith(e.Prefix, StringComparison.Ordinal) && fileName.EndsWith(e.Suffix, StringComparison.Ordinal))
            {
                best.Try(e);
            }
        }

        foreach (var segment in segments)
        {
            if (_byTreeRoot.TryGetValue(segment, out var trees))
            {
                best.TryAll(trees);
            }
        }

        best.TryAll(_unkeyed);
        return best.Location;
    }

    private static bool IsWild(string segment) => segment.AsSpan().IndexOfAny('*', '?') >= 0;

    private static void Add(Dictionary<string, List<Entry>> map, string key, Entry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(entry);
    }

    /// <summary>The best match so far; a candidate from a later family than the best is not even tried.</summary>
    private struct Best(List<string> segments, bool anchoredOk, bool driveOk)
    {
        public int Order { get; private set; } = int.MaxValue;

        public SensitiveLocation? Location { get; private set; }

        public void TryAll(Entry[] entries)
        {
            foreach (var e in entries)
            {
                Try(e);
            }
        }

        public void Try(Entry e)
        {
            if (e.Order >= Order || e.Anchored && !anchoredOk || e.Drive && !driveOk
                || e.Location.Excluded is { } excluded && IsExcluded(segments[^1], excluded)
                || !MatchSegments(e.Segments, segments, 0))
            {
                return;
            }

            Order = e.Order;
            Location = e.Location;
        }
    }

    /// <summary>True when <paramref name="fileName"/> is one of a family's harmless look-alikes.</summary>
    public static bool IsExcluded(string fileName, string[] excluded)
    {
        foreach (var e in excluded)
        {
            if (e.StartsWith('*') ? fileName.EndsWith(e[1..], StringComparison.Ordinal) : fileName == e)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchSegments(ReadOnlySpan<char> pattern, List<string> segments, int index)
    {
        if (pattern.IsEmpty)
        {
            return index == segments.Count;
        }

        var slash = pattern.IndexOf('/');
        var head = slash < 0 ? pattern : pattern[..slash];
        var tail = slash < 0 ? [] : pattern[(slash + 1)..];
        if (head is "**")
        {
            for (var i = index; i <= segments.Count; i++)
            {
                if (MatchSegments(tail, segments, i))
                {
                    return true;
                }
            }

            return false;
        }

        return index < segments.Count && Rules.Glob.Match(head, segments[index], foldCase: false) && MatchSegments(tail, segments, index + 1);
    }
}

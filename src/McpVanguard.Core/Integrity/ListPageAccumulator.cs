using System.Diagnostics;

namespace McpVanguard.Integrity;

/// <summary>
/// The pages of the paginated lists one session is walking through, per server and list method, so that the pages of a
/// <c>tools/list</c> (or prompts, resources, templates) add up to one list: the last page is then compared as the whole
/// list (absent pins are removals), and a name repeated on two pages is a duplicate. A page that does not continue the
/// walk this session started (an unknown cursor, an expired or overflowing walk) is compared as a page only.
/// Bounded: <see cref="MaxWalks"/> walks, <see cref="MaxNames"/> names per walk, each walk expires after <see cref="MaxAge"/>.
/// </summary>
public sealed class ListPageAccumulator
{
    /// <summary>Walks in progress per session: one per server and list kind is the normal case.</summary>
    public const int MaxWalks = 64;

    /// <summary>Names remembered per walk; a longer list is compared page by page (nothing reported as removed).</summary>
    public const int MaxNames = 4096;

    /// <summary>Cursors are opaque server strings: a longer one is not remembered (the next page is then a page only).</summary>
    public const int MaxCursorChars = 1024;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(string Server, string Method), Walk> _walks = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Records one page of <paramref name="method"/> from <paramref name="serverId"/>: the request's <paramref name="requestCursor"/>
    /// (null for a first page), the page's <paramref name="nextCursor"/> (null on the last page) and its item names.
    /// </summary>
    /// <returns>Whether the walk is now complete and sound, the names on earlier pages, and the names of this page already seen on one.</returns>
    public ListPage Add(string serverId, string method, string? requestCursor, string? nextCursor, IReadOnlyList<string> names)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var key = (serverId, method);
            Walk? walk;
            if (requestCursor is null)
            {
                // A first page starts the walk over.
                walk = new Walk(now);
            }
            else if (_walks.TryGetValue(key, out walk) && walk.Expected == requestCursor && Stopwatch.GetElapsedTime(walk.Started, now) <= MaxAge)
            {
                // The page that follows the previous one.
            }
            else
            {
                _walks.Remove(key);
                return new ListPage(Complete: false, [], [], FirstSight: false);
            }

            var earlier = walk.Names.Count == 0 ? [] : new HashSet<string>(walk.Names, StringComparer.Ordinal);
            var repeated = new List<string>();
            foreach (var name in names)
            {
                if (earlier.Contains(name))
                {
                    repeated.Add(name);
                }
                else if (walk.Names.Count < MaxNames)
                {
                    walk.Names.Add(name);
                }
                else
                {
                    walk.Overflowed = true;
                }
            }

            if (nextCursor is null)
            {
                _walks.Remove(key);
                return new ListPage(!walk.Overflowed, earlier, repeated, walk.FirstSight);
            }

            if (nextCursor.Length > MaxCursorChars)
            {
                _walks.Remove(key);
                return new ListPage(false, earlier, repeated, walk.FirstSight);
            }

            walk.Expected = nextCursor;
            if (!_walks.ContainsKey(key) && _walks.Count >= MaxWalks)
            {
                // Full: the walk started longest ago is the one least likely to continue.
                _walks.Remove(_walks.MinBy(static w => w.Value.Started).Key);
            }

            _walks[key] = walk;
            return new ListPage(false, earlier, repeated, walk.FirstSight);
        }
    }

    /// <summary>
    /// Marks the walk in progress as the server's first list of its kind, so that its later pages are trusted on first use
    /// like its first page was (not reported, or under strict withheld, as tools new since pinning).
    /// </summary>
    public void MarkFirstSight(string serverId, string method)
    {
        lock (_gate)
        {
            if (_walks.TryGetValue((serverId, method), out var walk))
            {
                walk.FirstSight = true;
            }
        }
    }

    private sealed class Walk(long started)
    {
        public long Started { get; } = started;

        public string? Expected { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool Overflowed { get; set; }

        public bool FirstSight { get; set; }
    }
}

/// <summary>What one page adds to its list.</summary>
/// <param name="Complete">This was the last page of a walk that started with a first page in this session: the whole list is known.</param>
/// <param name="Earlier">The names on the walk's earlier pages.</param>
/// <param name="Repeated">Names of this page that an earlier page already had (a duplicate across pages).</param>
/// <param name="FirstSight">The walk's first page was the server's first list of this kind: this page is trusted on first use too.</param>
public sealed record ListPage(bool Complete, IReadOnlyCollection<string> Earlier, IReadOnlyList<string> Repeated, bool FirstSight);

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>
/// The bounded set of built regexes shared by every rule and detector. A NonBacktracking regex costs milliseconds and
/// megabytes to build, so it is built the first time it is needed, kept while it is used, and the least recently used one
/// is let go when the cache is full: memory depends on the traffic, not on how many rules are loaded.
/// </summary>
public sealed class RegexCache(int capacity)
{
    /// <summary>Built regexes held at most by <see cref="Shared"/> (each holds up to a few MiB of automaton).</summary>
    public const int DefaultCapacity = 96;

    private readonly List<LazyRegex> _built = [];
    private long _clock;

    /// <summary>The cache every rule and detector uses.</summary>
    public static RegexCache Shared { get; } = new(DefaultCapacity);

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many regexes are built right now.</summary>
    public int Count
    {
        get
        {
            lock (_built)
            {
                return _built.Count;
            }
        }
    }

    /// <summary>A use counter: a plain increment is enough (a lost update only blurs which entry is least recent).</summary>
    internal long Tick() => ++_clock;

    internal Regex Build(LazyRegex entry)
    {
        Regex regex;
        lock (entry)
        {
            if (entry.Built is { } existing)
            {
                return existing;
            }

            // No match timeout: NonBacktracking is linear by construction, and with a timeout set the .NET 10 engine was
            // seen to report no match at all on a 1 MB input whose last line matched (a silent bypass, not a timeout).
            regex = OneOffCost.Measure(() => new Regex(entry.Source, entry.Options));
            entry.Built = regex;
            entry.LastUse = Tick();
        }

        lock (_built)
        {
            _built.Add(entry);
            if (_built.Count > Capacity)
            {
                var oldest = 0;
                for (var i = 1; i < _built.Count; i++)
                {
                    if (_built[i].LastUse < _built[oldest].LastUse)
                    {
                        oldest = i;
                    }
                }

                // Callers holding the evicted regex keep using it safely; it is collected when they are done.
                _built[oldest].Built = null;
                _built.RemoveAt(oldest);
            }
        }

        return regex;
    }
}

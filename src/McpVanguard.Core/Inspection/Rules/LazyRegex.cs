using System.Text.RegularExpressions;

namespace McpVanguard.Inspection.Rules;

/// <summary>A linear-time regex built on first use through a bounded <see cref="RegexCache"/>, and rebuilt if it was evicted.</summary>
public sealed class LazyRegex
{
    private readonly RegexCache _cache;

    /// <param name="source">The pattern to build.</param>
    /// <param name="options">Options besides <see cref="RegexOptions.NonBacktracking"/>, which is always added.</param>
    public LazyRegex(string source, RegexOptions options, RegexCache? cache = null)
    {
        Source = source;
        Options = options | RegexOptions.NonBacktracking;
        _cache = cache ?? RegexCache.Shared;
    }

    public string Source { get; }

    public RegexOptions Options { get; }

    internal volatile Regex? Built;

    internal long LastUse;

    /// <summary>The regex, built now if it is not built (or was evicted).</summary>
    public Regex Value
    {
        get
        {
            if (Built is { } regex)
            {
                LastUse = _cache.Tick();
                return regex;
            }

            return _cache.Build(this);
        }
    }

    /// <summary>True while the regex is built and cached.</summary>
    public bool IsBuilt => Built is not null;

    /// <summary>Builds the regex now; throws <see cref="ArgumentException"/> or <see cref="NotSupportedException"/> when it cannot run in linear time.</summary>
    public void Validate() => _ = new Regex(Source, Options);
}

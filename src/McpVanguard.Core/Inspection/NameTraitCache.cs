using System.Collections.Concurrent;

namespace McpVanguard.Inspection;

/// <summary>
/// Traits derived from a name (a tool name, an argument key) by a pure function, kept per name so that the inspectors of
/// every message do not lower-case it and test it against dozens of words again. Bounded: once <see cref="Capacity"/>
/// names are held, a new name is computed every time and not kept (names come from untrusted messages).
/// </summary>
internal sealed class NameTraitCache(Func<string, int> compute, int capacity = NameTraitCache.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, int> _traits = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    /// <summary>How many names are held (tests: bounded).</summary>
    public int Count => _traits.Count;

    /// <summary>The traits of <paramref name="name"/>, exactly what the compute function returns for it.</summary>
    public int Of(string name)
    {
        if (_traits.TryGetValue(name, out var traits))
        {
            return traits;
        }

        traits = compute(name);
        if (_traits.Count < Capacity)
        {
            _traits.TryAdd(name, traits);
        }

        return traits;
    }
}

using System.Collections.Concurrent;

namespace McpVanguard.Fuzz.Tests;

/// <summary>One instance of each fuzz target for the whole test class (engines and the http target's gateway cost seconds to build).</summary>
public sealed class FuzzTargetCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IFuzzTarget>> _targets = new(StringComparer.Ordinal);

    public IFuzzTarget Get(string name) => _targets.GetOrAdd(name, n => new Lazy<IFuzzTarget>(() => FuzzTargets.Create(n))).Value;

    public void Dispose()
    {
        foreach (var target in _targets.Values.Where(t => t.IsValueCreated).Select(t => t.Value).OfType<IDisposable>())
        {
            target.Dispose();
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;

namespace McpVanguard.Inspection.Metadata;

/// <summary>
/// Which tool names each upstream server offered in its latest <c>tools/list</c>, process-wide, so that two servers
/// offering the same name can be reported (COLL-001). Bounded in servers, tools per server and age.
/// </summary>
public sealed class ToolDirectory(int maxServers = 256, int maxToolsPerServer = 1024, TimeSpan? maxAge = null)
{
    private readonly ConcurrentDictionary<string, (HashSet<string> Tools, long Seen)> _servers = new(StringComparer.Ordinal);
    private readonly long _maxAgeTicks = (long)((maxAge ?? TimeSpan.FromHours(12)).TotalSeconds * Stopwatch.Frequency);

    /// <summary>Records <paramref name="tools"/> as the current list of <paramref name="serverId"/> and returns, per colliding name, another server offering it.</summary>
    public IReadOnlyList<(string Tool, string OtherServer)> Register(string serverId, IReadOnlyList<string> tools)
    {
        var now = Stopwatch.GetTimestamp();
        var set = new HashSet<string>(tools.Take(maxToolsPerServer), StringComparer.Ordinal);
        var collisions = new List<(string, string)>();
        foreach (var (other, entry) in _servers)
        {
            if (string.Equals(other, serverId, StringComparison.Ordinal))
            {
                continue;
            }

            if (now - entry.Seen > _maxAgeTicks)
            {
                _servers.TryRemove(other, out _);
                continue;
            }

            lock (entry.Tools)
            {
                foreach (var tool in set)
                {
                    if (entry.Tools.Contains(tool))
                    {
                        collisions.Add((tool, other));
                    }
                }
            }
        }

        if (_servers.Count >= maxServers && !_servers.ContainsKey(serverId))
        {
            // Full: forget the server seen longest ago rather than stop learning.
            var oldest = _servers.OrderBy(static s => s.Value.Seen).FirstOrDefault().Key;
            if (oldest is not null)
            {
                _servers.TryRemove(oldest, out _);
            }
        }

        _servers[serverId] = (set, now);
        return collisions;
    }

    /// <summary>Forgets every server (replay starts each case from nothing).</summary>
    public void Clear() => _servers.Clear();
}

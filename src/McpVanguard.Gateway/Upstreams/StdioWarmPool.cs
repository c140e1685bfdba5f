using System.Collections.Concurrent;
using McpVanguard.Transports.Stdio;

namespace McpVanguard.Gateway.Upstreams;

/// <summary>
/// Stdio servers started ahead of demand, so that a new session does not wait for a child to start. Bounded by the
/// configured size; a child that died while waiting is discarded; whatever is left is killed at shutdown.
/// </summary>
internal sealed class StdioWarmPool(UpstreamDefinition definition, int size) : IAsyncDisposable
{
    private readonly ConcurrentQueue<StdioUpstream> _ready = new();
    private int _filling;
    private volatile bool _disposed;

    /// <summary>A started child: a warm one when available (the pool refills in the background), otherwise a new one.</summary>
    public StdioUpstream Take()
    {
        while (_ready.TryDequeue(out var child))
        {
            if (!child.HasExited)
            {
                Refill();
                return child;
            }

            _ = child.DisposeAsync().AsTask();
        }

        Refill();
        return StdioUpstream.Start(definition.Command!, definition.Environment);
    }

    /// <summary>Tops the pool up to its size on a pool thread.</summary>
    public void Refill()
    {
        if (size == 0 || _disposed || Interlocked.Exchange(ref _filling, 1) == 1)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                while (!_disposed && _ready.Count < size)
                {
                    _ready.Enqueue(StdioUpstream.Start(definition.Command!, definition.Environment));
                }
            }
            catch (UpstreamStartException)
            {
                // Sessions will start their own child and report the error.
            }
            finally
            {
                Volatile.Write(ref _filling, 0);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_ready.TryDequeue(out var child))
        {
            await child.DisposeAsync().ConfigureAwait(false);
        }
    }
}

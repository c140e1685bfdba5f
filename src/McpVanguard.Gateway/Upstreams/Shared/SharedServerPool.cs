using Microsoft.Extensions.Logging;

namespace McpVanguard.Gateway.Upstreams.Shared;

/// <summary>
/// The children of one shared server (<c>share: true</c>, <c>pool_size</c> of them). A new session joins the child with
/// the fewest sessions (the lowest-numbered on a tie), so the first <c>pool_size</c> sessions each get a child of their
/// own and later ones are spread evenly. Children start on their first message and are replaced after they exit.
/// </summary>
internal sealed class SharedServerPool : IAsyncDisposable
{
    private readonly SharedChild[] _children;

    public SharedServerPool(UpstreamDefinition server, SharedChildLimits limits, ILogger logger)
    {
        _children = new SharedChild[server.SharePoolSize];
        for (var i = 0; i < _children.Length; i++)
        {
            _children[i] = new SharedChild(server, limits, logger);
        }
    }

    public IReadOnlyList<SharedChild> Children => _children;

    public SharedSessionLease Attach()
    {
        lock (_children)
        {
            var least = _children[0];
            foreach (var child in _children)
            {
                if (child.SessionCount < least.SessionCount)
                {
                    least = child;
                }
            }

            return least.Attach();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var child in _children)
        {
            await child.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using McpVanguard.Dashboard.Audit;

namespace McpVanguard.Dashboard.Live;

/// <summary>
/// Hands each new audit record to every open browser tab (server-sent events). Each tab has a bounded queue that drops
/// its oldest records when the tab reads too slowly, so a stalled tab costs a fixed amount of memory and never slows the
/// log follower; the number of tabs is bounded too.
/// </summary>
internal sealed class LiveFeed
{
    /// <summary>How many records a slow tab may lag behind before it loses the oldest (its page can be reloaded).</summary>
    private const int QueuePerSubscriber = 512;

    /// <summary>Open streams at once: a loopback dashboard has one user; this stops a runaway script from piling them up.</summary>
    public const int MaxSubscribers = 64;

    private readonly ConcurrentDictionary<Channel<AuditSummary>, byte> _subscribers = new();

    /// <summary>A new subscription, or null when <see cref="MaxSubscribers"/> are open.</summary>
    public Subscription? Subscribe()
    {
        if (_subscribers.Count >= MaxSubscribers)
        {
            return null;
        }

        var channel = Channel.CreateBounded<AuditSummary>(new BoundedChannelOptions(QueuePerSubscriber) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[channel] = 0;
        return new Subscription(this, channel);
    }

    public void Publish(AuditSummary record)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(record);
        }
    }

    /// <summary>One tab's stream of records; disposing it unsubscribes.</summary>
    internal sealed class Subscription(LiveFeed feed, Channel<AuditSummary> channel) : IDisposable
    {
        public ChannelReader<AuditSummary> Reader => channel.Reader;

        public void Dispose()
        {
            feed._subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        }
    }
}

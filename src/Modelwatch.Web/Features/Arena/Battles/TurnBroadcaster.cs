using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Modelwatch.Web.Features.Arena.Battles;

/// <summary>One server-sent event of a turn: its name (delta, html, done, end) and JSON data.</summary>
public sealed record BattleEvent(string Name, string Data);

/// <summary>
/// The live events of the turns this instance is streaming. A subscriber first gets every event so far (a page that
/// connects late, or reconnects, still sees the whole answer), then the live ones. A turn stays in memory for
/// <see cref="Retention"/> after it ends, so a page whose stream opens after a fast model already finished still gets
/// every piece; later readers replay it from the database (final answers only).
/// </summary>
public sealed class TurnBroadcaster(TimeProvider time)
{
    /// <summary>How long a finished turn's events stay in memory.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid Battle, int Turn), Feed> _feeds = new();

    /// <summary>Starts a turn's feed (before the providers are called).</summary>
    public void Open(Guid battle, int turn) => _feeds[(battle, turn)] = new Feed();

    /// <summary>Adds an event for every subscriber, present and future.</summary>
    public void Publish(Guid battle, int turn, BattleEvent item)
    {
        if (_feeds.TryGetValue((battle, turn), out var feed))
        {
            feed.Publish(item);
        }
    }

    /// <summary>Ends the feed (after the last event); it is forgotten after <see cref="Retention"/>.</summary>
    public void Close(Guid battle, int turn)
    {
        if (_feeds.TryGetValue((battle, turn), out var feed))
        {
            feed.Complete();
            _ = ForgetLaterAsync((battle, turn), feed);
        }
    }

    /// <summary>Whether the turn is being streamed here (not finished).</summary>
    public bool IsLive(Guid battle, int turn) => _feeds.TryGetValue((battle, turn), out var feed) && !feed.Completed;

    /// <summary>Forgets a finished turn now, as the retention or a restart would (tests of the database replay).</summary>
    internal void Forget(Guid battle, int turn) => _feeds.TryRemove((battle, turn), out _);

    private async Task ForgetLaterAsync((Guid Battle, int Turn) key, Feed feed)
    {
        await Task.Delay(Retention, time).ConfigureAwait(false);
        _feeds.TryRemove(new KeyValuePair<(Guid, int), Feed>(key, feed));
    }

    /// <summary>The turn's events from the start, then live; null when the turn is not in memory.</summary>
    public ChannelReader<BattleEvent>? Subscribe(Guid battle, int turn) =>
        _feeds.TryGetValue((battle, turn), out var feed) ? feed.Subscribe() : null;

    private sealed class Feed
    {
        private readonly Lock _gate = new();
        private readonly List<BattleEvent> _log = [];
        private readonly List<Channel<BattleEvent>> _subscribers = [];
        private bool _completed;

        public bool Completed
        {
            get
            {
                lock (_gate)
                {
                    return _completed;
                }
            }
        }

        public void Publish(BattleEvent item)
        {
            lock (_gate)
            {
                _log.Add(item);
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryWrite(item);
                }
            }
        }

        public void Complete()
        {
            lock (_gate)
            {
                _completed = true;
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryComplete();
                }

                _subscribers.Clear();
            }
        }

        public ChannelReader<BattleEvent> Subscribe()
        {
            var channel = Channel.CreateUnbounded<BattleEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
            lock (_gate)
            {
                foreach (var item in _log)
                {
                    channel.Writer.TryWrite(item);
                }

                if (_completed)
                {
                    channel.Writer.TryComplete();
                }
                else
                {
                    _subscribers.Add(channel);
                }
            }

            return channel.Reader;
        }
    }
}

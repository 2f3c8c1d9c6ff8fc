using System.Collections.Concurrent;
using System.Net;
using Actors.Client.Connections;

namespace Actors.Client.Tests.Support;

/// <summary>Records a client's gateway events, so tests await them instead of sleeping.</summary>
internal sealed class GatewayEvents : IDisposable
{
    private readonly ClusterClient _client;
    private readonly ConcurrentQueue<GatewayEvent> _events = new();
    private readonly List<(Func<GatewayEvent, bool> Match, TaskCompletionSource Signal)> _waiters = [];
    private readonly Lock _gate = new();

    public GatewayEvents(ClusterClient client)
    {
        _client = client;
        _client.GatewayChanged += OnChanged;
    }

    /// <summary>Completes when an event of <paramref name="kind"/> for <paramref name="gateway"/> happens (or already happened).</summary>
    public Task WhenAsync(GatewayEventKind kind, IPEndPoint gateway)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(GatewayEvent e) => e.Kind == kind && e.Gateway.Equals(gateway);
        lock (_gate)
        {
            if (_events.Any(Match))
            {
                signal.TrySetResult();
            }
            else
            {
                _waiters.Add((Match, signal));
            }
        }

        return signal.Task;
    }

    public override string ToString() => string.Join(", ", _events.Select(e => $"{e.Kind} {e.Gateway}"));

    public void Dispose() => _client.GatewayChanged -= OnChanged;

    private void OnChanged(GatewayEvent change)
    {
        lock (_gate)
        {
            _events.Enqueue(change);
            foreach (var (match, signal) in _waiters)
            {
                if (match(change))
                {
                    signal.TrySetResult();
                }
            }
        }
    }
}

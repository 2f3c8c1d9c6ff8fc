using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Activations;

/// <summary>
/// The activations of this silo by grain id: finds the one for a message or makes it. Exactly one activation per
/// id lives here at a time (many for [StatelessWorker] classes); a new one replaces it only after it is gone.
/// </summary>
internal sealed partial class Catalog(ActivationHost host, GrainClassRegistry classes, ILogger<Catalog> logger)
{
    private readonly ActivationHost _host = host;
    private readonly GrainClassRegistry _classes = classes;
    private readonly ILogger<Catalog> _logger = logger;
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();
    private volatile bool _stopping;

    /// <summary>Activations (including stateless workers) in this silo.</summary>
    public int Count => _activations.Count + _workers.Values.Sum(w => w.Count);

    /// <summary>True once the silo began stopping: no new activations are made here.</summary>
    public bool IsStopping => _stopping;

    public IEnumerable<ActivationData> Activations => _activations.Values.Concat(_workers.Values.SelectMany(w => w.Workers));

    public bool TryGetActivation(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    /// <summary>The activation to deliver a message for <paramref name="grainId"/> to, made (and its activation queued) if needed.</summary>
    /// <exception cref="InvalidOperationException">No grain class of the id's type is registered here.</exception>
    public ActivationData GetOrCreate(GrainId grainId)
    {
        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        if (_stopping)
        {
            throw new SiloUnavailableException($"Silo {_host.Silo} is stopping; it makes no new activations ({grainId}).");
        }

        var grainClass = _classes.Get(grainId.Type);
        if (grainClass.IsStatelessWorker)
        {
            var group = _workers.GetOrAdd(grainId, static (id, limit) => new StatelessWorkerGroup(id, limit), grainClass.StatelessWorkerLimit!.Value);
            return group.Pick(() => new ActivationData(_host, grainId, grainClass));
        }

        var created = new ActivationData(_host, grainId, grainClass);
        var winner = _activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created))
        {
            created.StartActivation();
        }

        return winner;
    }

    /// <summary>Called by an activation when it became invalid.</summary>
    public void OnActivationGone(ActivationData activation)
    {
        if (activation.GrainClass.IsStatelessWorker)
        {
            if (_workers.TryGetValue(activation.GrainId, out var group))
            {
                group.Remove(activation);
            }

            return;
        }

        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }

    /// <summary>Deactivates every activation (OnDeactivateAsync runs) and waits, up to the deactivation timeout, for all to finish.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping = true;
        var all = Activations.ToList();
        var tasks = all.Select(a => a.DeactivateAsync(reason)).ToArray();
        try
        {
            await Task.WhenAll(tasks).WaitAsync(_host.Options.DeactivationTimeout, _host.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.DeactivateAllTimedOut(_logger, tasks.Count(t => !t.IsCompleted), all.Count);
        }
    }

    /// <summary>Drops every activation without OnDeactivateAsync and makes no new ones (the silo was declared dead).</summary>
    public void AbandonActivations()
    {
        _stopping = true;
        var error = new SiloUnavailableException($"Silo {_host.Silo} was declared dead; its activations were abandoned.");
        foreach (var activation in Activations.ToList())
        {
            activation.Abandon(error);
        }
    }

    /// <summary>Deactivates activations idle longer than their collection age.</summary>
    public int CollectIdle(long nowTimestamp)
    {
        var collected = 0;
        foreach (var activation in Activations)
        {
            var age = activation.GrainClass.CollectionAge ?? _host.Options.CollectionAge;
            if (activation.IsIdleFor(age, nowTimestamp))
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for at least {age}."));
                collected++;
            }
        }

        return collected;
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.RuntimeEventIds.DeactivateAllTimedOut, LogLevel.Warning,
            "{Remaining} of {Total} activations had not finished deactivating within the deactivation timeout")]
        public static partial void DeactivateAllTimedOut(ILogger logger, int remaining, int total);
    }
}

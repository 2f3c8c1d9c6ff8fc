using Actors.Runtime.Activations;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Directory;
using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Runtime.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Messaging;

/// <summary>
/// Takes a request to the activation of its target grain, wherever it lives: a local activation first (the
/// in-silo fast path, no directory involved); then the cached location; then the directory; and when the grain has
/// no activation, the silo its placement strategy picks. Requests for this silo are queued on the activation
/// (made if needed, which registers it in the directory); others go over the network.
/// </summary>
/// <remarks>
/// Routing is optimistic: a stale cache entry or two silos placing the same grain at once is corrected where the
/// request lands (a losing activation forwards to the winner, see ActivationData.Lifecycle), at most
/// <see cref="MaxForwardCount"/> times per request.
/// </remarks>
internal sealed partial class MessageRouter(
    Catalog catalog,
    GrainClassRegistry classes,
    GrainLocator locator,
    PlacementService placement,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IServiceProvider services,
    ILogger<MessageRouter> logger)
{
    /// <summary>A request passed on this many times is failed rather than chasing a grain that keeps moving.</summary>
    public const int MaxForwardCount = 3;

    // An activation can leave the catalog between lookup and enqueue; a few retries find its successor.
    private const int MaxDeliveryAttempts = 8;

    private readonly Catalog _catalog = catalog;
    private readonly GrainClassRegistry _classes = classes;
    private readonly GrainLocator _locator = locator;
    private readonly PlacementService _placement = placement;
    private readonly IClusterMembershipService _membership = membership;
    private readonly SiloAddress _local = local.SiloAddress;
    private readonly IServiceProvider _services = services;
    private readonly ILogger<MessageRouter> _logger = logger;
    private IRemoteMessageSender? _remote;

    // Resolved on first use: the network layer depends on this router for what it receives.
    private IRemoteMessageSender Remote => _remote ??= _services.GetRequiredService<IRemoteMessageSender>();

    /// <summary>Routes a request made in this silo.</summary>
    public void SendRequest(Message message) => Deliver(message);

    /// <summary>Routes a request again (it reached an activation that deactivated before running it).</summary>
    public void Reroute(Message message) => Deliver(message);

    /// <summary>
    /// A request another silo sent here because it believes the grain lives or should live here: delivered to the
    /// local activation, made if needed, unless this silo is stopping, in which case it goes where the grain is now.
    /// </summary>
    public void ReceiveRemote(Message message)
    {
        if (_catalog.TryGetActivation(message.TargetGrain, out var activation) && activation.Enqueue(message))
        {
            return;
        }

        if (_catalog.IsStopping && !IsStatelessWorker(message))
        {
            message.ForwardCount++;
            _ = ResolveAndDeliverAsync(message, excludeLocal: true);
            return;
        }

        DeliverLocally(message);
    }

    /// <summary>
    /// Routes again a request of this silo that never left it (its connection to <paramref name="unreachable"/> was
    /// abandoned before the request was written), so it cannot have run: safe to send where the grain is now.
    /// </summary>
    public void RetryUndelivered(Message message, SiloAddress unreachable, Exception reason)
    {
        _locator.InvalidateIfAt(message.TargetGrain, unreachable);
        message.TargetSilo = null;
        message.ForwardCount++;
        if (message.ForwardCount > MaxForwardCount)
        {
            Undeliverable(message, reason);
            return;
        }

        _ = ResolveAndDeliverAsync(message, excludeLocal: false);
    }

    /// <summary>Passes a request on to <paramref name="winner"/>, the activation that holds its grain (after a lost registration).</summary>
    public void Forward(Message message, GrainAddress winner)
    {
        _locator.Cache(winner);
        message.ForwardCount++;
        if (message.ForwardCount > MaxForwardCount)
        {
            Undeliverable(message, new SiloUnavailableException(
                $"{message.Request} to {message.TargetGrain} was forwarded {message.ForwardCount - 1} times; the grain kept moving."));
            return;
        }

        if (message.IsRemoteOrigin)
        {
            // The sender thought the grain was here: its response will tell it to forget that.
            message.CacheInvalidations = [.. message.CacheInvalidations ?? [], new GrainAddress(message.TargetGrain, _local, Guid.Empty)];
        }

        Log.Forwarded(_logger, message.ToString(), winner.ToString());
        SendRemote(winner.Silo, message);
    }

    private void Deliver(Message message)
    {
        // The in-silo fast path: a live local activation needs neither directory nor placement.
        if (_catalog.TryGetActivation(message.TargetGrain, out var activation) && activation.Enqueue(message))
        {
            return;
        }

        if (IsStatelessWorker(message))
        {
            DeliverLocally(message);
            return;
        }

        if (_locator.TryGetCached(message.TargetGrain, out var cached))
        {
            if (!cached.Silo.Equals(_local) && _membership.CurrentView.IsAliveOrUnknown(cached.Silo))
            {
                SendRemote(cached.Silo, message);
                return;
            }

            _locator.Invalidate(cached);
        }

        _ = ResolveAndDeliverAsync(message, excludeLocal: false);
    }

    /// <summary>Finds the grain's activation in the directory, or places a new one, and delivers there.</summary>
    private async Task ResolveAndDeliverAsync(Message message, bool excludeLocal)
    {
        // A stopping silo's own entries are on their way out of the directory: never deliver here again.
        excludeLocal |= _catalog.IsStopping;
        try
        {
            if (message.ForwardCount > MaxForwardCount)
            {
                throw new SiloUnavailableException($"{message.Request} to {message.TargetGrain} was forwarded {message.ForwardCount - 1} times; the grain kept moving.");
            }

            var entry = await _locator.LookupAsync(message.TargetGrain, CancellationToken.None).ConfigureAwait(false);
            SiloAddress target;
            if (entry is not null && !(excludeLocal && entry.Silo.Equals(_local)))
            {
                target = entry.Silo;
            }
            else
            {
                target = _placement.Place(message.TargetGrain);
                if (excludeLocal && target.Equals(_local))
                {
                    throw new SiloUnavailableException($"Silo {_local} is stopping and no other silo can take {message.TargetGrain} yet.");
                }
            }

            if (target.Equals(_local))
            {
                DeliverLocally(message);
            }
            else
            {
                SendRemote(target, message);
            }
        }
        catch (Exception ex)
        {
            Undeliverable(message, ex);
        }
    }

    private void DeliverLocally(Message message)
    {
        for (var attempt = 0; attempt < MaxDeliveryAttempts; attempt++)
        {
            ActivationData activation;
            try
            {
                activation = _catalog.GetOrCreate(message.TargetGrain);
            }
            catch (Exception ex)
            {
                Undeliverable(message, ex);
                return;
            }

            if (activation.Enqueue(message))
            {
                return;
            }
        }

        Undeliverable(message, new InvalidOperationException(
            $"{message.TargetGrain} kept deactivating while {message.Request} was delivered ({MaxDeliveryAttempts} attempts)."));
    }

    private void SendRemote(SiloAddress target, Message message)
    {
        if (!_membership.CurrentView.IsAliveOrUnknown(target))
        {
            // Not sent, so it cannot have run there: find where the grain is now.
            RetryUndelivered(message, target, new SiloUnavailableException($"Silo {target} is dead; {message.Request} to {message.TargetGrain} was not sent."));
            return;
        }

        Remote.SendRequest(target, message);
    }

    private bool IsStatelessWorker(Message message) =>
        _classes.TryGet(message.TargetGrain.Type, out var grainClass) && grainClass.IsStatelessWorker;

    private void Undeliverable(Message message, Exception error)
    {
        if (message.ResponseSink is { } sink)
        {
            sink.Fail(error);
        }
        else
        {
            Log.Undeliverable(_logger, message.ToString(), error);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.MessageUndeliverable, LogLevel.Warning, "Could not deliver {Message}")]
        public static partial void Undeliverable(ILogger logger, string message, Exception exception);

        [LoggerMessage(RuntimeEventIds.MessageForwarded, LogLevel.Debug, "Forwarding {Message} to {Winner}")]
        public static partial void Forwarded(ILogger logger, string message, string winner);
    }
}

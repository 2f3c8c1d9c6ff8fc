using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Membership;

/// <summary>
/// Holds the current membership view and moves it forward: a snapshot with a newer table version replaces the
/// view and listeners hear of it, in version order; one with the same version (heartbeats only) refreshes the
/// rows' times and activation counts without telling listeners.
/// </summary>
internal sealed partial class ClusterMembershipService(IServiceProvider services, ILogger<ClusterMembershipService> logger) : IClusterMembershipService
{
    private readonly IServiceProvider _services = services;
    private readonly ILogger<ClusterMembershipService> _logger = logger;
    private readonly Lock _updateLock = new();
    private volatile MembershipView _current = MembershipView.Empty;
    private IMembershipListener[]? _listeners;

    public MembershipView CurrentView => _current;

    /// <summary>Adopts <paramref name="snapshot"/> if it is newer than the current view; returns the view in force afterwards.</summary>
    public MembershipView Update(MembershipTableSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_updateLock)
        {
            var previous = _current;
            if (snapshot.Version < previous.Version)
            {
                return previous;
            }

            if (snapshot.Version == previous.Version)
            {
                // Heartbeats change rows without a new version: adopt their times and activation counts quietly.
                return _current = new MembershipView(snapshot.Version, snapshot.Rows.Select(r => r.Entry));
            }

            var next = new MembershipView(snapshot.Version, snapshot.Rows.Select(r => r.Entry));
            _current = next;
            Log.ViewChanged(_logger, next.Version, next.ToString());

            // Listeners are resolved on first change: they depend on parts that depend on this service.
            foreach (var listener in _listeners ??= [.. _services.GetServices<IMembershipListener>()])
            {
                try
                {
                    listener.OnMembershipChanged(previous, next);
                }
                catch (Exception ex)
                {
                    Log.ListenerFailed(_logger, listener.GetType().Name, ex);
                }
            }

            return next;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.RuntimeEventIds.MembershipViewChanged, LogLevel.Information, "Membership view v{Version}: {View}")]
        public static partial void ViewChanged(ILogger logger, long version, string view);

        [LoggerMessage(Diagnostics.RuntimeEventIds.MembershipListenerFailed, LogLevel.Error, "{Listener} failed to handle a membership change")]
        public static partial void ListenerFailed(ILogger logger, string listener, Exception exception);
    }
}

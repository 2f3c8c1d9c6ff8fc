using Actors.Runtime.Activations;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Membership;

/// <summary>
/// The default fatal-error handling: stop the host at once. Activations stop without OnDeactivateAsync: after a
/// declaration of death their grains already belong to other silos, and their state writes would be refused.
/// </summary>
internal sealed partial class StopHostOnFatalError(
    IHostApplicationLifetime lifetime,
    Catalog catalog,
    SiloTermination termination,
    ILogger<StopHostOnFatalError> logger) : ISiloFatalErrorHandler
{
    private readonly SiloTermination _termination = termination;
    private readonly IHostApplicationLifetime _lifetime = lifetime;
    private readonly Catalog _catalog = catalog;
    private readonly ILogger<StopHostOnFatalError> _logger = logger;
    private int _stopping;

    public void OnFatalError(string reason)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }

        Log.Fatal(_logger, reason);
        _termination.RecordFatal(reason);
        _catalog.AbandonActivations();
        _lifetime.StopApplication();
    }

    private static partial class Log
    {
        [LoggerMessage(Diagnostics.RuntimeEventIds.SiloFatalError, LogLevel.Critical, "The silo stops: {Reason}")]
        public static partial void Fatal(ILogger logger, string reason);
    }
}

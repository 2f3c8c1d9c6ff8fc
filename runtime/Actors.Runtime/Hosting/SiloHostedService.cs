using Actors.Runtime.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Runtime.Hosting;

/// <summary>Starts the silo through its lifecycle stages when the host starts, and stops it in reverse when the host stops.</summary>
internal sealed partial class SiloHostedService(
    SiloLifecycle lifecycle,
    IEnumerable<ILifecycleParticipant<ISiloLifecycle>> participants,
    ILocalSiloDetails silo,
    ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly SiloLifecycle _lifecycle = lifecycle;
    private readonly ILocalSiloDetails _silo = silo;
    private readonly ILogger<SiloHostedService> _logger = logger;
    private readonly ILifecycleParticipant<ISiloLifecycle>[] _participants = [.. participants];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Starting(_logger, _silo.SiloAddress, _silo.ClusterId, _silo.NodeName);
        foreach (var participant in _participants)
        {
            participant.Participate(_lifecycle);
        }

        await _lifecycle.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Started(_logger, _silo.SiloAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(_logger, _silo.SiloAddress);
        await _lifecycle.StopAsync(cancellationToken).ConfigureAwait(false);
        Log.Stopped(_logger, _silo.SiloAddress);
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.SiloStarting, LogLevel.Information, "Silo {SiloAddress} starting (cluster {ClusterId}, node {NodeName})")]
        public static partial void Starting(ILogger logger, SiloAddress siloAddress, string clusterId, string nodeName);

        [LoggerMessage(RuntimeEventIds.SiloStarted, LogLevel.Information, "Silo {SiloAddress} started")]
        public static partial void Started(ILogger logger, SiloAddress siloAddress);

        [LoggerMessage(RuntimeEventIds.SiloStopping, LogLevel.Information, "Silo {SiloAddress} stopping")]
        public static partial void Stopping(ILogger logger, SiloAddress siloAddress);

        [LoggerMessage(RuntimeEventIds.SiloStopped, LogLevel.Information, "Silo {SiloAddress} stopped")]
        public static partial void Stopped(ILogger logger, SiloAddress siloAddress);
    }
}

using System.Diagnostics.CodeAnalysis;
using Actors.Runtime.Diagnostics;
using Actors.Runtime.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Runtime.Membership;

/// <summary>
/// Probes a few other active silos every probe period over the silo connections (the same path calls take). After
/// <see cref="ClusterMembershipOptions.MissedProbesLimit"/> missed probes in a row it asks another silo to probe the
/// target (an indirect probe); only if that fails too does it vote the target dead. So a broken link between two
/// silos does not kill a healthy one, and a dead or paused silo is voted out within a few probe periods.
/// </summary>
internal sealed partial class SiloHealthMonitor(
    MembershipAgent agent,
    IClusterMembershipService membership,
    ISiloProber prober,
    ILocalSiloDetails local,
    TimeProvider time,
    IOptions<ClusterMembershipOptions> options,
    ILogger<SiloHealthMonitor> logger) : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "The container owns the agent.")]
    private readonly MembershipAgent _agent = agent;
    private readonly IClusterMembershipService _membership = membership;
    private readonly ISiloProber _prober = prober;
    private readonly SiloAddress _me = local.SiloAddress;
    private readonly TimeProvider _time = time;
    private readonly ClusterMembershipOptions _options = options.Value;
    private readonly ILogger<SiloHealthMonitor> _logger = logger;
    private readonly Dictionary<SiloAddress, int> _missed = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe("SiloHealthMonitor", SiloLifecycleStage.Membership + 1, StartAsync, StopAsync);

    /// <summary>The silos this one probes in <paramref name="view"/>: the next few after it on the ring of active silos.</summary>
    public static IReadOnlyList<SiloAddress> TargetsOf(SiloAddress me, MembershipView view, int count)
    {
        var ring = view.ActiveSilos.Where(s => !s.Equals(me)).OrderBy(s => s.UniformHash).ThenBy(s => s).ToList();
        if (ring.Count <= count)
        {
            return ring;
        }

        var start = ring.FindIndex(s => s.UniformHash > me.UniformHash);
        start = start < 0 ? 0 : start;
        return [.. Enumerable.Range(0, count).Select(i => ring[(start + i) % ring.Count])];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(_options.ProbePeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                var view = _membership.CurrentView;
                var targets = TargetsOf(_me, view, _options.ProbedSilos);
                foreach (var gone in _missed.Keys.Where(s => !targets.Contains(s)).ToList())
                {
                    _missed.Remove(gone);
                }

                await Task.WhenAll(targets.Select(target => ProbeOneAsync(target, view, token))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task ProbeOneAsync(SiloAddress target, MembershipView view, CancellationToken token)
    {
        try
        {
            if (await _prober.ProbeAsync(target, _options.ProbeTimeout, token).ConfigureAwait(false))
            {
                lock (_missed)
                {
                    _missed[target] = 0;
                }

                return;
            }

            int missed;
            lock (_missed)
            {
                missed = _missed[target] = _missed.GetValueOrDefault(target) + 1;
            }

            Log.Missed(_logger, target, missed, _options.MissedProbesLimit);
            if (missed < _options.MissedProbesLimit)
            {
                return;
            }

            var intermediary = view.ActiveSilos.Where(s => !s.Equals(_me) && !s.Equals(target)).OrderBy(_ => Random.Shared.Next()).FirstOrDefault();
            if (intermediary is not null && await _prober.ProbeIndirectlyAsync(intermediary, target, _options.ProbeTimeout, token).ConfigureAwait(false))
            {
                Log.IndirectSucceeded(_logger, target, intermediary);
                return;
            }

            await _agent.SuspectAsync(target, $"{missed} missed probes" + (intermediary is null ? string.Empty : $", and {intermediary} could not reach it either"), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.ProbeFailed(_logger, target, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ProbeMissed, LogLevel.Information, "Silo {Silo} missed a probe ({Missed} in a row, suspected at {Limit})")]
        public static partial void Missed(ILogger logger, SiloAddress silo, int missed, int limit);

        [LoggerMessage(RuntimeEventIds.IndirectProbeSucceeded, LogLevel.Warning, "Silo {Silo} answers {Intermediary} but not this silo: the link is broken, not the silo; no vote")]
        public static partial void IndirectSucceeded(ILogger logger, SiloAddress silo, SiloAddress intermediary);

        [LoggerMessage(RuntimeEventIds.ProbeFailed, LogLevel.Warning, "Probing silo {Silo} failed")]
        public static partial void ProbeFailed(ILogger logger, SiloAddress silo, Exception exception);
    }
}

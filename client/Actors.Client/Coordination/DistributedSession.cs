using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.Client.Coordination;

/// <summary>
/// A coordination session held open by this process: it keeps the session alive in the background (three times per
/// TTL) and closes it when disposed, which releases every lock, candidacy, ephemeral key and service instance bound
/// to it. <see cref="Lost"/> fires when the cluster says the session has ended (expired or closed elsewhere): from then
/// on nothing granted to it is held any more.
/// </summary>
public sealed class DistributedSession : IAsyncDisposable
{
    private readonly ISessionGrain _grain;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _keepAlive;

    internal DistributedSession(IGrainFactory grains, SessionInfo info)
    {
        Info = info;
        _grain = grains.GetGrain<ISessionGrain>(info.Id);
        _keepAlive = Task.Run(KeepAliveAsync);
    }

    /// <summary>The session's id: what locks, elections, ephemeral keys and service instances are bound to.</summary>
    public string Id => Info.Id;

    /// <summary>The session as last created or kept alive.</summary>
    public SessionInfo Info { get; private set; }

    /// <summary>Fires when the session has ended without this process closing it.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Closes the session (releasing what is bound to it) and stops the keep-alive.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _keepAlive.ConfigureAwait(false);
        try
        {
            await _grain.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _stop.Dispose();
            _lost.Dispose();
        }
    }

    private async Task KeepAliveAsync()
    {
        var period = Info.Ttl / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, _stop.Token).ConfigureAwait(false);
                var alive = await _grain.KeepAliveAsync().WaitAsync(_stop.Token).ConfigureAwait(false);
                if (alive is null)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }

                Info = alive;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The session's silo died or the gateway moved: the next keep-alive reaches its new activation.
                continue;
            }
        }
    }
}

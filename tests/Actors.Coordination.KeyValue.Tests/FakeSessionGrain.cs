using Actors.GrainInterfaces.Coordination.KeyValue;
using Actors.GrainInterfaces.Coordination.Sessions;

namespace Actors.Coordination.KeyValue.Tests;

/// <summary>
/// A minimal session for these tests (the real SessionGrain is another component's): live from CreateAsync until
/// CloseAsync, which tells every bound key/value store at once. Not named SessionGrain, so the real one wins by
/// convention wherever both are registered.
/// </summary>
public sealed class FakeSessionGrain : Grain, ISessionGrain
{
    private readonly HashSet<SessionBinding> _bindings = [];
    private SessionInfo? _session;
    private bool _ended;

    public Task<SessionInfo> CreateAsync(TimeSpan ttl, string? owner)
    {
        var now = DateTimeOffset.UtcNow;
        _session ??= new SessionInfo(this.GetPrimaryKeyString(), ttl, now, now + ttl, owner);
        return Task.FromResult(_session);
    }

    public Task<SessionInfo?> KeepAliveAsync() => Task.FromResult(_ended ? null : _session);

    public async Task<bool> CloseAsync()
    {
        if (_session is null || _ended)
        {
            return false;
        }

        _ended = true;
        await Task.WhenAll(_bindings.Select(b => GrainFactory.GetGrain<IKeyValueGrain>(b.Name).SessionEndedAsync(this.GetPrimaryKeyString())));
        return true;
    }

    public Task<SessionInfo?> GetAsync() => Task.FromResult(_ended ? null : _session);

    public Task<bool> AttachAsync(SessionBinding binding)
    {
        if (_session is null || _ended)
        {
            return Task.FromResult(false);
        }

        _bindings.Add(binding);
        return Task.FromResult(true);
    }

    public Task DetachAsync(SessionBinding binding)
    {
        _bindings.Remove(binding);
        return Task.CompletedTask;
    }
}

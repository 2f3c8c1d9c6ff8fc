using Actors.Persistence;

namespace Actors.Runtime.Tests.Grains;

public sealed class ProfileGrain([PersistentState("profile")] IPersistentState<ProfileState> profile) : Grain, IProfileGrain
{
    public async Task SetNameAsync(string name)
    {
        profile.State.Name = name;
        profile.State.Visits++;
        await profile.WriteStateAsync();
    }

    public Task<ProfileState> GetAsync() => Task.FromResult(profile.State);

    public Task<string?> GetEtagAsync() => Task.FromResult(profile.Etag);

    public Task<bool> RecordExistsAsync() => Task.FromResult(profile.RecordExists);

    public Task ClearAsync() => profile.ClearStateAsync();

    public Task ReloadAsync() => profile.ReadStateAsync();
}

namespace Actors.Runtime.Tests.Grains;

public interface IProfileGrain : IGrainWithStringKey
{
    Task SetNameAsync(string name);

    Task<ProfileState> GetAsync();

    Task<string?> GetEtagAsync();

    Task<bool> RecordExistsAsync();

    Task ClearAsync();

    /// <summary>Re-reads the stored state, so this activation sees writes made by another.</summary>
    Task ReloadAsync();
}

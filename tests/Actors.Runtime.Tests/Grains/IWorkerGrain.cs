namespace Actors.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Returns this activation's id after waiting for the gate.</summary>
    Task<Guid> WorkAsync(string gate);
}

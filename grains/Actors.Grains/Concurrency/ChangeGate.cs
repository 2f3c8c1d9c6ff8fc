namespace Actors.Grains.Concurrency;

/// <summary>
/// Lets a reentrant grain's state changes run one at a time: a change reads the state, persists the next one, then
/// lets the next change in, while reads and long polls keep interleaving (they never take the gate).
/// </summary>
internal sealed class ChangeGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs <paramref name="change"/> once every earlier change has finished.</summary>
    public async Task RunAsync(Func<Task> change)
    {
        await _gate.WaitAsync();
        try
        {
            await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="change"/> once every earlier change has finished, and returns its answer.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> change)
    {
        await _gate.WaitAsync();
        try
        {
            return await change();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}

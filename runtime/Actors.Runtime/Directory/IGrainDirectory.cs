namespace Actors.Runtime.Directory;

/// <summary>
/// The cluster-wide record of where each grain's single activation lives. Registration is the arbiter of
/// single activation: of two activations racing to register the same grain, exactly one wins and the other
/// learns the winner. The directory does not know which silos are alive; the runtime, which does, passes an
/// entry it knows to be dead as <c>previousAddress</c> to replace it.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Registers <paramref name="address"/> when the grain has no entry, or when its entry equals
    /// <paramref name="previousAddress"/>. Returns the entry that holds afterwards: <paramref name="address"/>
    /// if it won, otherwise the existing one.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken);

    /// <summary>The grain's entry, or null.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Removes the entry if it is still exactly <paramref name="address"/> (a newer activation's entry stays).</summary>
    Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>Removes every entry on the given silos (dead ones); returns how many.</summary>
    Task<int> UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken);
}

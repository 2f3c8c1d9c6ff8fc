namespace Actors.Runtime.Membership;

/// <summary>
/// What the silo does when it must not go on: the cluster declared it dead (its activations already live
/// elsewhere) or it lost its membership. The host decides how to stop (the silo program exits non-zero).
/// </summary>
public interface ISiloFatalErrorHandler
{
    /// <summary>Stops the silo now, without handing its activations to anyone.</summary>
    void OnFatalError(string reason);
}

namespace Actors.Invocation;

/// <summary>What a grain reference calls into: the silo runtime inside a silo, the cluster client outside.</summary>
public interface IGrainReferenceRuntime
{
    /// <summary>Sends a request and completes with its response (or the callee's exception, or a timeout).</summary>
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);

    /// <summary>Sends a request that expects no response.</summary>
    void InvokeOneWay(GrainReference target, GrainRequest request);

    /// <summary>A reference to the same grain through another interface.</summary>
    TGrainInterface Cast<TGrainInterface>(GrainReference reference)
        where TGrainInterface : IAddressable;
}

using System.Collections.Concurrent;
using Actors.Persistence;
using Actors.Runtime.Storage;
using Actors.TestKit.Contracts;
using Actors.Transport.Serialization;

namespace Actors.Runtime.Tests.Contracts;

/// <summary>The grain storage contract, on the in-memory provider (one store per cluster, as one database per cluster).</summary>
public sealed class InMemoryGrainStorageContractTests : GrainStorageContractTests
{
    private readonly ConcurrentDictionary<string, InMemoryGrainStore> _stores = new();
    private readonly JsonSerializerAdapter _serializer = new(new SerializationOptions(), new GrainReferenceJsonConverterFactory(static () => throw new InvalidOperationException("No runtime here.")));

    protected override IGrainStorage CreateStorage(string clusterId) =>
        new InMemoryGrainStorage(_serializer, _stores.GetOrAdd(clusterId, static _ => new InMemoryGrainStore()));
}

using System.Collections.Concurrent;
using Actors.Persistence;
using Actors.Runtime.Serialization;
using Actors.Runtime.Storage;
using Actors.TestKit.Contracts;

namespace Actors.Runtime.Tests.Contracts;

/// <summary>The grain storage contract, on the in-memory provider (one store per cluster, as one database per cluster).</summary>
public sealed class InMemoryGrainStorageContractTests : GrainStorageContractTests
{
    private readonly ConcurrentDictionary<string, InMemoryGrainStore> _stores = new();
    private readonly JsonSerializerAdapter _serializer = new(new SerializationOptions(), new GrainReferenceJsonConverterFactory(EmptyServices.Instance));

    protected override IGrainStorage CreateStorage(string clusterId) =>
        new InMemoryGrainStorage(_serializer, _stores.GetOrAdd(clusterId, static _ => new InMemoryGrainStore()));
}

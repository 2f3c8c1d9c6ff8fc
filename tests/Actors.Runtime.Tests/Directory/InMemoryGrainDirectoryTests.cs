using System.Collections.Concurrent;
using Actors.Runtime.Directory;
using Actors.TestKit.Contracts;

namespace Actors.Runtime.Tests.Directory;

/// <summary>The grain directory contract, on the in-memory directory (one directory per cluster, as one database per cluster).</summary>
public sealed class InMemoryGrainDirectoryTests : GrainDirectoryContractTests
{
    private readonly ConcurrentDictionary<string, InMemoryGrainDirectory> _directories = new();

    protected override IGrainDirectory CreateDirectory(string clusterId) => _directories.GetOrAdd(clusterId, static _ => new InMemoryGrainDirectory());
}

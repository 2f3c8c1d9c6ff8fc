using Actors.Grains.Jobs.Storage;
using Actors.TestKit.Contracts;

namespace Actors.Grains.PostgreSql.Tests;

/// <summary>The job store contract on the in-memory store: what the PostgreSQL store is held to, the embedded silo's store is too.</summary>
public sealed class InMemoryJobStoreContractTests : JobStoreContractTests
{
    protected override Task<IJobStore> CreateEmptyStoreAsync(CancellationToken cancellationToken) => Task.FromResult<IJobStore>(new InMemoryJobStore());
}

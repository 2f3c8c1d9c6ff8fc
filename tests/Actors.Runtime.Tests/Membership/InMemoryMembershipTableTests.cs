using System.Collections.Concurrent;
using Actors.Runtime.Membership;
using Actors.TestKit.Contracts;

namespace Actors.Runtime.Tests.Membership;

/// <summary>The membership table contract, on the in-memory table (one table per cluster, as one database per cluster).</summary>
public sealed class InMemoryMembershipTableTests : MembershipTableContractTests
{
    private readonly ConcurrentDictionary<string, InMemoryMembershipTable> _tables = new();

    protected override IMembershipTable CreateTable(string clusterId) => _tables.GetOrAdd(clusterId, static _ => new InMemoryMembershipTable());
}

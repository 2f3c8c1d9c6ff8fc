using System.Collections.Concurrent;
using Actors.Runtime.Reminders;
using Actors.TestKit.Contracts;

namespace Actors.Runtime.Tests.Contracts;

/// <summary>The reminder table contract, on the in-memory provider.</summary>
public sealed class InMemoryReminderTableContractTests : ReminderTableContractTests
{
    private readonly ConcurrentDictionary<string, InMemoryReminderTable> _tables = new();

    protected override IReminderTable CreateTable(string clusterId) => _tables.GetOrAdd(clusterId, static _ => new InMemoryReminderTable());
}

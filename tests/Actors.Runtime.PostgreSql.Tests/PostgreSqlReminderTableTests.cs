using Actors.Runtime.Reminders;
using Actors.TestKit.Contracts;
using Actors.TestKit.Postgres;

namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>The reminder table contract on PostgreSQL.</summary>
public sealed class PostgreSqlReminderTableTests(PostgresDatabase database) : ReminderTableContractTests
{
    private readonly PostgresDatabase _database = database;

    protected override IReminderTable CreateTable(string clusterId) => new PostgreSqlReminderTable(_database.DataSource, clusterId);
}

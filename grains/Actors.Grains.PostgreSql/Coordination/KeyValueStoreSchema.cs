using Actors.Runtime.PostgreSql;

namespace Actors.Grains.PostgreSql.Coordination;

/// <summary>The key/value store's schema: its own migration track.</summary>
internal static class KeyValueStoreSchema
{
    /// <summary>The "kv" track: the scripts under Coordination/Sql/Migrations, recorded in <c>actors_kv_schema_migrations</c>.</summary>
    public static readonly SchemaMigrationTrack Track =
        SchemaMigrationTrack.FromEmbeddedResources("kv", typeof(KeyValueStoreSchema).Assembly, "Actors.Grains.PostgreSql.Coordination.Sql.Migrations.");
}

namespace Actors.Runtime.PostgreSql;

/// <summary>One versioned schema change: the embedded script <c>Sql/Migrations/NNNN_name.sql</c>.</summary>
/// <param name="Version">The number in the file name; versions run 1, 2, 3... without gaps.</param>
/// <param name="Name">The rest of the file name, recorded beside the version when applied.</param>
/// <param name="Sql">The script, run inside the migrator's transaction.</param>
internal sealed record SchemaMigration(int Version, string Name, string Sql);

using System.Reflection;
using System.Text.RegularExpressions;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// One independent sequence of schema migrations, numbered from 1 and recorded in a history table of its own: the
/// runtime's (<see cref="Runtime"/>), and one per component that keeps its own tables in the same database (for
/// example the job store) without the runtime's scripts knowing about them. Tracks share the migrators' advisory
/// lock, so migrations of different tracks never run at the same moment in one database.
/// </summary>
public sealed partial class SchemaMigrationTrack
{
    private readonly Lazy<IReadOnlyList<SchemaMigration>> _migrations;

    private SchemaMigrationTrack(string name, string historyTable, Func<IReadOnlyList<SchemaMigration>> load)
    {
        Name = name;
        HistoryTable = historyTable;
        _migrations = new Lazy<IReadOnlyList<SchemaMigration>>(load);
    }

    /// <summary>
    /// The runtime's own track: the scripts <c>Sql/Migrations/NNNN_name.sql</c> of this assembly, recorded in
    /// <c>actors_schema_migrations</c>.
    /// </summary>
    public static SchemaMigrationTrack Runtime { get; } = new("runtime", "actors_schema_migrations", static () => SchemaMigrations.All);

    /// <summary>The track's name (lower-case letters, digits and '_'), shown in logs.</summary>
    public string Name { get; }

    /// <summary>The table recording the track's applied versions: <c>actors_schema_migrations</c> for the runtime, <c>actors_{name}_schema_migrations</c> otherwise.</summary>
    public string HistoryTable { get; }

    /// <summary>The newest version of the track.</summary>
    /// <exception cref="InvalidOperationException">The track's scripts are missing, misnamed or misnumbered.</exception>
    public int LatestVersion => Migrations[^1].Version;

    /// <summary>The track's migrations, version 1 first; loaded and checked on first use.</summary>
    internal IReadOnlyList<SchemaMigration> Migrations => _migrations.Value;

    /// <summary>
    /// A track made of the <c>NNNN_name.sql</c> scripts embedded in <paramref name="assembly"/> under the logical names
    /// <paramref name="resourcePrefix"/><c>NNNN_name.sql</c>, recorded in <c>actors_{name}_schema_migrations</c>. The
    /// scripts are read and checked (numbered 1, 2, 3... without gaps) on first use.
    /// </summary>
    /// <param name="name">The track's name: lower-case letters, digits and '_', starting with a letter, at most 32 characters; not "runtime".</param>
    /// <param name="assembly">The assembly embedding the scripts.</param>
    /// <param name="resourcePrefix">The common prefix of the scripts' manifest resource names, for example <c>MyComponent.Sql.Migrations.</c>.</param>
    public static SchemaMigrationTrack FromEmbeddedResources(string name, Assembly assembly, string resourcePrefix)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourcePrefix);
        return new SchemaMigrationTrack(name, HistoryTableOf(name), () => SchemaMigrations.LoadEmbedded(assembly, resourcePrefix));
    }

    /// <summary>A track of the given migrations (tests use it to apply made-up scripts).</summary>
    internal static SchemaMigrationTrack FromMigrations(string name, IReadOnlyList<SchemaMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return name == Runtime.Name
            ? new SchemaMigrationTrack(name, Runtime.HistoryTable, () => migrations)
            : new SchemaMigrationTrack(ValidateName(name), HistoryTableOf(name), () => migrations);
    }

    private static string HistoryTableOf(string name) => $"actors_{name}_schema_migrations";

    private static string ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // The name becomes part of a table name written into SQL text: only characters that need no quoting.
        if (!NamePattern().IsMatch(name) || name == Runtime.Name)
        {
            throw new ArgumentException(
                $"Schema migration track name '{name}' is invalid: use lower-case letters, digits and '_', starting with a letter, at most 32 characters, and not 'runtime'.",
                nameof(name));
        }

        return name;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

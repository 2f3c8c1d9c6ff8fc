using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Actors.Runtime.PostgreSql;

/// <summary>
/// The schema migrations embedded in this assembly (every <c>Sql/Migrations/NNNN_name.sql</c>), in version order, and
/// the loading of another assembly's scripts for its own <see cref="SchemaMigrationTrack"/>. A malformed set (a gap,
/// a duplicate version, a badly named file) fails on first use rather than half-migrating.
/// </summary>
internal static partial class SchemaMigrations
{
    private const string ResourcePrefix = "Actors.Runtime.PostgreSql.Sql.Migrations.";

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Embedded = new(static () => LoadEmbedded(typeof(SchemaMigrations).Assembly, ResourcePrefix));

    /// <summary>Every migration, version 1 first.</summary>
    public static IReadOnlyList<SchemaMigration> All => Embedded.Value;

    /// <summary>Orders and checks migrations given as (file name, script) pairs.</summary>
    /// <exception cref="InvalidOperationException">A file name is not <c>NNNN_name.sql</c>, or versions repeat or leave a gap.</exception>
    public static IReadOnlyList<SchemaMigration> Parse(IEnumerable<(string FileName, string Sql)> files)
    {
        var migrations = new List<SchemaMigration>();
        foreach (var (fileName, sql) in files)
        {
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Schema migration '{fileName}' is misnamed: expected NNNN_name.sql (four digits, then lower-case letters, digits or '_').");
            }

            migrations.Add(new SchemaMigration(int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // Versions are applied in order and recorded once each: a gap or a duplicate means a lost or misnumbered file.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migrations must be numbered 1, 2, 3... without gaps or duplicates; found version {migrations[i].Version} where {i + 1} was expected.");
            }
        }

        return migrations;
    }

    /// <summary>Reads, orders and checks the scripts embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>.</summary>
    /// <exception cref="InvalidOperationException">There are none, or they are misnamed or misnumbered.</exception>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded(Assembly assembly, string resourcePrefix)
    {
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Select(name => (name[resourcePrefix.Length..], Read(assembly, name)));
        var migrations = Parse(files);
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No schema migrations are embedded in {assembly.GetName().Name} (resources {resourcePrefix}*.sql).");
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} disappeared.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}

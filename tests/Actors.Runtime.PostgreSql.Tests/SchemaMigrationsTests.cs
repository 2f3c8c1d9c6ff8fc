namespace Actors.Runtime.PostgreSql.Tests;

/// <summary>How migration scripts are found and ordered; no database needed.</summary>
public sealed class SchemaMigrationsTests
{
    [Fact]
    public void All_EmbeddedScripts_AreNumberedFromOneWithoutGaps()
    {
        var migrations = SchemaMigrations.All;

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal("initial", migrations[0].Name);
        Assert.Contains("CREATE TABLE actors_grain_state", migrations[0].Sql, StringComparison.Ordinal);
        Assert.Equal(migrations.Count, SchemaMigrator.LatestVersion);
    }

    [Fact]
    public void Parse_FilesOutOfOrder_OrdersByVersion()
    {
        var migrations = SchemaMigrations.Parse([("0002_membership.sql", "b"), ("0001_initial.sql", "a"), ("0003_jobs_v2.sql", "c")]);

        Assert.Equal([(1, "initial", "a"), (2, "membership", "b"), (3, "jobs_v2", "c")], migrations.Select(m => (m.Version, m.Name, m.Sql)));
    }

    [Theory]
    [InlineData("0001_initial.sql", "0003_jobs.sql")]
    [InlineData("0002_membership.sql", "0003_jobs.sql")]
    [InlineData("0001_initial.sql", "0001_again.sql")]
    public void Parse_GapOrDuplicate_Throws(string first, string second)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrations.Parse([(first, "a"), (second, "b")]));

        Assert.Contains("without gaps or duplicates", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1_initial.sql")]
    [InlineData("0001-initial.sql")]
    [InlineData("0001_Initial.sql")]
    [InlineData("0001_initial.txt")]
    public void Parse_MisnamedFile_Throws(string fileName)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => SchemaMigrations.Parse([(fileName, "a")]));

        Assert.Contains(fileName, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Jobs")]
    [InlineData("1jobs")]
    [InlineData("jobs; DROP TABLE x")]
    [InlineData("runtime")]
    [InlineData("a_name_that_is_longer_than_32_chars")]
    public void FromEmbeddedResources_BadTrackName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => SchemaMigrationTrack.FromEmbeddedResources(name, typeof(SchemaMigrations).Assembly, "X."));

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEmbeddedResources_NoScriptsUnderPrefix_FailsOnFirstUse()
    {
        var track = SchemaMigrationTrack.FromEmbeddedResources("nothing", typeof(SchemaMigrations).Assembly, "No.Such.Prefix.");

        var ex = Assert.Throws<InvalidOperationException>(() => track.LatestVersion);

        Assert.Contains("No.Such.Prefix.*.sql", ex.Message, StringComparison.Ordinal);
        Assert.Equal("actors_nothing_schema_migrations", track.HistoryTable);
    }

    [Fact]
    public void Runtime_Track_IsTheEmbeddedScriptsInTheOriginalHistoryTable()
    {
        Assert.Equal("actors_schema_migrations", SchemaMigrationTrack.Runtime.HistoryTable);
        Assert.Same(SchemaMigrations.All, SchemaMigrationTrack.Runtime.Migrations);
    }
}

using Actors.GrainInterfaces.Jobs;
using Actors.Runtime.PostgreSql;

namespace Actors.Grains.PostgreSql;

/// <summary>The job store's schema: its own migration track, and the facts the SQL of the store and of the scripts share.</summary>
internal static class JobStoreSchema
{
    /// <summary>The "jobs" track: the scripts under Sql/Migrations, recorded in <c>actors_jobs_schema_migrations</c>.</summary>
    public static readonly SchemaMigrationTrack Track =
        SchemaMigrationTrack.FromEmbeddedResources("jobs", typeof(JobStoreSchema).Assembly, "Actors.Grains.PostgreSql.Sql.Migrations.");

    /// <summary>
    /// The non-final statuses as a SQL list (<c>'Queued', 'Scheduled', 'Running'</c>): the predicate of the partial
    /// index <c>actors_jobs_unfinished</c>, which the query must repeat word for word for the index to serve it.
    /// </summary>
    public static readonly string UnfinishedStatuses =
        string.Join(", ", Enum.GetValues<JobStatus>().Where(static s => !s.IsFinal()).Select(static s => $"'{s}'"));

    /// <summary><c>actors_job_blobs.kind</c> of a job's input.</summary>
    public const short InputKind = 0;

    /// <summary><c>actors_job_blobs.kind</c> of an attempt's output.</summary>
    public const short OutputKind = 1;
}

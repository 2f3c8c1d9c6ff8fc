using Actors.GrainInterfaces.Coordination.Discovery;
using Actors.GrainInterfaces.Coordination.Elections;
using Actors.GrainInterfaces.Coordination.Locks;
using Actors.Silo.Endpoints.Coordination.Discovery;
using Actors.Silo.Endpoints.Coordination.Elections;
using Actors.Silo.Endpoints.Coordination.KeyValue;
using Actors.Silo.Endpoints.Coordination.Locks;
using Actors.Silo.Endpoints.Coordination.Sessions;
using Actors.Silo.Endpoints.Jobs;

namespace Actors.Silo.Endpoints.Coordination;

/// <summary>
/// The coordination REST API: sessions, locks, semaphores, elections, the key/value store with watches, and service
/// discovery. Every error is an RFC 9457 problem; a grain's argument error is a 400 naming the argument.
/// </summary>
public static class CoordinationEndpoints
{
    private const string Json = "application/json";
    private const string Bytes = "application/octet-stream";
    private const string EventStream = "text/event-stream";
    private const string AnyContentType = "*/*";

    /// <summary>Maps the coordination endpoints under <c>/v1</c>.</summary>
    public static IEndpointRouteBuilder MapCoordinationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var v1 = endpoints.MapGroup("/v1")
            .AddEndpointFilter<JobApiExceptionFilter>()
            .AddEndpointFilter<CoordinationApiExceptionFilter>()
            .ProducesValidationProblem();
        MapSessions(v1.MapGroup("/sessions").WithTags("Sessions"));
        MapLocks(v1.MapGroup("/locks").WithTags("Locks"), v1.MapGroup("/semaphores").WithTags("Locks"));
        MapElections(v1.MapGroup("/elections").WithTags("Elections"));
        MapKeyValue(v1.MapGroup(string.Empty).WithTags("Key/value"));
        MapServices(v1.MapGroup("/services").WithTags("Services"));
        return endpoints;
    }

    private static void MapSessions(RouteGroupBuilder sessions)
    {
        sessions.MapPost(string.Empty, SessionHandlers.CreateAsync).WithName("CreateSession")
            .WithSummary("Create a session (a lease): {ttlSeconds (1..3600), owner?}")
            .Accepts<CreateSessionRequest>(Json, AnyContentType)
            .Produces<SessionResponse>(StatusCodes.Status201Created, Json);
        sessions.MapGet("/{id}", SessionHandlers.GetAsync).WithName("GetSession").WithSummary("Get a live session")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapPut("/{id}/keepalive", SessionHandlers.KeepAliveAsync).WithName("KeepSessionAlive")
            .WithSummary("Extend a session by its TTL from now").ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapDelete("/{id}", SessionHandlers.CloseAsync).WithName("CloseSession")
            .WithSummary("End a session; what it holds is released").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapLocks(RouteGroupBuilder locks, RouteGroupBuilder semaphores)
    {
        locks.MapPost("/{name}", LockHandlers.AcquireLockAsync).WithName("AcquireLock")
            .WithSummary("Acquire a lock with a fencing token")
            .WithDescription("Query: session (required), wait=0..300 s, mode=exclusive|shared, owner, lockDelay=0..60 s. " +
                             "409 'The lock is held.' when not granted within the wait; 404 when the session is unknown.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        locks.MapDelete("/{name}", LockHandlers.ReleaseLockAsync).WithName("ReleaseLock")
            .WithSummary("Release a lock: ?session=&token=").ProducesProblem(StatusCodes.Status409Conflict);
        locks.MapGet("/{name}", LockHandlers.GetLockAsync).WithName("GetLock").WithSummary("Holders, waiters and the last token");

        semaphores.MapPost("/{name}", LockHandlers.AcquirePermitAsync).WithName("AcquirePermit")
            .WithSummary("Take a permit of a semaphore")
            .WithDescription("Query: session and permits (required), wait=0..300 s, owner.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        semaphores.MapDelete("/{name}", LockHandlers.ReleasePermitAsync).WithName("ReleasePermit")
            .WithSummary("Return a permit: ?session=&token=").ProducesProblem(StatusCodes.Status409Conflict);
        semaphores.MapGet("/{name}", LockHandlers.GetSemaphoreAsync).WithName("GetSemaphore").WithSummary("Permits, holders and waiters")
            .Produces<LockInfo>(StatusCodes.Status200OK, Json);
    }

    private static void MapElections(RouteGroupBuilder elections)
    {
        elections.MapPost("/{name}/campaign", ElectionHandlers.CampaignAsync).WithName("Campaign")
            .WithSummary("Campaign to lead: {session, value, waitSeconds}")
            .Accepts<CampaignRequest>(Json, AnyContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        elections.MapPost("/{name}/resign", ElectionHandlers.ResignAsync).WithName("Resign")
            .WithSummary("Give up a term or a candidacy: {session, term}")
            .Accepts<ResignRequest>(Json, AnyContentType).ProducesProblem(StatusCodes.Status409Conflict);
        elections.MapPost("/{name}/proclaim", ElectionHandlers.ProclaimAsync).WithName("Proclaim")
            .WithSummary("The leader sets a new value: {session, term, value}")
            .Accepts<ProclaimRequest>(Json, AnyContentType).ProducesProblem(StatusCodes.Status409Conflict);
        elections.MapGet("/{name}", ElectionHandlers.GetAsync).WithName("GetElection").WithSummary("The leader and candidates")
            .Produces<ElectionState>(StatusCodes.Status200OK, Json);
        elections.MapGet("/{name}/observe", ElectionObserveHandler.HandleAsync).WithName("ObserveElection")
            .WithSummary("Stream the election as server-sent events: one 'leader' event per version")
            .Produces(StatusCodes.Status200OK, contentType: EventStream);
    }

    private static void MapKeyValue(RouteGroupBuilder v1)
    {
        v1.MapPut("/kv/{*key}", KvHandlers.PutAsync).WithName("PutKey")
            .WithSummary("Write a key: the raw body (at most 1 MiB) is the value")
            .WithDescription("Query: expectedRevision (compare-and-set on the key's modRevision; 0 = create only), session (an ephemeral key).")
            .Accepts<byte[]>(Bytes, AnyContentType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        v1.MapGet("/kv/{*key}", KvHandlers.GetAsync).WithName("GetKey")
            .WithSummary("Read a key's raw value (headers X-Revision, X-Mod-Revision, X-Create-Revision, X-Version), " +
                         "or with prefix=true a JSON page of keys (limit, after)")
            .Produces<byte[]>(StatusCodes.Status200OK, Bytes)
            .ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapDelete("/kv/{*key}", KvHandlers.DeleteAsync).WithName("DeleteKey")
            .WithSummary("Delete a key (compare-and-set with expectedRevision)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        v1.MapGet("/watch", KvWatchHandler.HandleAsync).WithName("WatchKeys")
            .WithSummary("Stream the changes of a key or prefix as server-sent events")
            .WithDescription("Query: key or prefix, fromRevision (default: the next revision). Events 'put' and 'delete' with id = revision; " +
                             "Last-Event-ID resumes after it; 410 when the revision was compacted.")
            .Produces(StatusCodes.Status200OK, contentType: EventStream)
            .ProducesProblem(StatusCodes.Status410Gone);
    }

    private static void MapServices(RouteGroupBuilder services)
    {
        services.MapPut("/{name}/instances/{id}", ServiceHandlers.RegisterAsync).WithName("RegisterInstance")
            .WithSummary("Register (201) or replace (200) an instance: {address, port, tags?, metadata?, session?, check?}")
            .Accepts<RegisterInstanceRequest>(Json, AnyContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        services.MapDelete("/{name}/instances/{id}", ServiceHandlers.DeregisterAsync).WithName("DeregisterInstance")
            .WithSummary("Remove an instance").ProducesProblem(StatusCodes.Status404NotFound);
        services.MapPut("/{name}/instances/{id}/pass", ServiceHandlers.PassAsync).WithName("PassInstance")
            .WithSummary("Mark a TTL-checked instance passing").ProducesProblem(StatusCodes.Status404NotFound);
        services.MapGet("/{name}", ServiceHandlers.GetAsync).WithName("GetService")
            .WithSummary("The service's instances (healthy=true, the default: only passing ones)")
            .Produces<ServiceSnapshot>(StatusCodes.Status200OK, Json);
        services.MapGet("/{name}/watch", ServiceHandlers.WatchAsync).WithName("WatchService")
            .WithSummary("Stream the service's instances as server-sent events: one 'snapshot' event per version")
            .Produces(StatusCodes.Status200OK, contentType: EventStream);
    }
}

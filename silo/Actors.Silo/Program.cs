using Actors.Runtime.Hosting;
using Actors.Runtime.Membership;
using Actors.Silo.Api;
using Actors.Silo.Endpoints;
using Actors.Silo.Endpoints.Coordination;
using Actors.Silo.Endpoints.Jobs;
using Actors.Silo.Endpoints.Nodes;
using Actors.Silo.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddActorsSiloHost();
    builder.Services.AddActorsApi();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.MapSiloEndpoints();
    app.MapOpenApi();
    app.MapJobEndpoints();
    app.MapNodeEndpoints();
    app.MapCoordinationEndpoints();

    // Resolved before the run: the host disposes its services when it stops.
    var termination = app.Services.GetRequiredService<SiloTermination>();
    await app.RunAsync();

    // A silo the cluster declared dead stopped itself: say so to whoever supervises the process.
    return termination.FatalReason is null ? 0 : SiloTermination.FatalExitCode;
}
catch (Exception ex) when (StartupErrors.IsConfigurationError(ex))
{
    await Console.Error.WriteLineAsync(StartupErrors.Describe(ex));
    return StartupErrors.InvalidConfigurationExitCode;
}
catch (MembershipJoinException ex)
{
    // A failed join is an expected outcome (the cluster is unreachable), not a crash: one line, no core dump.
    await Console.Error.WriteLineAsync("The silo did not start: " + ex.Message);
    return StartupErrors.JoinFailedExitCode;
}

/// <summary>The silo program (public for WebApplicationFactory tests).</summary>
public partial class Program;

using Actors.Runtime.Hosting;
using Actors.Silo.Endpoints;
using Actors.Silo.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddActorsSiloHost();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.MapSiloEndpoints();

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

/// <summary>The silo program (public for WebApplicationFactory tests).</summary>
public partial class Program;

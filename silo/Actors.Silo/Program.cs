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

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupErrors.IsConfigurationError(ex))
{
    await Console.Error.WriteLineAsync(StartupErrors.Describe(ex));
    return StartupErrors.InvalidConfigurationExitCode;
}

/// <summary>The silo program (public for WebApplicationFactory tests).</summary>
public partial class Program;

namespace Actors.Benchmarks.CrossSilo;

/// <summary>Finds the built silo host in this benchmark's configuration, building it when missing.</summary>
internal static class SiloBuild
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        var configuration = RepositoryRoot.Configuration;
        var path = Path.Combine(RepositoryRoot.Path, "artifacts", "bin", "Actors.Silo", configuration, "Actors.Silo.dll");
        if (File.Exists(path))
        {
            return path;
        }

        var msbuildConfiguration = configuration.Equals("release", StringComparison.OrdinalIgnoreCase) ? "Release" : "Debug";
        Console.WriteLine($"{path} is missing: building silo/Actors.Silo ({msbuildConfiguration})...");
        var build = await ChildProcess.RunAsync("dotnet", ["build", "-c", msbuildConfiguration, "silo/Actors.Silo/Actors.Silo.csproj"], BuildTimeout, cancellationToken);
        return build.ExitCode == 0 && File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Building silo/Actors.Silo failed (exit code {build.ExitCode}):\n{build.Stdout}\n{build.Stderr}");
    }
}

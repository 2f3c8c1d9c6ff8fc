namespace Actors.Benchmarks.CrossSilo;

/// <summary>Where the repository and its build outputs are, found from the running benchmark.</summary>
internal static class RepositoryRoot
{
    /// <summary>The directory holding Actors.sln.</summary>
    public static string Path { get; } = Find();

    /// <summary>The configuration this benchmark was built with ("release" or "debug", as artifacts/ names it).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Name;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Actors.sln above {AppContext.BaseDirectory}.");
    }
}

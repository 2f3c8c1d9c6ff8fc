namespace Actors.TestKit.Processes;

/// <summary>Where the repository and its build outputs are, found from the running test assembly.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding Actors.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with ("debug" or "release", as artifacts/ names it).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;

    /// <summary>The built assembly of a project under artifacts/bin, in the tests' configuration.</summary>
    public static string ProjectAssembly(string projectName)
    {
        var path = Path.Combine(Root, "artifacts", "bin", projectName, Configuration, projectName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution first (test.sh does).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Actors.sln above {AppContext.BaseDirectory}.");
    }
}

namespace Modelwatch.Benchmarks;

/// <summary>
/// Finds the read-only reference data: <c>$MODELWATCH_SHARED</c>, else <c>../shared</c> beside the repository root
/// (the folder holding <c>Modelwatch.slnx</c> above this program, which also holds for BenchmarkDotNet's child builds).
/// </summary>
internal static class SharedDataLocator
{
    public const string ArenaBattles = "data/arena/arena-human-preference-140k/battles.csv.gz";

    /// <exception cref="FileNotFoundException">The shared folder or the file in it is not there.</exception>
    public static string File(string relativePath)
    {
        var root = Environment.GetEnvironmentVariable("MODELWATCH_SHARED");
        if (string.IsNullOrEmpty(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Modelwatch.slnx")))
                {
                    root = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                    break;
                }
            }
        }

        var path = root is null ? null : Path.Combine(root, relativePath);
        return path is not null && System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"Needs shared/{relativePath} (looked in '{root ?? "<no repository root found>"}'); set MODELWATCH_SHARED to the shared folder.",
                path);
    }
}
